package chapter

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// day builds a chapter of one learner file and its stub, as Load would.
func day(name, solution, stub string) *Chapter {
	return &Chapter{
		Meta:     Meta{ID: "01-x", LearnerFiles: []string{name}},
		Exercise: map[string][]byte{name: []byte(stub)},
		Solution: map[string][]byte{name: []byte(solution)},
	}
}

func TestSolutionFor(t *testing.T) {
	tests := []struct {
		name, solution string
		part1, part2   string // "" for a file Part 1 leaves out
	}{
		{"no marks", "package x\n\nfunc A() {}\n", "package x\n\nfunc A() {}\n", "package x\n\nfunc A() {}\n"},
		{"a declaration",
			"package x\n\nfunc A() {}\n\n// Part 2: B.\n\n// B is Part 2's.\nfunc B() {}\n\n// End of Part 2.\n\nfunc C() {}\n",
			"package x\n\nfunc A() {}\n\n// Part 2's code goes here; it is shown with Part 2's solution.\n\nfunc C() {}\n",
			"package x\n\nfunc A() {}\n\n// B is Part 2's.\nfunc B() {}\n\nfunc C() {}\n"},
		{"at the end of the file",
			"package x\n\nfunc A() {}\n\n// Part 2: B.\n\nfunc B() {}\n\n// End of Part 2.\n",
			"package x\n\nfunc A() {}\n\n// Part 2's code goes here; it is shown with Part 2's solution.\n",
			"package x\n\nfunc A() {}\n\nfunc B() {}\n"},
		{"statements, at their indent",
			"package x\n\nfunc A(n int) int {\n\tswitch n {\n\tcase 1:\n\t\treturn 1\n\t// Part 2: twos.\n\tcase 2:\n\t\treturn 4\n\t\t// End of Part 2.\n\t}\n\treturn 0\n}\n",
			"package x\n\nfunc A(n int) int {\n\tswitch n {\n\tcase 1:\n\t\treturn 1\n\t\t// Part 2's code goes here; it is shown with Part 2's solution.\n\t}\n\treturn 0\n}\n",
			"package x\n\nfunc A(n int) int {\n\tswitch n {\n\tcase 1:\n\t\treturn 1\n\tcase 2:\n\t\treturn 4\n\t}\n\treturn 0\n}\n"},
		{"imports and comments leave no line",
			"package x\n\nimport (\n\t// Part 2: B.\n\t\"fmt\"\n\t// End of Part 2.\n\t\"sort\"\n)\n\n// A sorts.\n// Part 2: B.\n// And prints.\n// End of Part 2.\nfunc A() { sort.Strings(nil) }\n",
			"package x\n\nimport (\n\t\"sort\"\n)\n\n// A sorts.\nfunc A() { sort.Strings(nil) }\n",
			"package x\n\nimport (\n\t\"fmt\"\n\t\"sort\"\n)\n\n// A sorts.\n// And prints.\nfunc A() { sort.Strings(nil) }\n"},
		{"a file that is Part 2's alone",
			"package x\n\n// Part 2: the whole file.\n\nimport \"fmt\"\n\nfunc B() { fmt.Println() }\n\n// End of Part 2.\n",
			"",
			"package x\n\nimport \"fmt\"\n\nfunc B() { fmt.Println() }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := day("x.go", tt.solution, "package x\n")
			for part, want := range map[int]string{1: tt.part1, 2: tt.part2} {
				views, err := ch.SolutionFor(part)
				if err != nil {
					t.Fatalf("SolutionFor(%d): %v", part, err)
				}
				got, ok := views["x.go"]
				switch {
				case want == "" && ok:
					t.Errorf("SolutionFor(%d) of %q has x.go = %q, want it left out", part, tt.solution, got)
				case want != "" && string(got) != want:
					t.Errorf("SolutionFor(%d) of %q:\n%s\nwant:\n%s", part, tt.solution, got, want)
				}
			}
		})
	}
	if _, err := day("x.go", "package x\n", "package x\n").SolutionFor(3); err == nil {
		t.Errorf("SolutionFor(3) = nil error, want one: there is no Part 3")
	}
}

