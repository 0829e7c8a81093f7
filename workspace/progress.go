package workspace

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"time"
)

// Progress is what a learner has earned and seen.
type Progress struct {
	Chapters map[string]*ChapterProgress `json:"chapters"`
	// Last is the chapter the learner opened last.
	Last string `json:"last,omitempty"`
}

// ChapterProgress is one chapter's stars, hints and solution views. Index 0
// is Part 1, index 1 Part 2.
type ChapterProgress struct {
	Stars [2]*time.Time `json:"stars"`
	// Hints counts the hints revealed per part.
	Hints [2]int `json:"hints"`
	// SolutionShown records that the learner asked to see the reference
	// solution of a part before earning its star.
	SolutionShown [2]bool `json:"solution_shown"`
}

// Star reports whether part (1 or 2) has its star.
func (c *ChapterProgress) Star(part int) bool {
	return c != nil && part >= 1 && part <= 2 && c.Stars[part-1] != nil
}

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
func (p *Progress) Chapter(id string) *ChapterProgress {
	if p.Chapters == nil {
		p.Chapters = map[string]*ChapterProgress{}
	}
	c := p.Chapters[id]
	if c == nil {
		c = &ChapterProgress{}
		p.Chapters[id] = c
	}
	return c
}

var progressFile = path.Join(stateDir, "progress.json")

// Progress reads the learner's progress; a new workspace has none.
func (w *Workspace) Progress() (*Progress, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.readProgress()
}

func (w *Workspace) readProgress() (*Progress, error) {
	p := &Progress{Chapters: map[string]*ChapterProgress{}}
	data, err := w.root.ReadFile(progressFile)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, p); err != nil {
		return nil, fmt.Errorf("read %s: %w", progressFile, err)
	}
	if p.Chapters == nil {
		p.Chapters = map[string]*ChapterProgress{}
	}
	return p, nil
}

// UpdateProgress changes the progress with fn and saves it atomically.
func (w *Workspace) UpdateProgress(fn func(*Progress)) (*Progress, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p, err := w.readProgress()
	if err != nil {
		return nil, err
	}
	fn(p)
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := w.root.MkdirAll(stateDir, 0o755); err != nil {
		return nil, err
	}
	return p, w.writeAtomic(progressFile, append(data, '\n'))
}

// Award records the stars a run earned (index 0 is Part 1) and returns the
// parts that got their star just now, with the progress after.
func (w *Workspace) Award(chapterID string, earned [2]bool) ([]int, *Progress, error) {
	newStars := []int{}
	prog, err := w.UpdateProgress(func(p *Progress) {
		cp := p.Chapter(chapterID)
		p.Last = chapterID
		now := time.Now().UTC()
		for i := 0; i < 2; i++ {
			if earned[i] && cp.Stars[i] == nil {
				cp.Stars[i] = &now
				newStars = append(newStars, i+1)
			}
		}
	})
	return newStars, prog, err
}
