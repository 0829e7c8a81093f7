package progress

import (
	"errors"
	"testing"
	"time"
)

var then = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// starred is a chapter's progress with the given stars.
func starred(part1, part2 bool) *Chapter {
	c := &Chapter{}
	if part1 {
		c.Stars[0] = &then
	}
	if part2 {
		c.Stars[1] = &then
	}
	return c
}

func TestOpenAndCurrent(t *testing.T) {
	tests := []struct {
		name         string
		c            *Chapter
		open1, open2 bool
		current      int
		starred      [2]bool
	}{
		{"a new day", &Chapter{}, true, false, 1, [2]bool{}},
		{"Part 1 solved", starred(true, false), true, true, 2, [2]bool{true, false}},
		{"both solved", starred(true, true), true, true, 2, [2]bool{true, true}},
		{"never seen", nil, true, false, 1, [2]bool{}},
	}
	for _, tt := range tests {
		if got := tt.c.Open(1); got != tt.open1 {
			t.Errorf("%s: Open(1) = %v, want %v", tt.name, got, tt.open1)
		}
		if got := tt.c.Open(2); got != tt.open2 {
			t.Errorf("%s: Open(2) = %v, want %v", tt.name, got, tt.open2)
		}
		if got := tt.c.Open(3); got {
			t.Errorf("%s: Open(3) = true, want false", tt.name)
		}
		if got := tt.c.Current(); got != tt.current {
			t.Errorf("%s: Current() = %d, want %d", tt.name, got, tt.current)
		}
		if got := tt.c.Starred(); got != tt.starred {
			t.Errorf("%s: Starred() = %v, want %v", tt.name, got, tt.starred)
		}
	}
}

func TestRevealHint(t *testing.T) {
	tests := []struct {
		name      string
		given     *Chapter
		part      int
		available int
		want      int   // hints shown after
		err       error // or the refusal
	}{
		{"the first of Part 1's", &Chapter{}, 1, 3, 1, nil},
		{"the next one", &Chapter{Hints: [2]int{1, 0}}, 1, 3, 2, nil},
		{"all shown already", &Chapter{Hints: [2]int{3, 0}}, 1, 3, 3, nil},
		{"a chapter with fewer hints than were seen", &Chapter{Hints: [2]int{5, 0}}, 1, 2, 2, nil},
		{"Part 2's while Part 1 has no star", &Chapter{}, 2, 2, 0, ErrLocked},
		{"Part 2's once Part 1 has its star", starred(true, false), 2, 2, 1, nil},
		{"no Part 3", &Chapter{}, 3, 2, 0, ErrPart},
	}
	for _, tt := range tests {
		got, err := tt.given.RevealHint(tt.part, tt.available)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("%s: RevealHint(%d, %d) = %d, %v; want %d, %v", tt.name, tt.part, tt.available, got, err, tt.want, tt.err)
		}
		if tt.err != nil && tt.given.Hints != (&Chapter{}).Hints && tt.part <= 2 {
			t.Errorf("%s: a refused hint changed the count to %v", tt.name, tt.given.Hints)
		}
	}
}

func TestHintsShownOfALockedPart(t *testing.T) {
	// Seen before a reset of the stars, say: a locked part shows none.
	c := &Chapter{Hints: [2]int{1, 2}}
	if got := c.HintsShown(2, 3); got != 0 {
		t.Errorf("HintsShown(2, 3) with Part 2 locked = %d, want 0", got)
	}
	if got := c.HintsShown(1, 3); got != 1 {
		t.Errorf("HintsShown(1, 3) = %d, want 1", got)
	}
}

func TestShowSolution(t *testing.T) {
	tests := []struct {
		name      string
		given     *Chapter
		part      int
		confirmed bool
		err       error
		shown     [2]bool // SolutionShown after
	}{
		{"Part 1 passed", starred(true, false), 1, false, nil, [2]bool{}},
		{"Part 1 not passed, not confirmed", &Chapter{}, 1, false, ErrNotConfirmed, [2]bool{}},
		{"Part 1 not passed, confirmed", &Chapter{}, 1, true, nil, [2]bool{true, false}},
		{"Part 2 with only Part 1 passed", starred(true, false), 2, false, ErrNotConfirmed, [2]bool{}},
		{"Part 2 confirmed", starred(true, false), 2, true, nil, [2]bool{false, true}},
		{"Part 2 passed", starred(true, true), 2, false, nil, [2]bool{}},
		{"no Part 0", &Chapter{}, 0, true, ErrPart, [2]bool{}},
	}
	for _, tt := range tests {
		err := tt.given.ShowSolution(tt.part, tt.confirmed)
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: ShowSolution(%d, %v) = %v, want %v", tt.name, tt.part, tt.confirmed, err, tt.err)
		}
		if tt.given.SolutionShown != tt.shown {
			t.Errorf("%s: after ShowSolution(%d, %v), SolutionShown = %v, want %v", tt.name, tt.part, tt.confirmed, tt.given.SolutionShown, tt.shown)
		}
	}
}

func TestAward(t *testing.T) {
	p := &Progress{}
	if got := p.Award("01-commands", [2]bool{true, false}, then); len(got) != 1 || got[0] != 1 {
		t.Errorf("Award(01-commands, Part 1) = %v, want [1]", got)
	}
	later := then.Add(time.Hour)
	if got := p.Award("01-commands", [2]bool{true, true}, later); len(got) != 1 || got[0] != 2 {
		t.Errorf("Award(01-commands, both) after Part 1's = %v, want [2]", got)
	}
	if got := p.Chapter("01-commands").Stars[0]; !got.Equal(then) {
		t.Errorf("Part 1's star moved to %v, want it kept at %v", got, then)
	}
	// Part 2's tests pass, Part 1's fail: Part 2 is not open, no star.
	if got := p.Award("03-aggregates", [2]bool{false, true}, later); len(got) != 0 || p.Chapter("03-aggregates").Star(2) {
		t.Errorf("Award(03-aggregates, Part 2 only) = %v, want none: Part 2 opens with Part 1's star", got)
	}
	if got := p.Award("02-events", [2]bool{}, later); len(got) != 0 {
		t.Errorf("Award(02-events, none) = %v, want none", got)
	}
	if p.Last != "02-events" {
		t.Errorf("Last = %q, want 02-events", p.Last)
	}
	if got := p.StarCount(); got != 2 {
		t.Errorf("StarCount() = %d, want 2", got)
	}
	if got := Total(16); got != 32 {
		t.Errorf("Total(16) = %d, want 32", got)
	}
}
