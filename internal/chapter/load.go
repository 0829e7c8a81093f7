package chapter

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"
)

// Error is a problem in a chapter's sources, at a file and line.
type Error struct {
	File string // relative to the workbook root
	Line int    // 0 when the problem concerns the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var idPattern = regexp.MustCompile(`^([0-9]{2})-[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads every chapter of the workbook in fsys, in order. Problems in
// the sources come back together, each as an *Error naming file and line,
// with the chapters that did load: an author checking one chapter need not
// wait for another author's half-written one (see the CLI's check, gen and
// test). Everything else treats any error as fatal.
func Load(fsys fs.FS) ([]*Chapter, error) {
	fsys = View(fsys)
	entries, err := fs.ReadDir(fsys, ChaptersDir)
	if err != nil {
		return nil, fmt.Errorf("read chapters: %w", err)
	}
	var chapters []*Chapter
	var errs []error
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		ch, err := loadOne(fsys, e.Name())
		if err != nil {
			errs = append(errs, err)
			continue
		}
		chapters = append(chapters, ch)
	}
	sort.Slice(chapters, func(i, j int) bool { return chapters[i].ID < chapters[j].ID })
	for i, ch := range chapters {
		if i > 0 && chapters[i-1].Number == ch.Number {
			errs = append(errs, &Error{File: path.Join(ch.Dir, "chapter.md"), Msg: fmt.Sprintf("chapter number %02d is used twice (%s and %s)", ch.Number, chapters[i-1].ID, ch.ID)})
		}
		if ch.Carries != "" && Find(chapters[:i], ch.Carries) == nil {
			errs = append(errs, &Error{File: path.Join(ch.Dir, "chapter.md"), Line: ch.line("carries"), Msg: fmt.Sprintf("carries %q, which is not an earlier chapter", ch.Carries)})
		}
		for _, b := range ch.Borrows {
			if msg := borrowProblem(chapters[:i], ch, b); msg != "" {
				errs = append(errs, &Error{File: path.Join(ch.Dir, "chapter.md"), Line: ch.line("borrows"), Msg: msg})
			}
		}
	}
	return chapters, errors.Join(errs...)
}

// borrowProblem says what is wrong with one of ch's borrows, b, given the
// chapters before it; "" if nothing is.
func borrowProblem(earlier []*Chapter, ch *Chapter, b string) string {
	day, name, ok := strings.Cut(b, "/")
	if !ok || name == "" || strings.Contains(name, "/") {
		return fmt.Sprintf("borrows %q: want DAY/FILE.go, as 04-event-store/store.go", b)
	}
	from := Find(earlier, day)
	if from == nil || from.ID != day {
		return fmt.Sprintf("borrows %q, but %q is not an earlier chapter's id", b, day)
	}
	if _, ok := from.Exercise[name]; !ok || IsTestFile(name) || !strings.HasSuffix(name, ".go") {
		return fmt.Sprintf("borrows %q, but %s has no Go file %s that is not a test", b, day, name)
	}
	if ch.IsLearnerFile(name) {
		return fmt.Sprintf("borrows %q, a learner file of its own", b)
	}
	if _, generated := IsGenerated(ch.Exercise[name]); !generated {
		return fmt.Sprintf("borrows %q, and has a %s of its own in %s: delete one", b, name, path.Join(ExercisesDir, ch.ID))
	}
	return ""
}

// Find returns the chapter named by s: "3", "03" or "03-aggregates"; nil if none.
func Find(chapters []*Chapter, s string) *Chapter {
	n, numErr := strconv.Atoi(s)
	if strings.Trim(s, "0123456789") != "" { // Atoi takes "+3" and "-0" too
		numErr = strconv.ErrSyntax
	}
	for _, ch := range chapters {
		if ch.ID == s || (numErr == nil && ch.Number == n) {
			return ch
		}
	}
	return nil
}

// Lookup is Find with an error that lists the chapters there are.
func Lookup(chapters []*Chapter, s string) (*Chapter, error) {
	if ch := Find(chapters, s); ch != nil {
		return ch, nil
	}
	ids := make([]string, len(chapters))
	for i, ch := range chapters {
		ids[i] = ch.ID
	}
	return nil, fmt.Errorf("%w %q (chapters: %s)", ErrNotFound, s, strings.Join(ids, ", "))
}

// lines records the line of each top-level metadata key, for messages.
type metaLines map[string]int

func (c *Chapter) line(key string) int { return c.keyLines[key] }

