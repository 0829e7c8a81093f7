package workspace

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/cqrsworkbook/workbook/internal/progress"
)

var progressFile = path.Join(stateDir, "progress.json")

// Progress reads the learner's progress; a new workspace has none.
func (w *Workspace) Progress() (*progress.Progress, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.readProgress()
}

func (w *Workspace) readProgress() (*progress.Progress, error) {
	p := &progress.Progress{Chapters: map[string]*progress.Chapter{}}
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
		p.Chapters = map[string]*progress.Chapter{}
	}
	return p, nil
}

// UpdateProgress changes the progress with fn and saves it atomically. An
// error from fn is returned and nothing is saved.
func (w *Workspace) UpdateProgress(fn func(*progress.Progress) error) (*progress.Progress, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p, err := w.readProgress()
	if err != nil {
		return nil, err
	}
	if err := fn(p); err != nil {
		return nil, err
	}
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
func (w *Workspace) Award(chapterID string, earned [2]bool) ([]int, *progress.Progress, error) {
	var got []int
	prog, err := w.UpdateProgress(func(p *progress.Progress) error {
		got = p.Award(chapterID, earned, time.Now())
		return nil
	})
	return got, prog, err
}
