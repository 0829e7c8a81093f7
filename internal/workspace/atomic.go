package workspace

import (
	"errors"
	"os"
	"path"
	"time"
)

// writeAtomic replaces p (slash-separated, relative to root) with data in
// one step: a temporary file in the same folder, fsync, rename, and an
// fsync of the folder where the system has one. A reader sees the old
// file or the new one, never a part; a crash leaves a temporary file that
// Open removes.
func writeAtomic(root *os.Root, p string, data []byte) error {
	dir := path.Dir(p)
	if err := root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := path.Join(dir, "."+path.Base(p)+".tmp-"+randomSuffix())
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		_ = root.Remove(tmp)
		return err
	}
	if err := retry(func() error { return root.Rename(tmp, p) }, renameIsTransient, time.Sleep); err != nil {
		_ = root.Remove(tmp)
		return err
	}
	return syncDir(root, dir)
}

// renameAttempts bound retry: about two seconds in all.
const renameAttempts = 12

// retry runs op until it succeeds, fails for a reason transient does not
// accept, or has been tried renameAttempts times, sleeping longer between
// tries. On Windows a rename over a file that another program (an editor,
// a virus scanner, the search indexer) holds open fails for a moment; it
// is the same rename a moment later.
func retry(op func() error, transient func(error) bool, sleep func(time.Duration)) error {
	wait := 2 * time.Millisecond
	var err error
	for range renameAttempts {
		if err = op(); err == nil || !transient(err) {
			return err
		}
		sleep(wait)
		wait = min(2*wait, 400*time.Millisecond)
	}
	return err
}