func loadOne(fsys fs.FS, id string) (*Chapter, error) {
	dir := path.Join(ChaptersDir, id)
	mdPath := path.Join(dir, "chapter.md")
	m := idPattern.FindStringSubmatch(id)
	if m == nil {
		return nil, &Error{File: dir, Msg: "chapter folder must be named NN-slug, like 03-aggregates"}
	}
	num, _ := strconv.Atoi(m[1])
	src, err := fs.ReadFile(fsys, mdPath)
	if err != nil {
		return nil, &Error{File: mdPath, Msg: "missing: every chapter folder needs a chapter.md"}
	}
	meta, keyLines, prose, proseLine, err := parseFrontMatter(mdPath, src)
	if err != nil {
		return nil, err
	}
	ch := &Chapter{Meta: meta, Number: num, Dir: dir, Prose: prose, ProseLine: proseLine, keyLines: keyLines}
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: mdPath, Line: ch.line(key), Msg: fmt.Sprintf(format, args...)})
	}
	if meta.ID != id {
		bad("id", "id is %q, want the folder's name %q", meta.ID, id)
	}
	if strings.TrimSpace(meta.Title) == "" {
		bad("title", "title is required")
	}
	if len(meta.Goals) == 0 {
		bad("goals", "goals: list at least one learning goal")
	}
	if len(meta.LearnerFiles) == 0 {
		bad("learner_files", "learner_files: name the files the learner edits")
	}
	if len(meta.Hints.Part1) == 0 || len(meta.Hints.Part2) == 0 {
		bad("hints", "hints: give part1 and part2 at least one hint each, gentlest first")
	}
	for i, h := range append(append([]string{}, meta.Hints.Part1...), meta.Hints.Part2...) {
		if strings.TrimSpace(h) == "" {
			bad("hints", "hint %d is empty", i+1)
		}
	}

	exDir := path.Join(ExercisesDir, id)
	ch.Exercise, err = readGoFiles(fsys, exDir)
	if err != nil {
		errs = append(errs, &Error{File: exDir, Msg: "missing exercise folder: " + err.Error()})
	}
	solDir := path.Join(SolutionsDir, id)
	ch.Solution, err = readGoFiles(fsys, solDir)
	if err != nil {
		errs = append(errs, &Error{File: solDir, Msg: "missing solution folder: " + err.Error()})
	}
	for _, name := range meta.LearnerFiles {
		if path.Base(name) != name || !strings.HasSuffix(name, ".go") || IsTestFile(name) {
			bad("learner_files", "learner file %q must be a plain .go file name, not a test", name)
			continue
		}
		if ch.Exercise != nil && ch.Exercise[name] == nil {
			bad("learner_files", "learner file %s is missing from %s", name, exDir)
		}
		if ch.Solution != nil && ch.Solution[name] == nil {
			bad("learner_files", "learner file %s has no reference solution in %s", name, solDir)
		}
	}
	for name := range ch.Solution {
		if !ch.IsLearnerFile(name) {
			errs = append(errs, &Error{File: path.Join(solDir, name), Msg: "solutions hold only learner files; this one is not in learner_files"})
		}
	}
	tests, err := parseTests(exDir, ch.Exercise)
	if err != nil {
		errs = append(errs, err)
	}
	ch.Tests = tests
	if ch.Exercise != nil && err == nil && len(tests) == 0 {
		errs = append(errs, &Error{File: exDir, Msg: "no tests: add TestPart1Example... functions in a _test.go file"})
	}
	ch.parseNotes()
	if err := ch.ParseProse(fsys); err != nil {
		errs = append(errs, err)
	}
	if ch.Solution != nil {
		if err := checkParts(ch); err != nil {
			errs = append(errs, err)
		}
	}
	if ch.Solution != nil && err == nil {
		ch.Mutants, err = loadMutants(fsys, ch, strings.Split(string(src), "\n"))
		if err != nil {
			errs = append(errs, err)
		}
		ch.Alternatives, err = loadAlternatives(fsys, ch)
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ch, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseFrontMatter splits chapter.md into its YAML metadata and its prose.
func parseFrontMatter(file string, src []byte) (Meta, metaLines, string, int, error) {
	var meta Meta
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	if !strings.HasPrefix(s, "---\n") {
		return meta, nil, "", 0, &Error{File: file, Line: 1, Msg: "chapter.md must start with YAML front matter between --- lines"}
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return meta, nil, "", 0, &Error{File: file, Line: 1, Msg: "front matter is not closed by a --- line"}
	}
	yml := s[4 : 4+end+1]
	prose := s[4+end+5:]
	proseLine := strings.Count(s[:4+end+5], "\n") + 1

	// Lines in YAML errors count from the line after the opening ---; an
	// error at the end of the stream names the closing --- line.
	closing := strings.Count(s[:4+end+1], "\n") + 1
	fix := func(err error) error {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = n + 1
			if line > closing {
				line = closing
			}
			msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
			msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
		}
		return &Error{File: file, Line: line, Msg: "front matter: " + strings.TrimSpace(msg)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(yml), &root); err != nil {
		return meta, nil, "", 0, fix(err)
	}
	dec := yaml.NewDecoder(strings.NewReader(yml))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil {
		return meta, nil, "", 0, fix(err)
	}
	lines := metaLines{}
	if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		kv := root.Content[0].Content
		for i := 0; i+1 < len(kv); i += 2 {
			// YAML counts a lone CR as a line break; never point past
			// the closing --- line.
			lines[kv[i].Value] = min(kv[i].Line+1, closing)
		}
	}
	for _, k := range []string{"id", "title", "goals", "learner_files", "hints", "carries", "borrows"} {
		if lines[k] == 0 {
			lines[k] = 1
		}
	}
	return meta, lines, prose, proseLine, nil
}

