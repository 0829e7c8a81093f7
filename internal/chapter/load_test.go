package chapter

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const goodMeta = `---
id: 01-commands
title: Commands are intentions
summary: Say what you want.
goals:
  - Tell a command from a record
learner_files: [parse.go]
hints:
  part1: [Split the line into fields.]
  part2: [Check the amount.]
---
# Commands

## Part 1

### Worked example

` + "```go file=examples/intent.go#Deposit\n```\n"

func goodFS() fstest.MapFS {
	return fstest.MapFS{
		"chapters/01-commands/chapter.md":          {Data: []byte(goodMeta)},
		"chapters/01-commands/examples/intent.go":  {Data: []byte("package examples\n\n// Deposit says what someone wants.\nfunc Deposit() {}\n\nfunc Other() {}\n")},
		"exercises/01-commands/parse.go":           {Data: []byte("package bank\n")},
		"exercises/01-commands/command.go":         {Data: []byte("package bank\n")},
		"exercises/01-commands/parse_test.go":      {Data: []byte("package bank\n\nimport \"testing\"\n\nfunc TestPart1ExampleParse(t *testing.T) {}\n\nfunc TestPart2FullEdges(t *testing.T) {}\n\nfunc helper() {}\n")},
		"solutions/01-commands/parse.go":           {Data: []byte("package bank\n\nfunc Parse() {}\n")},
		"exercises/puzzle/puzzle.go":               {Data: []byte("package puzzle\n")},
		"chapters/README.md":                       {Data: []byte("not a chapter\n")},
		"chapters/01-commands/examples/notes.txt":  {Data: []byte("ignored\n")},
		"exercises/01-commands/testdata/input.txt": {Data: []byte("ignored\n")},
	}
}

func TestLoad(t *testing.T) {
	chapters, err := Load(goodFS())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(chapters) != 1 {
		t.Fatalf("Load returned %d chapters, want 1", len(chapters))
	}
	ch := chapters[0]
	if ch.Number != 1 || ch.Title != "Commands are intentions" {
		t.Errorf("Load: Number, Title = %d, %q", ch.Number, ch.Title)
	}
	if got := ch.GivenFiles(); strings.Join(got, ",") != "command.go" {
		t.Errorf("GivenFiles() = %v, want [command.go]", got)
	}
	want := []Test{
		{Name: "TestPart1ExampleParse", Part: 1, Suite: Example, File: "parse_test.go", Line: 5},
		{Name: "TestPart2FullEdges", Part: 2, Suite: Full, File: "parse_test.go", Line: 7},
	}
	if len(ch.Tests) != len(want) {
		t.Fatalf("Tests = %+v, want %+v", ch.Tests, want)
	}
	for i := range want {
		if ch.Tests[i] != want[i] {
			t.Errorf("Tests[%d] = %+v, want %+v", i, ch.Tests[i], want[i])
		}
	}
	if len(ch.CodeRefs) != 1 || ch.CodeRefs[0].Line != 18 || !strings.HasPrefix(ch.CodeRefs[0].Code, "// Deposit says") || strings.Contains(ch.CodeRefs[0].Code, "Other") {
		t.Errorf("CodeRefs = %+v, want the Deposit declaration referenced at line 18", ch.CodeRefs)
	}
	for _, s := range []string{"1", "01", "01-commands"} {
		if Find(chapters, s) != ch {
			t.Errorf("Find(%q) did not find the chapter", s)
		}
	}
	if _, err := Lookup(chapters, "7"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Lookup(7) error = %v, want ErrNotFound", err)
	}
}

