// Package chapter is the workbook's model of a chapter: its metadata, its
// prose, the learner's files, the given files, the tests and the reference
// solution. It reads everything from an fs.FS rooted at the repository (or an
// installed copy of it), so tests, the CLI and the server share one code path.
// It knows nothing of HTTP or of the engines that run the tests.
package chapter

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Directories of a workbook tree.
const (
	ChaptersDir  = "chapters"
	ExercisesDir = "exercises"
	SolutionsDir = "solutions"
	// ExercisesModule is the module path of the learner's workspace.
	ExercisesModule = "github.com/cqrsworkbook/workbook/exercises"
	// SupportDir holds packages every chapter's tests may import.
	SupportDir = "puzzle"
)

// ErrNotFound is returned when no chapter matches a name.
var ErrNotFound = errors.New("no such chapter")

// Chapter is one day of the workbook.
type Chapter struct {
	Meta
	// Number is the chapter's position, taken from its id ("03-aggregates" is 3).
	Number int
	// Dir is the folder of the chapter's prose, e.g. "chapters/03-aggregates".
	Dir string
	// Prose is the Markdown after the front matter; ProseLine is the line of
	// chapter.md on which it starts.
	Prose     string
	ProseLine int
	// Exercise holds the files of exercises/<id>: learner stubs, given files
	// and tests, by base name.
	Exercise map[string][]byte
	// Solution holds the reference version of each learner file, by base
	// name, as the engines run it: with the marks of Part 2's code (see
	// part.go). What a learner reads comes from SolutionFor.
	Solution map[string][]byte
	// Tests lists the test functions in file order.
	Tests []Test
	// CodeRefs lists the code the prose shows by reference.
	CodeRefs []CodeRef
	// Doc is the prose, parsed once (by Load, or ParseProse): what the
	// views render.
	Doc *Document
	// Outline is the prose's structure: headings, code blocks, worked
	// examples.
	Outline Outline
	// Mutants are the mistakes the chapter warns about, as patches of the
	// reference solution (solutions/<id>/mutants.txtar).
	Mutants []Mutant
	// Alternatives are correct solutions of other designs
	// (solutions/<id>/alternatives.txtar), which must pass like the
	// reference.
	Alternatives []Alternative

	keyLines metaLines
	notes    map[string]*Document // the front matter's Markdown, parsed
}

// Meta is a chapter's metadata, written as YAML front matter in chapter.md.
type Meta struct {
	ID           string   `yaml:"id" json:"id"`
	Title        string   `yaml:"title" json:"title"`
	Summary      string   `yaml:"summary" json:"summary"`
	Goals        []string `yaml:"goals" json:"goals"`
	LearnerFiles []string `yaml:"learner_files" json:"learner_files"`
	Carries      string   `yaml:"carries,omitempty" json:"carries,omitempty"`
	// Borrows names files of earlier days in another package that this
	// day's package holds too, as 04-event-store/store.go: the blog keeps
	// the bank's event store. They are carried as Carries's files are,
	// with this day's package clause.
	Borrows []string `yaml:"borrows,omitempty" json:"borrows,omitempty"`
	Hints   Hints    `yaml:"hints" json:"hints"`
	// Facilitator holds notes for workshop leaders, printed only in the
	// facilitator's handouts.
	Facilitator Facilitator `yaml:"facilitator,omitempty" json:"-"`
}

// Facilitator is what a workshop leader needs to know about a chapter.
type Facilitator struct {
	// Minutes is a suggested time for the chapter, both parts.
	Minutes int `yaml:"minutes,omitempty"`
	// Mistakes are the common mistakes the hints address: where people
	// get stuck.
	Mistakes []string `yaml:"mistakes,omitempty"`
	// Discussion is a question for the room once the day is done, in
	// Markdown.
	Discussion string `yaml:"discussion,omitempty"`
	// Sources are the documents the chapter's claims about real systems
	// were checked against: each a title, the section, and its address,
	// in Markdown.
	Sources []string `yaml:"sources,omitempty"`
}

// Hints are a chapter's hints for each part, gentlest first.
type Hints struct {
	Part1 []string `yaml:"part1" json:"part1"`
	Part2 []string `yaml:"part2" json:"part2"`
}

// Suite is a set of tests: the worked example of the text, or the full suite
// of edge cases and the puzzle input.
type Suite string

// The suites. All selects both.
const (
	Example Suite = "example"
	Full    Suite = "full"
	All     Suite = "all"
)

// ParseSuite returns the suite named s.
func ParseSuite(s string) (Suite, error) {
	switch Suite(s) {
	case Example, Full, All:
		return Suite(s), nil
	}
	return "", fmt.Errorf("unknown suite %q (want example, full or all)", s)
}