// parseTests lists the test functions of the exercise, classifying each by
// its name.
func parseTests(dir string, files map[string][]byte) ([]Test, error) {
	var tests []Test
	var errs []error
	fset := token.NewFileSet()
	for _, name := range sortedKeys(files) {
		if !IsTestFile(name) {
			continue
		}
		f, err := parser.ParseFile(fset, path.Join(dir, name), files[name], parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w", err))
			continue
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Name.Name == "TestMain" {
				continue
			}
			line := fset.Position(fn.Pos()).Line
			part, suite, ok := classify(fn.Name.Name)
			if !ok {
				errs = append(errs, &Error{File: path.Join(dir, name), Line: line,
					Msg: fmt.Sprintf("test %s must be named TestPart1Example..., TestPart1Full..., TestPart2Example... or TestPart2Full...", fn.Name.Name)})
				continue
			}
			tests = append(tests, Test{Name: fn.Name.Name, Part: part, Suite: suite, File: name, Line: line})
		}
	}
	// File order: by part, then suite (example first), then as written,
	// except that a full suite's puzzle comes last: its bare "your answer
	// is X" says less than the edge cases' failures, which should come
	// first.
	sort.SliceStable(tests, func(i, j int) bool {
		if tests[i].Part != tests[j].Part {
			return tests[i].Part < tests[j].Part
		}
		if tests[i].Suite != tests[j].Suite {
			return tests[i].Suite == Example
		}
		return !isPuzzle(tests[i].Name) && isPuzzle(tests[j].Name)
	})
	return tests, errors.Join(errs...)
}

// isPuzzle reports whether a test checks the puzzle input's answer.
func isPuzzle(name string) bool { return strings.Contains(name, "Puzzle") }

// CodeRef is a fenced code block in the prose that shows a file of the
// chapter, or one declaration in it, instead of pasting code.
type CodeRef struct {
	// Path is relative to the chapter folder, e.g. "examples/intent.go".
	Path string `json:"path"`
	// Decl names one top-level declaration; empty for the whole file.
	Decl string `json:"decl,omitempty"`
	// Line is the line of the reference in chapter.md.
	Line int `json:"line"`
	// Code is the text the reference resolves to.
	Code string `json:"-"`
}

// ParseInfo reads a fenced code block's info string. It returns the
// reference in it, if any: "go file=examples/intent.go#Deposit".
func ParseInfo(info string) (lang string, ref CodeRef, ok bool) {
	fields := strings.Fields(info)
	if len(fields) == 0 {
		return "", ref, false
	}
	lang = fields[0]
	for _, f := range fields[1:] {
		if v, found := strings.CutPrefix(f, "file="); found {
			ref.Path, ref.Decl, _ = strings.Cut(strings.Trim(v, `"`), "#")
			return lang, ref, true
		}
	}
	return lang, ref, false
}

// walkCodeRefs calls fn for each code reference in a parsed chapter.
func walkCodeRefs(doc gast.Node, src []byte, fn func(n *gast.FencedCodeBlock, lang string, ref CodeRef)) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		fc, ok := n.(*gast.FencedCodeBlock)
		if !ok || !entering || fc.Info == nil {
			return gast.WalkContinue, nil
		}
		lang, ref, ok := ParseInfo(string(fc.Info.Segment.Value(src)))
		if ok {
			ref.Line = bytes.Count(src[:fc.Info.Segment.Start], []byte("\n")) + 1
			fn(fc, lang, ref)
		}
		return gast.WalkContinue, nil
	})
}

// Resolve returns the code a reference shows: the whole file, or the one
// top-level declaration it names (with its doc comment).
func Resolve(fsys fs.FS, chapterDir string, ref CodeRef) (string, error) {
	clean := path.Clean(ref.Path)
	if path.IsAbs(clean) || strings.HasPrefix(clean, "..") {
		return "", fmt.Errorf("code reference %q must stay inside the chapter folder", ref.Path)
	}
	p := path.Join(chapterDir, clean)
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return "", fmt.Errorf("code reference: %s does not exist", p)
	}
	if ref.Decl == "" {
		return string(src), nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return "", fmt.Errorf("code reference: %v", err)
	}
	for _, d := range f.Decls {
		var start, end token.Pos
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) == 1 {
				name = recvName(d.Recv.List[0].Type) + "." + name
			}
			if name != ref.Decl && d.Name.Name != ref.Decl {
				continue
			}
			start, end = d.Pos(), d.End()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		case *ast.GenDecl:
			found := false
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					found = found || s.Name.Name == ref.Decl
				case *ast.ValueSpec:
					for _, n := range s.Names {
						found = found || n.Name == ref.Decl
					}
				}
			}
			if !found {
				continue
			}
			start, end = d.Pos(), d.End()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		default:
			continue
		}
		return string(src[fset.Position(start).Offset:fset.Position(end).Offset]) + "\n", nil
	}
	return "", fmt.Errorf("code reference: %s has no top-level declaration %s", p, ref.Decl)
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return recvName(e.X)
	}
	return ""
}