// TestPartMarkErrors: Load refuses badly marked solutions at the file and
// line of the mark.
func TestPartMarkErrors(t *testing.T) {
	tests := []struct {
		name, solution, want string
	}{
		{"an end without a start", "package bank\n\nfunc Parse() {}\n\n// End of Part 2.\n",
			`solutions/01-commands/parse.go:5: "// End of Part 2." closes no region`},
		{"a region never closed", "package bank\n\n// Part 2: more.\nfunc Parse() {}\n",
			"solutions/01-commands/parse.go:3: a region of Part 2 that never ends"},
		{"nested regions", "package bank\n\n// Part 2: more.\n// Part 2: even more.\nfunc Parse() {}\n// End of Part 2.\n// End of Part 2.\n",
			`solutions/01-commands/parse.go:4: "// Part 2:" inside the region of Part 2 opened at line 3: regions do not nest`},
		{"an empty region", "package bank\n\n// Part 2: nothing.\n// End of Part 2.\nfunc Parse() {}\n",
			"solutions/01-commands/parse.go:3: an empty region of Part 2"},
		{"a region that splits a declaration", "package bank\n\nfunc Parse() {\n\t// Part 2: more.\n\tprintln()\n}\n\n// End of Part 2.\nfunc More() {}\n",
			"solutions/01-commands/parse.go:4: Part 1's view of this file is not Go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFS()
			fsys["solutions/01-commands/parse.go"] = &fstest.MapFile{Data: []byte(tt.solution)}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load with parse.go %q = %v, want an error containing %q", tt.solution, err, tt.want)
			}
		})
	}
}

// TestSolved: Part 1's solution alone is Part 1's view with the stub's
// declarations of what Part 2's code declares, the imports they need
// included, and the stub of a file that is Part 2's alone.
func TestSolved(t *testing.T) {
	tests := []struct {
		name, solution, stub, want string
	}{
		{"a declaration filled from the stub",
			"package x\n\nfunc A() {}\n\n// Part 2: B.\n\nfunc B() int { return 2 }\n\n// End of Part 2.\n",
			"package x\n\nimport \"io\"\n\nfunc A() { panic(\"TODO\") }\n\n// B is yours.\nfunc B(w io.Writer) int { panic(\"TODO\") }\n",
			"package x\n\nimport (\"io\")\n\nfunc A() {}\n\n// Part 2's code goes here; it is shown with Part 2's solution.\n\n// B is yours.\nfunc B(w io.Writer) int { panic(\"TODO\") }\n"},
		{"statements need nothing from the stub",
			"package x\n\nfunc A() int {\n\t// Part 2: more.\n\tprintln()\n\t// End of Part 2.\n\treturn 1\n}\n",
			"package x\n\nfunc A() int { panic(\"TODO\") }\n",
			"package x\n\nfunc A() int {\n\t// Part 2's code goes here; it is shown with Part 2's solution.\n\treturn 1\n}\n"},
		{"a file that is Part 2's alone is its stub",
			"package x\n\n// Part 2: all.\n\nfunc B() {}\n\n// End of Part 2.\n",
			"package x\n\nfunc B() { panic(\"TODO\") }\n",
			"package x\n\nfunc B() { panic(\"TODO\") }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := day("x.go", tt.solution, tt.stub).Solved(1)
			if err != nil {
				t.Fatalf("Solved(1): %v", err)
			}
			if got := string(files["x.go"]); got != tt.want {
				t.Errorf("Solved(1) of %q with stub %q:\n%s\nwant:\n%s", tt.solution, tt.stub, got, tt.want)
			}
		})
	}
}

// TestCarriedWithoutMarks: a later day carries an earlier day's solution
// as Part 2's solution shows it, without the marks.
func TestCarriedWithoutMarks(t *testing.T) {
	fsys := goodFS()
	fsys["solutions/01-commands/parse.go"] = &fstest.MapFile{Data: []byte("package bank\n\nfunc Parse() {}\n\n// Part 2: more.\n\nfunc More() {}\n\n// End of Part 2.\n")}
	meta2 := strings.NewReplacer("id: 01-commands", "id: 02-events", "learner_files: [parse.go]", "learner_files: [execute.go]\ncarries: 01-commands", "#Deposit", "").Replace(goodMeta)
	fsys["chapters/02-events/chapter.md"] = &fstest.MapFile{Data: []byte(meta2)}
	fsys["chapters/02-events/examples/intent.go"] = fsys["chapters/01-commands/examples/intent.go"]
	fsys["exercises/02-events/execute.go"] = &fstest.MapFile{Data: []byte("package bank\n")}
	fsys["exercises/02-events/execute_test.go"] = &fstest.MapFile{Data: []byte("package bank\n\nimport \"testing\"\n\nfunc TestPart1ExampleX(t *testing.T) {}\n")}
	fsys["solutions/02-events/execute.go"] = &fstest.MapFile{Data: []byte("package bank\n\nfunc Execute() {}\n")}
	chapters, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := "// Code generated by the CQRS Workbook from solutions/01-commands/parse.go; DO NOT EDIT.\n\npackage bank\n\nfunc Parse() {}\n\nfunc More() {}\n"
	if got := string(chapters[1].Exercise["parse.go"]); got != want {
		t.Errorf("carried parse.go = %q, want %q", got, want)
	}
}