// TestLoadErrors checks that each broken chapter is reported at its file
// and line.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"broken YAML", func(m fstest.MapFS) {
			m["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodMeta, "title: Commands", "title: [Commands", 1))}
		}, "chapters/01-commands/chapter.md:2: front matter: did not find expected"},
		{"unknown field", func(m fstest.MapFS) {
			m["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodMeta, "summary:", "sumary:", 1))}
		}, "chapters/01-commands/chapter.md:4: front matter: field sumary not found"},
		{"no front matter", func(m fstest.MapFS) {
			m["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: []byte("# Commands\n")}
		}, "chapters/01-commands/chapter.md:1: chapter.md must start with YAML front matter"},
		{"id differs from folder", func(m fstest.MapFS) {
			m["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodMeta, "id: 01-commands", "id: 01-command", 1))}
		}, `chapters/01-commands/chapter.md:2: id is "01-command", want the folder's name "01-commands"`},
		{"missing learner file", func(m fstest.MapFS) {
			delete(m, "exercises/01-commands/parse.go")
		}, "chapters/01-commands/chapter.md:7: learner file parse.go is missing from exercises/01-commands"},
		{"missing solution", func(m fstest.MapFS) {
			delete(m, "solutions/01-commands/parse.go")
		}, "solutions/01-commands: missing solution folder"},
		{"missing chapter.md", func(m fstest.MapFS) {
			delete(m, "chapters/01-commands/chapter.md")
			m["chapters/01-commands/x.txt"] = &fstest.MapFile{Data: []byte("x")}
		}, "chapters/01-commands/chapter.md: missing"},
		{"no hints", func(m fstest.MapFS) {
			m["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodMeta, "  part2: [Check the amount.]\n", "", 1))}
		}, "chapters/01-commands/chapter.md:8: hints: give part1 and part2 at least one hint each"},
		{"badly named test", func(m fstest.MapFS) {
			m["exercises/01-commands/parse_test.go"] = &fstest.MapFile{Data: []byte("package bank\n\nimport \"testing\"\n\nfunc TestParse(t *testing.T) {}\n")}
		}, "exercises/01-commands/parse_test.go:5: test TestParse must be named TestPart1Example"},
		{"missing code reference", func(m fstest.MapFS) {
			delete(m, "chapters/01-commands/examples/intent.go")
		}, "chapters/01-commands/chapter.md:18: code reference: chapters/01-commands/examples/intent.go does not exist"},
		{"missing declaration", func(m fstest.MapFS) {
			m["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodMeta, "#Deposit", "#Withdraw", 1))}
		}, "chapters/01-commands/chapter.md:18: code reference: chapters/01-commands/examples/intent.go has no top-level declaration Withdraw"},
		{"bad folder name", func(m fstest.MapFS) {
			m["chapters/commands/chapter.md"] = &fstest.MapFile{Data: []byte(goodMeta)}
		}, "chapters/commands: chapter folder must be named NN-slug"},
		{"solution that is not a learner file", func(m fstest.MapFS) {
			m["solutions/01-commands/extra.go"] = &fstest.MapFile{Data: []byte("package bank\n")}
		}, "solutions/01-commands/extra.go: solutions hold only learner files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFS()
			tt.change(fsys)
			_, err := Load(fsys)
			if err == nil {
				t.Fatalf("Load succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPackageReplacesLearnerFiles(t *testing.T) {
	chapters, err := Load(goodFS())
	if err != nil {
		t.Fatal(err)
	}
	ch := chapters[0]
	files, err := ch.Package(true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["parse.go"]), "func Parse") {
		t.Errorf("Package(solution) parse.go = %q, want the solution", files["parse.go"])
	}
	files, err = ch.Package(true, map[string][]byte{"parse.go": []byte("package bank // mine\n")})
	if err != nil || !strings.Contains(string(files["parse.go"]), "mine") {
		t.Errorf("Package with an override: parse.go = %q, %v", files["parse.go"], err)
	}
	if _, err := ch.Package(false, map[string][]byte{"command.go": nil}); err == nil {
		t.Error("Package accepted an override of a given file")
	}
	if _, err := ch.Package(false, map[string][]byte{"../../etc/passwd": nil}); err == nil {
		t.Error("Package accepted an override outside the chapter")
	}
}

// TestBorrowed: a day in another package borrows single files of an
// earlier day, solved, with its own package clause and a header naming
// the source; a day that carries it has them too. A borrow that names no
// earlier day or file, or a file the day has of its own, is an error at
// the borrows line.
func TestBorrowed(t *testing.T) {
	blog := func(borrows string) fstest.MapFS {
		fsys := goodFS()
		meta := strings.NewReplacer("id: 01-commands", "id: 02-blog", "learner_files: [parse.go]", "learner_files: [post.go]\nborrows: ["+borrows+"]", "#Deposit", "").Replace(goodMeta)
		fsys["chapters/02-blog/chapter.md"] = &fstest.MapFile{Data: []byte(meta)}
		fsys["chapters/02-blog/examples/intent.go"] = fsys["chapters/01-commands/examples/intent.go"]
		fsys["exercises/02-blog/post.go"] = &fstest.MapFile{Data: []byte("//go:build ignore\n\npackage blog\n")}
		fsys["exercises/02-blog/post_test.go"] = &fstest.MapFile{Data: []byte("package blog\n\nimport \"testing\"\n\nfunc TestPart1ExampleX(t *testing.T) {}\n")}
		fsys["solutions/02-blog/post.go"] = &fstest.MapFile{Data: []byte("package blog\n\nfunc Post() {}\n")}
		fsys["solutions/01-commands/parse.go"] = &fstest.MapFile{Data: []byte("//go:build ignore\n\n// Package bank parses.\npackage bank\n\nfunc Parse() {}\n")}
		return fsys
	}
	fsys := blog("01-commands/parse.go, 01-commands/command.go")
	meta3 := strings.NewReplacer("id: 01-commands", "id: 03-comments", "learner_files: [parse.go]", "learner_files: [comment.go]\ncarries: 02-blog", "#Deposit", "").Replace(goodMeta)
	fsys["chapters/03-comments/chapter.md"] = &fstest.MapFile{Data: []byte(meta3)}
	fsys["chapters/03-comments/examples/intent.go"] = fsys["chapters/01-commands/examples/intent.go"]
	fsys["exercises/03-comments/comment.go"] = &fstest.MapFile{Data: []byte("package blog\n")}
	fsys["exercises/03-comments/comment_test.go"] = &fstest.MapFile{Data: []byte("package blog\n\nimport \"testing\"\n\nfunc TestPart1ExampleX(t *testing.T) {}\n")}
	fsys["solutions/03-comments/comment.go"] = &fstest.MapFile{Data: []byte("package blog\n\nfunc Comment() {}\n")}
	chapters, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := "// Code generated by the CQRS Workbook from solutions/01-commands/parse.go; DO NOT EDIT.\n\n// CQRS Workbook.\n\n// Package bank parses.\npackage blog\n\nfunc Parse() {}\n"
	for _, ch := range chapters[1:] {
		if got := string(ch.Exercise["parse.go"]); got != want {
			t.Errorf("%s: borrowed parse.go = %q, want %q", ch.ID, got, want)
		}
		if got := string(ch.Exercise["command.go"]); !strings.HasSuffix(got, "package blog\n") {
			t.Errorf("%s: borrowed command.go = %q, want package blog", ch.ID, got)
		}
	}
	if got := chapters[1].Carried(); !reflect.DeepEqual(got, map[string]string{"parse.go": "solutions/01-commands/parse.go", "command.go": "exercises/01-commands/command.go"}) {
		t.Errorf("Carried() = %v", got)
	}
	for _, c := range []struct{ borrows, want string }{
		{"parse.go", `borrows "parse.go": want DAY/FILE.go`},
		{"09-later/parse.go", `"09-later" is not an earlier chapter's id`},
		{"1/parse.go", `"1" is not an earlier chapter's id`},
		{"01-commands/missing.go", "01-commands has no Go file missing.go"},
		{"01-commands/parse_test.go", "01-commands has no Go file parse_test.go"},
		{"01-commands/post.go", "01-commands has no Go file post.go"},
	} {
		_, err := Load(blog(c.borrows))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "chapters/02-blog/chapter.md:") {
			t.Errorf("Load with borrows: [%s] = %v, want an error at the borrows line saying %q", c.borrows, err, c.want)
		}
	}
	own := blog("01-commands/command.go")
	own["exercises/02-blog/command.go"] = &fstest.MapFile{Data: []byte("package blog\n")}
	if _, err := Load(own); err == nil || !strings.Contains(err.Error(), "has a command.go of its own") {
		t.Errorf("Load with a borrowed file of its own = %v, want the clash named", err)
	}
}

// TestCarried: a chapter that carries an earlier one has, in Load and in
// the View, that chapter's given files and its learner files as solved,
// each with a header naming its source; its own file of the same name
// wins, and the repository holds no copy.
func TestCarried(t *testing.T) {
	fsys := goodFS()
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
	got := chapters[1].Exercise
	wantParse := "// Code generated by the CQRS Workbook from solutions/01-commands/parse.go; DO NOT EDIT.\n\npackage bank\n\nfunc Parse() {}\n"
	if string(got["parse.go"]) != wantParse {
		t.Errorf("carried parse.go = %q, want %q", got["parse.go"], wantParse)
	}
	if src, ok := IsGenerated(got["command.go"]); !ok || src != "exercises/01-commands/command.go" {
		t.Errorf("carried command.go from %q, want exercises/01-commands/command.go", src)
	}
	if want := map[string]string{"parse.go": "solutions/01-commands/parse.go", "command.go": "exercises/01-commands/command.go"}; !reflect.DeepEqual(chapters[1].Carried(), want) {
		t.Errorf("Carried() = %v, want %v", chapters[1].Carried(), want)
	}
	if _, ok := got["parse_test.go"]; ok {
		t.Error("a test file was carried")
	}
	// The view lists and serves them as files of the day's folder.
	v := View(fsys)
	entries, err := fs.ReadDir(v, "exercises/02-events")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"command.go", "execute.go", "execute_test.go", "parse.go"}; !reflect.DeepEqual(names, want) {
		t.Errorf("ReadDir(exercises/02-events) = %v, want %v", names, want)
	}
	if data, err := fs.ReadFile(v, "exercises/02-events/parse.go"); err != nil || string(data) != wantParse {
		t.Errorf("ReadFile(parse.go) = %q, %v", data, err)
	}
	if st, err := fs.Stat(v, "exercises/02-events/parse.go"); err != nil || st.Size() != int64(len(wantParse)) || st.IsDir() {
		t.Errorf("Stat(parse.go) = %v, %v", st, err)
	}
	if _, err := fs.Stat(v, "exercises/01-commands/execute.go"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a file day 1 does not carry = %v, want not exist", err)
	}
	// A file the day authors itself wins over the carried one.
	fsys["exercises/02-events/command.go"] = &fstest.MapFile{Data: []byte("package bank // mine\n")}
	chapters, _ = Load(fsys)
	if got := string(chapters[1].Exercise["command.go"]); got != "package bank // mine\n" {
		t.Errorf("an authored command.go = %q, want the day's own", got)
	}
}
