package sandbox

import (
	"io/fs"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// folderEvery is how often the parent sums the child's folder. Between two
// looks a child can write at most what the disk takes in that time; where
// the system has one, the file-size limit bounds each file as well.
const folderEvery = 50 * time.Millisecond

// folderWatch ends a child whose private folder outgrows its cap.
type folderWatch struct {
	done chan struct{}
	once sync.Once
	over atomic.Bool
}

func (w *folderWatch) watch(dir string, limit int64, kill func()) {
	w.done = make(chan struct{})
	go func() {
		t := time.NewTicker(folderEvery)
		defer t.Stop()
		for {
			select {
			case <-w.done:
				return
			case <-t.C:
			}
			if FolderSize(dir) > limit {
				w.over.Store(true)
				kill()
				return
			}
		}
	}()
}

func (w *folderWatch) stop() {
	if w.done != nil {
		w.once.Do(func() { close(w.done) })
	}
}

// FolderSize is the total size of the regular files under dir, counting
// what it can read and skipping what vanished while it looked.
func FolderSize(dir string) int64 {
	var total int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			total += info.Size()
		}
		return nil
	})
	return total
}
