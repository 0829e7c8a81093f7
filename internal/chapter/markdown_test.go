package chapter

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// exampleFS is a workbook with one chapter's example code.
var exampleFS = fstest.MapFS{
	"chapters/99-test/examples/x.go": {Data: []byte("package examples\n\n// Greeting says hello.\nfunc Greeting() string { return \"hi\" }\n")},
}

// proseChapter is a chapter of exampleFS whose prose starts on line 10.
func proseChapter(prose string) *Chapter {
	return &Chapter{Meta: Meta{ID: "99-test"}, Dir: "chapters/99-test", Prose: prose, ProseLine: 10}
}

// puzzleProse has a puzzle section in each part, one ended by a deeper
// heading that stays inside it, and "Your puzzle" headings where none
// belongs: before Part 1, and in "In the wild".
const puzzleProse = "# Day 99\n\n### Your puzzle\n\nNot a part yet.\n\n## Part 1\n\n### Worked example\n\nExample one.\n\n" +
	"### Your puzzle\n\nPuzzle one.\n\n#### Deeper\n\nStill puzzle one.\n\n### After the puzzle\n\nNot the puzzle.\n\n" +
	"## Part 2\n\n### Your puzzle\n\nPuzzle two.\n\n## In the wild\n\n### Your puzzle\n\nWild.\n"

func TestPuzzles(t *testing.T) {
	ch := proseChapter(puzzleProse)
	if err := ch.ParseProse(exampleFS); err != nil {
		t.Fatal(err)
	}
	got := ch.Doc.Puzzles()
	want := []struct {
		part       int
		start, end string // the text at Start, and at End
	}{
		{1, "### Your puzzle\n\nPuzzle one.", "### After the puzzle"},
		{2, "### Your puzzle\n\nPuzzle two.", "## In the wild"},
	}
	if len(got) != len(want) {
		t.Fatalf("Puzzles() of %q = %+v, want %d sections", puzzleProse, got, len(want))
	}
	for i, w := range want {
		if got[i].Part != w.part || !strings.HasPrefix(puzzleProse[got[i].Start:], w.start) || !strings.HasPrefix(puzzleProse[got[i].End:], w.end) {
			t.Errorf("Puzzles()[%d] = %+v (%q…, ends at %q…), want part %d from %q to %q", i, got[i],
				puzzleProse[got[i].Start:min(got[i].Start+20, len(puzzleProse))], puzzleProse[got[i].End:min(got[i].End+20, len(puzzleProse))], w.part, w.start, w.end)
		}
		if got[i].Before == nil || !strings.HasPrefix(puzzleProse[lineStart(got[i].Before, ch.Doc.Source()):], w.end) {
			t.Errorf("Puzzles()[%d].Before is not the heading %q", i, w.end)
		}
	}
}

func TestSections(t *testing.T) {
	ch := proseChapter(puzzleProse)
	if err := ch.ParseProse(exampleFS); err != nil {
		t.Fatal(err)
	}
	src := ch.Doc.Source()
	for s, first := range map[Section]string{Intro: "# Day 99", Part1Section: "## Part 1", Part2Section: "## Part 2", Wild: "## In the wild"} {
		blocks := ch.Doc.Blocks(s)
		if len(blocks) == 0 || !strings.HasPrefix(string(src[lineStart(blocks[0], src):]), first) {
			t.Errorf("Blocks(%d) does not start at %q", s, first)
		}
	}
	if n := len(ch.Doc.Blocks(Part2Section)); n != 3 {
		t.Errorf("Blocks(Part2Section) has %d blocks, want 3 (heading, puzzle heading, paragraph)", n)
	}
}

func TestParseProseCodeRefs(t *testing.T) {
	ch := proseChapter("Text.\n\n```go file=examples/x.go#Greeting\n```\n")
	if err := ch.ParseProse(exampleFS); err != nil {
		t.Fatal(err)
	}
	if len(ch.CodeRefs) != 1 || ch.CodeRefs[0].Line != 12 || !strings.HasPrefix(ch.CodeRefs[0].Code, "// Greeting says hello.") {
		t.Errorf("CodeRefs = %+v, want Greeting at line 12", ch.CodeRefs)
	}
	ref, ok := ch.Doc.Root().LastChild().(*CodeRefBlock)
	if !ok || ref.File != "chapters/99-test/examples/x.go" || ref.Lang != "go" || ref.Ref.Decl != "Greeting" {
		t.Errorf("the reference's block = %#v, want a CodeRefBlock of chapters/99-test/examples/x.go#Greeting", ch.Doc.Root().LastChild())
	}
}

func TestParseProseErrors(t *testing.T) {
	tests := []struct {
		name  string
		prose string
		line  int    // in chapter.md, whose prose starts on line 10
		msg   string // part of the message
	}{
		{"missing file", "Text.\n\n```go file=examples/nope.go\n```\n", 12, "chapters/99-test/examples/nope.go does not exist"},
		{"missing declaration", "```go file=examples/x.go#Nope\n```\n", 10, "has no top-level declaration Nope"},
		{"outside the chapter", "```go file=../../go.mod\n```\n", 10, "must stay inside the chapter folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := proseChapter(tt.prose).ParseProse(exampleFS)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("ParseProse(%q) = %v, want a *chapter.Error", tt.prose, err)
			}
			if ce.File != "chapters/99-test/chapter.md" || ce.Line != tt.line || !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("ParseProse(%q) = %v, want chapters/99-test/chapter.md:%d: ...%s...", tt.prose, ce, tt.line, tt.msg)
			}
		})
	}
}

func TestNotes(t *testing.T) {
	ch := &Chapter{Meta: Meta{Hints: Hints{Part1: []string{"Use `x`."}}}}
	ch.parseNotes()
	if a, b := ch.Note("Use `x`."), ch.Note("Use `x`."); a != b {
		t.Error("Note(hint) parsed the hint again; want the one parse of Load")
	}
	if d := ch.Note("*other*"); d == nil || string(d.Source()) != "*other*" || d.Root().FirstChild() == nil {
		t.Errorf("Note(%q) = %+v, want it parsed", "*other*", d)
	}
}