// TestSolutionsMarkPart2 holds every day of the workbook to its marks:
// well formed (Load), Part 2's code marked (Part 1's view differs from
// Part 2's), both views gofmt-clean Go with no mark left, no carried file
// with a mark, and Part 1's view never using a name that only Part 2's
// code declares. check's run of Part 1's solution alone proves more:
// that Part 1's tests pass without the marked code and Part 2's do not.
func TestSolutionsMarkPart2(t *testing.T) {
	chapters, err := realChapters()
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range chapters {
		t.Run(ch.ID, func(t *testing.T) {
			views := map[int]map[string][]byte{}
			for part := 1; part <= 2; part++ {
				v, err := ch.SolutionFor(part)
				if err != nil {
					t.Fatalf("SolutionFor(%d): %v", part, err)
				}
				views[part] = v
				for name, data := range v {
					if hasMark(data) {
						t.Errorf("SolutionFor(%d)[%s] has a region mark left", part, name)
					}
					if formatted, err := format.Source(data); err != nil || !bytes.Equal(formatted, data) {
						t.Errorf("SolutionFor(%d)[%s] is not gofmt-clean Go (%v)", part, name, err)
					}
				}
			}
			if len(views[2]) != len(ch.LearnerFiles) {
				t.Errorf("SolutionFor(2) has %d files, want every learner file (%d)", len(views[2]), len(ch.LearnerFiles))
			}
			same := len(views[1]) == len(views[2])
			for name, data := range views[1] {
				same = same && bytes.Equal(data, views[2][name])
			}
			if same {
				t.Errorf("SolutionFor(1) = SolutionFor(2): mark Part 2's code in solutions/%s", ch.ID)
			}
			for name, data := range ch.Exercise {
				if _, carried := IsGenerated(data); carried && hasMark(data) {
					t.Errorf("carried %s has a region mark", name)
				}
			}
			for name, data := range views[1] {
				if used := part2NamesUsed(t, ch, name, data); len(used) > 0 {
					t.Errorf("SolutionFor(1)[%s] uses %v, which only Part 2's code declares", name, used)
				}
			}
		})
	}
}

func hasMark(data []byte) bool {
	for _, l := range splitLines(data) {
		if start, end := isMarker(l); start || end {
			return true
		}
	}
	return false
}

// part2NamesUsed lists the names that Part 1's view of a file uses and
// that only the Part 2 regions of the chapter's solution declare.
func part2NamesUsed(t *testing.T, ch *Chapter, name string, view []byte) []string {
	t.Helper()
	only2 := map[string]bool{}
	part1 := map[string]bool{}
	for _, f := range ch.LearnerFiles {
		rs, err := regions(f, ch.Solution[f])
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range part2Names(ch.Solution[f], rs) {
			if !strings.Contains(n, ".") { // methods are reached through values
				only2[n] = true
			}
		}
	}
	v1, err := ch.SolutionFor(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range v1 {
		f, err := parser.ParseFile(token.NewFileSet(), "", data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			for _, n := range declNames(d) {
				part1[n] = true
			}
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), name, view, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parse Part 1's view of %s: %v", name, err)
	}
	seen := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && only2[id.Name] && !part1[id.Name] {
					seen[id.Name] = true
				}
				return true
			})
			return false
		case *ast.Ident:
			if only2[n.Name] && !part1[n.Name] {
				seen[n.Name] = true
			}
		}
		return true
	})
	var out []string
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
