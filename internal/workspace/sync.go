package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// Report says what Sync changed in a learner's folder.
type Report struct {
	// Created is set when the folder was new.
	Created bool
	// Added are the top-level folders (days) the folder did not have.
	Added []string
	// Updated are learner files replaced by a newer stub: the learner had
	// not changed them, so nothing of theirs is lost.
	Updated []string
	// Kept are learner files whose stub changed upstream after the learner
	// changed them: theirs stays, and the new stub is at UpstreamPath.
	Kept []string
}

// stubsDir records, for each learner file, the stub it started from; it
// tells "the learner changed it" from "the workbook changed it".
func stubPath(p string) string { return path.Join(stateDir, "stubs", p) }

// UpstreamPath is where Sync leaves the newer stub of a learner file it
// kept (a path in Report.Kept), relative to the folder.
func UpstreamPath(p string) string { return path.Join(stateDir, "upstream", p) }

// Sync makes dir the learner's folder for the exercises in src (go.mod,
// the support packages and a folder per day), creating it if needed.
// isLearner says which files the learner edits. Those are never
// overwritten with anything the learner did not write: a missing one is
// copied, one the learner has not changed follows its stub, and one they
// changed is kept even when its stub changed (Report.Kept). Every other
// file (given files, tests, go.mod) belongs to the workbook and is brought
// up to date, so a fix to the curriculum reaches an existing folder. All
// writes go through an os.Root at dir and are atomic.
func Sync(dir string, src fs.FS, isLearner func(p string) bool) (Report, error) {
	var rep Report
	// Made now, or an empty folder made ready for it.
	if entries, err := os.ReadDir(dir); errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		rep.Created = true
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return rep, err
	}
	defer root.Close()
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if _, err := root.Stat(p); errors.Is(err, fs.ErrNotExist) && !rep.Created && !strings.Contains(p, "/") {
				rep.Added = append(rep.Added, p)
			}
			return root.MkdirAll(p, 0o755)
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		if isLearner(p) {
			return syncLearnerFile(root, p, data, &rep)
		}
		old, err := root.ReadFile(p)
		switch {
		case err == nil && bytes.Equal(old, data):
			return nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return err
		}
		return writeAtomic(root, p, data)
	})
	if err != nil {
		return rep, fmt.Errorf("%w (in %s)", err, dir)
	}
	return rep, nil
}

// syncLearnerFile brings one learner file p up to the stub data without
// losing anything the learner wrote.
func syncLearnerFile(root *os.Root, p string, stub []byte, rep *Report) error {
	mine, err := root.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		if err := writeAtomic(root, p, stub); err != nil {
			return err
		}
		return writeAtomic(root, stubPath(p), stub)
	}
	if err != nil {
		return err
	}
	started, err := root.ReadFile(stubPath(p))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A folder from before stubs were recorded: from now on.
		return writeAtomic(root, stubPath(p), stub)
	case err != nil:
		return err
	case sameText(started, stub):
		return nil // no news upstream
	case sameText(mine, stub):
		return writeAtomic(root, stubPath(p), stub)
	case sameText(mine, started):
		// Untouched since it was copied: it follows its stub.
		if err := writeAtomic(root, p, stub); err != nil {
			return err
		}
		rep.Updated = append(rep.Updated, p)
		return writeAtomic(root, stubPath(p), stub)
	}
	// Kept, with the new stub beside it; said once, when that copy is new.
	old, err := root.ReadFile(UpstreamPath(p))
	if err == nil && bytes.Equal(old, stub) {
		return nil
	}
	rep.Kept = append(rep.Kept, p)
	return writeAtomic(root, UpstreamPath(p), stub)
}

// sameText compares two files ignoring CRLF against LF line ends, which an
// editor on Windows may change without the learner changing anything.
func sameText(a, b []byte) bool {
	return bytes.Equal(bytes.ReplaceAll(a, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")))
}

// Prepare makes dir the learner's folder for the workbook in fsys (its
// whole tree, as chapter.View shows it) with Sync.
func Prepare(dir string, fsys fs.FS, chapters []*chapter.Chapter) (Report, error) {
	exercises, err := fs.Sub(chapter.View(fsys), chapter.ExercisesDir)
	if err != nil {
		return Report{}, err
	}
	return Sync(dir, exercises, func(p string) bool { return chapter.IsLearnerPath(chapters, p) })
}
