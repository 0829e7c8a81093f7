// Package watch reruns something — a chapter's tests — whenever a learner
// saves one of their files. Editors save in many small steps (a temporary
// file, a write, a rename, a change of mode); the watcher waits until they
// have settled and runs once, and not at all when the content is unchanged.
package watch

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long a burst of file events may last.
const DefaultDebounce = 120 * time.Millisecond

// Watcher watches some files of one folder.
type Watcher struct {
	// Dir is the folder; Files are the names in it to watch.
	Dir   string
	Files []string
	// Debounce is how long to wait for a save to settle; zero means
	// DefaultDebounce.
	Debounce time.Duration
	// Run is called once when Watch starts and after every save that
	// changed a file's content. It runs on Watch's goroutine.
	Run func(ctx context.Context)
}

// Watch runs until ctx ends. It watches the folder rather than the files,
// because a save by rename replaces the file the watch would be on.
func (w *Watcher) Watch(ctx context.Context) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	if err := fw.Add(w.Dir); err != nil {
		return err
	}
	debounce := w.Debounce
	if debounce == 0 {
		debounce = DefaultDebounce
	}
	watched := map[string]bool{}
	for _, f := range w.Files {
		watched[filepath.Join(w.Dir, f)] = true
	}
	sums := w.sums()
	w.Run(ctx)
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			return err
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if watched[ev.Name] {
				settle = time.After(debounce)
			}
		case <-settle:
			settle = nil
			now := w.sums()
			if now != sums {
				sums = now
				w.Run(ctx)
			}
		}
	}
}

// sums fingerprints the watched files' contents.
func (w *Watcher) sums() string {
	h := sha256.New()
	for _, f := range w.Files {
		data, err := os.ReadFile(filepath.Join(w.Dir, f))
		if err != nil {
			h.Write([]byte("missing:" + f))
			continue
		}
		h.Write([]byte(f))
		h.Write(data)
	}
	return string(h.Sum(nil))
}
