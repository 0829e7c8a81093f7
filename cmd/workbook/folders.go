package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	content "github.com/cqrsworkbook/workbook"
	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// The folders a command works with. The content comes from a clone of the
// repository when the command runs inside one (so authors see their edits
// live) and from the binary otherwise. The learner's folder is found the
// way git finds a repository: from any folder inside it.

// defaultFolder is the learner folder "workbook init" writes, and the name
// of the one in the home folder used when no other is found.
const defaultFolder = "cqrs-workbook"

// cloneWorkFolder is the learner folder inside a clone, kept out of git.
const cloneWorkFolder = "work"

// contentSource is where the chapters, exercises and solutions come from.
type contentSource struct {
	// root is the clone on disk, or "" for the content in the binary.
	root string
	fsys fs.FS
}

// findContent returns the clone named by $WORKBOOK_ROOT, else the nearest
// clone above the current folder, else the content built into the binary.
func findContent() (contentSource, error) {
	if r := os.Getenv("WORKBOOK_ROOT"); r != "" {
		root, err := filepath.Abs(r)
		if err != nil {
			return contentSource{}, err
		}
		if !isClone(root) {
			return contentSource{}, fmt.Errorf("WORKBOOK_ROOT=%s is not a clone of the workbook (no chapters/ and exercises/%s there)", r, chapter.LearnerModFile)
		}
		return contentSource{root, os.DirFS(root)}, nil
	}
	if d, ok := upward(isClone); ok {
		return contentSource{d, os.DirFS(d)}, nil
	}
	return contentSource{"", builtIn()}, nil
}

// builtIn is the content built into the binary. The command's own tests
// put the fixture workbook in its place.
var builtIn = content.Content

// upward is the nearest folder from the current one up to the root for
// which is(dir) holds, the way git finds a repository.
func upward(is func(dir string) bool) (string, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if is(d) {
			return d, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// isClone reports whether d is the root of a clone of the workbook.
func isClone(d string) bool {
	st, err := os.Stat(filepath.Join(d, chapter.ChaptersDir))
	if err != nil || !st.IsDir() {
		return false
	}
	_, err = os.Stat(filepath.Join(d, chapter.ExercisesDir, chapter.LearnerModFile))
	return err == nil
}

// isLearnerFolder reports whether d holds a learner's folder: its go.mod
// declares the exercises' module.
func isLearnerFolder(d string) bool {
	return modulePath(filepath.Join(d, "go.mod")) == chapter.ExercisesModule
}

// modulePath reads the module line of a go.mod file, or "".
func modulePath(gomod string) string {
	f, err := os.Open(gomod)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 1<<16))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// learnerFolder is the learner's folder and how it was chosen.
type learnerFolder struct {
	dir string
	// why says how it was found, for the commands that say where it is.
	why string
}

// findLearnerFolder picks the learner's folder: --workspace, else
// $WORKBOOK_WORKSPACE, else the nearest learner folder above the current
// one (or work/ in the clone it is in), else cqrs-workbook in the home
// folder.
func findLearnerFolder(flagValue, cloneRoot string) (learnerFolder, error) {
	abs := func(d, why string) (learnerFolder, error) {
		d, err := filepath.Abs(d)
		return learnerFolder{d, why}, err
	}
	if flagValue != "" {
		return abs(flagValue, "--workspace")
	}
	if env := os.Getenv("WORKBOOK_WORKSPACE"); env != "" {
		return abs(env, "WORKBOOK_WORKSPACE")
	}
	if d, ok := upward(isLearnerFolder); ok {
		return learnerFolder{d, "the folder you are in"}, nil
	}
	if d, ok := upward(isClone); ok {
		return learnerFolder{filepath.Join(d, cloneWorkFolder), "the clone you are in"}, nil
	}
	if cloneRoot != "" {
		return learnerFolder{filepath.Join(cloneRoot, cloneWorkFolder), "WORKBOOK_ROOT"}, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return learnerFolder{}, fmt.Errorf("no folder for your files: %w; run 'workbook init DIR' and work inside DIR", err)
	}
	return learnerFolder{filepath.Join(home, defaultFolder), "the default, in your home folder"}, nil
}

// errNotLearnerFolder: a folder with other files in it is not made a
// learner's folder, so that nothing in it is overwritten.
var errNotLearnerFolder = errors.New("it holds other files and is not a workbook folder")

// checkFolder refuses a folder that exists, is not empty and is not a
// learner's folder.
func checkFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if !isLearnerFolder(dir) {
		return fmt.Errorf("cannot use %s for your files: %w (choose a new folder)", dir, errNotLearnerFolder)
	}
	return nil
}

// syncFolder writes or updates the learner's folder dir from the content.
func (wb *workbook) syncFolder(dir string) (workspace.Report, error) {
	if err := checkFolder(dir); err != nil {
		return workspace.Report{}, err
	}
	rep, err := workspace.Prepare(dir, wb.fsys, wb.chapters)
	if err != nil {
		return rep, fmt.Errorf("prepare your folder %s: %w", dir, err)
	}
	return rep, nil
}

// printFolderNotes says where a folder just made is, and what its update
// changed.
func printFolderNotes(w io.Writer, lf learnerFolder, rep workspace.Report) {
	if rep.Created {
		fmt.Fprintf(w, "Made your workbook folder (%s): %s\n", lf.why, lf.dir)
	}
	printSyncReport(w, lf.dir, rep)
}

// printSyncReport says what a sync changed that the learner should know.
func printSyncReport(w io.Writer, dir string, rep workspace.Report) {
	for _, p := range rep.Added {
		fmt.Fprintf(w, "New day: %s\n", filepath.Join(dir, filepath.FromSlash(p)))
	}
	for _, p := range rep.Updated {
		fmt.Fprintf(w, "Updated stub (you had not changed it): %s\n", filepath.Join(dir, filepath.FromSlash(p)))
	}
	for _, p := range rep.Kept {
		fmt.Fprintf(w, "The stub of %s changed in this version of the workbook; your file is kept, and the new stub is in %s\n",
			filepath.Join(dir, filepath.FromSlash(p)), filepath.Join(dir, filepath.FromSlash(workspace.UpstreamPath(p))))
	}
}
