package chapter

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/tools/txtar"
)

// AlternativesFile is where a day keeps its alternative solutions, in its
// solutions folder.
const AlternativesFile = "alternatives.txtar"

// An Alternative is a correct solution whose design differs from the
// reference's (another representation of the state, another order of
// work): it must pass every test, in both engines, so that the tests check
// the rules the text states and not the reference's incidental choices.
type Alternative struct {
	// Name names the design, as the file's sections do ("map-of-balances").
	Name string
	// Files are the learner files it replaces, in the form the engines run;
	// the other learner files are the reference's.
	Files map[string][]byte
	// Line is the line of its first section in AlternativesFile.
	Line int
}

// AlternativeFiles returns the learner files of the alternative: the reference's,
// with the alternative's in their place.
func (c *Chapter) AlternativeFiles(a Alternative) map[string][]byte {
	out := make(map[string][]byte, len(c.Solution))
	for name, data := range c.Solution {
		out[name] = data
	}
	for name, data := range a.Files {
		out[name] = data
	}
	return out
}

// loadAlternatives reads a day's alternative solutions, if it has any: a
// txtar archive whose sections are named NAME/FILE, FILE a learner file.
func loadAlternatives(fsys fs.FS, ch *Chapter) ([]Alternative, error) {
	p := path.Join(SolutionsDir, ch.ID, AlternativesFile)
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, nil // a day without alternatives
	}
	headerLine := map[string]int{}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			headerLine[strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --")] = i + 1
		}
	}
	byName := map[string]*Alternative{}
	var errs []error
	for _, f := range txtar.Parse(data).Files {
		line := headerLine[f.Name]
		name, file, ok := strings.Cut(f.Name, "/")
		switch {
		case !ok || name == "" || strings.Contains(file, "/"):
			errs = append(errs, &Error{File: p, Line: line, Msg: fmt.Sprintf("section %q: want NAME/FILE, FILE one of the learner files %v", f.Name, ch.LearnerFiles)})
			continue
		case !ch.IsLearnerFile(file):
			errs = append(errs, &Error{File: p, Line: line, Msg: fmt.Sprintf("section %q: %s is not one of the learner files %v", f.Name, file, ch.LearnerFiles)})
			continue
		}
		a := byName[name]
		if a == nil {
			a = &Alternative{Name: name, Files: map[string][]byte{}, Line: line}
			byName[name] = a
		}
		if _, dup := a.Files[file]; dup {
			errs = append(errs, &Error{File: p, Line: line, Msg: fmt.Sprintf("section %q: a second %s for %s", f.Name, file, name)})
			continue
		}
		a.Files[file] = LearnerForm(f.Data)
	}
	var out []Alternative
	for _, a := range byName {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out, errors.Join(errs...)
}