// Test is one test function of a chapter.
type Test struct {
	Name  string `json:"name"`
	Part  int    `json:"part"`
	Suite Suite  `json:"suite"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

var testName = regexp.MustCompile(`^TestPart([12])(Example|Full)`)

// classify returns the part and suite a test name declares.
func classify(name string) (part int, suite Suite, ok bool) {
	m := testName.FindStringSubmatch(name)
	if m == nil {
		return 0, "", false
	}
	part, _ = strconv.Atoi(m[1])
	return part, Suite(strings.ToLower(m[2])), true
}

// Select returns the tests of a suite, in file order.
func (c *Chapter) Select(s Suite) []Test {
	var out []Test
	for _, t := range c.Tests {
		if s == All || t.Suite == s {
			out = append(out, t)
		}
	}
	return out
}

// Test returns the test named name.
func (c *Chapter) Test(name string) (Test, bool) {
	for _, t := range c.Tests {
		if t.Name == name {
			return t, true
		}
	}
	return Test{}, false
}

// IsLearnerFile reports whether name is a file the learner edits.
func (c *Chapter) IsLearnerFile(name string) bool {
	for _, f := range c.LearnerFiles {
		if f == name {
			return true
		}
	}
	return false
}

// IsTestFile reports whether name is a test file.
func IsTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// GivenFiles returns the names of the exercise's given files: neither learner
// files nor tests.
func (c *Chapter) GivenFiles() []string {
	var out []string
	for _, name := range sortedKeys(c.Exercise) {
		if strings.HasSuffix(name, ".go") && !IsTestFile(name) && !c.IsLearnerFile(name) {
			out = append(out, name)
		}
	}
	return out
}

// TestFiles returns the names of the exercise's test files.
func (c *Chapter) TestFiles() []string {
	var out []string
	for _, name := range sortedKeys(c.Exercise) {
		if IsTestFile(name) {
			out = append(out, name)
		}
	}
	return out
}

// ImportPath is the Go import path of the chapter's exercise package.
func (c *Chapter) ImportPath() string { return ExercisesModule + "/" + c.ID }

// ExerciseDir is the exercise folder, relative to the workbook root.
func (c *Chapter) ExerciseDir() string { return path.Join(ExercisesDir, c.ID) }

// Package returns the files of the exercise package with the learner files
// replaced: by the reference solution when solution is true, then by any
// overrides (unsaved editor buffers, say), by base name.
func (c *Chapter) Package(solution bool, overrides map[string][]byte) (map[string][]byte, error) {
	out := make(map[string][]byte, len(c.Exercise))
	for name, data := range c.Exercise {
		if strings.HasSuffix(name, ".go") {
			out[name] = data
		}
	}
	if solution {
		for _, name := range c.LearnerFiles {
			data, ok := c.Solution[name]
			if !ok {
				return nil, fmt.Errorf("chapter %s: no reference solution for %s", c.ID, name)
			}
			out[name] = data
		}
	}
	for name, data := range overrides {
		if !c.IsLearnerFile(name) {
			return nil, fmt.Errorf("chapter %s: %s is not a learner file (learner files: %s)", c.ID, name, strings.Join(c.LearnerFiles, ", "))
		}
		out[name] = data
	}
	return out, nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Support returns the support packages the exercises may import (the puzzle
// helper), by import path, each as a map of file name to contents.
func Support(fsys fs.FS) (map[string]map[string][]byte, error) {
	fsys = View(fsys)
	dir := path.Join(ExercisesDir, SupportDir)
	files, err := readGoFiles(fsys, dir)
	if err != nil {
		return nil, err
	}
	for name := range files {
		if IsTestFile(name) {
			delete(files, name)
		}
	}
	return map[string]map[string][]byte{ExercisesModule + "/" + SupportDir: files}, nil
}

func readGoFiles(fsys fs.FS, dir string) (map[string][]byte, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = data
	}
	return files, nil
}

// IsLearnerPath reports whether p, a slash-separated path in the exercises
// folder such as "01-commands/parse.go", is a file the learner edits.
func IsLearnerPath(chapters []*Chapter, p string) bool {
	id, name, ok := strings.Cut(p, "/")
	if !ok {
		return false
	}
	ch := Find(chapters, id)
	return ch != nil && ch.ID == id && ch.IsLearnerFile(name)
}

// ModuleFiles is the learner's module without its days, as a build of one
// day needs it around that day's package: go.mod, go.sum and the Go files
// of every package that is not a day's (the support packages), tests left
// out, by slash path from the module's root. The go engine builds from
// these, never from a learner's folder, so nothing but the learner's own
// files of the day comes from there.
func ModuleFiles(fsys fs.FS) (map[string][]byte, error) {
	fsys = View(fsys)
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ExercisesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, ExercisesDir), "/")
		if d.IsDir() {
			if rel != "" && (IsDayFolder(rel) || strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		keep := rel == "go.mod" || rel == "go.sum" || (strings.Contains(rel, "/") && strings.HasSuffix(rel, ".go") && !IsTestFile(d.Name()))
		if !keep {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out[rel] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out["go.mod"] == nil {
		return nil, fmt.Errorf("no %s/go.mod in the workbook", ExercisesDir)
	}
	return out, nil
}
