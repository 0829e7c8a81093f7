// Package progress holds what a learner has earned and seen in the
// workbook, and the rules over it that the web workbook and the terminal
// share: which part a learner is on, when Part 2 opens, how hints are
// revealed, when a reference solution may be shown, and how stars count.
// The workspace package stores it; nothing else decides these rules.
package progress

import (
	"errors"
	"fmt"
	"time"
)

// Errors of the rules, checked with errors.Is.
var (
	// ErrPart is a part other than 1 or 2.
	ErrPart = errors.New("part must be 1 or 2")
	// ErrLocked is Part 2's text, hints or tests asked for while Part 1
	// has no star.
	ErrLocked = errors.New("Part 2 opens when Part 1 has its star")
	// ErrNotConfirmed is a reference solution asked for before its part
	// passed, without the learner confirming that they want it now.
	ErrNotConfirmed = errors.New("the reference solution opens once the part passes, or now if you confirm that you want to see it")
)

// Progress is what a learner has earned and seen, by chapter ID.
type Progress struct {
	Chapters map[string]*Chapter `json:"chapters"`
	// Last is the chapter the learner opened last.
	Last string `json:"last,omitempty"`
}

// Chapter is one chapter's stars, hints and solution views. Index 0 is
// Part 1, index 1 Part 2.
type Chapter struct {
	Stars [2]*time.Time `json:"stars"`
	// Hints counts the hints revealed per part.
	Hints [2]int `json:"hints"`
	// SolutionShown records that the learner asked to see the reference
	// solution of a part before earning its star.
	SolutionShown [2]bool `json:"solution_shown"`
}

// Total is the number of stars a workbook of days days holds: two a day.
func Total(days int) int { return 2 * days }

// StarCount counts the stars earned in all chapters.
func (p *Progress) StarCount() int {
	n := 0
	for _, c := range p.Chapters {
		for part := 1; part <= 2; part++ {
			if c.Star(part) {
				n++
			}
		}
	}
	return n
}

// Chapter returns the progress of one chapter, creating it.
func (p *Progress) Chapter(id string) *Chapter {
	if p.Chapters == nil {
		p.Chapters = map[string]*Chapter{}
	}
	c := p.Chapters[id]
	if c == nil {
		c = &Chapter{}
		p.Chapters[id] = c
	}
	return c
}

// Award records the stars a run of chapter id earned at the time at
// (index 0 is Part 1), makes it the last chapter opened, and returns the
// parts that got their star just now. A star once earned keeps its time.
// Part 2's star comes only with Part 1's, earned before or in the same run:
// Part 2 is not open before (Open), even where its tests can be run, as in
// the terminal.
func (p *Progress) Award(id string, earned [2]bool, at time.Time) []int {
	c := p.Chapter(id)
	p.Last = id
	at = at.UTC()
	got := []int{}
	for i := range 2 {
		if earned[i] && c.Stars[i] == nil && c.Open(i+1) {
			c.Stars[i] = &at
			got = append(got, i+1)
		}
	}
	return got
}

// Star reports whether part (1 or 2) has its star.
func (c *Chapter) Star(part int) bool {
	return c != nil && part >= 1 && part <= 2 && c.Stars[part-1] != nil
}

// Starred is the chapter's two stars, Part 1's first.
func (c *Chapter) Starred() [2]bool { return [2]bool{c.Star(1), c.Star(2)} }

// Open reports whether part is open to the learner: Part 1 always, Part 2
// once Part 1 has its star. Only an open part's text, hints and tests are
// the learner's to see and run.
func (c *Chapter) Open(part int) bool {
	return part == 1 || part == 2 && c.Star(1)
}

// Current is the part the learner is on: 1 until it has its star, then 2.
func (c *Chapter) Current() int {
	if c.Star(1) {
		return 2
	}
	return 1
}

// HintsShown is how many of part's available hints the learner has
// revealed: none of a part that is not open.
func (c *Chapter) HintsShown(part, available int) int {
	if part < 1 || part > 2 || c == nil || !c.Open(part) {
		return 0
	}
	return min(c.Hints[part-1], available)
}

// RevealHint reveals the next of part's available hints, gentlest first,
// and returns how many are shown now; with all of them shown it changes
// nothing. A part that is not open has none to give (ErrLocked).
func (c *Chapter) RevealHint(part, available int) (int, error) {
	if err := checkPart(part); err != nil {
		return 0, err
	}
	if !c.Open(part) {
		return 0, ErrLocked
	}
	if c.Hints[part-1] < available {
		c.Hints[part-1]++
	}
	return c.HintsShown(part, available), nil
}

// ShowSolution decides whether the learner may see part's reference
// solution: once the part has its star, or before that if they confirmed
// it, which is then recorded in SolutionShown. Otherwise ErrNotConfirmed.
func (c *Chapter) ShowSolution(part int, confirmed bool) error {
	if err := checkPart(part); err != nil {
		return err
	}
	if c.Star(part) {
		return nil
	}
	if !confirmed {
		return ErrNotConfirmed
	}
	c.SolutionShown[part-1] = true
	return nil
}

func checkPart(part int) error {
	if part != 1 && part != 2 {
		return fmt.Errorf("%w, not %d", ErrPart, part)
	}
	return nil
}
