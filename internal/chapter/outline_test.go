package chapter

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

func TestOutline(t *testing.T) {
	prose := "# T\n\n## The idea\n\nStory 12.\n\n```go\na\nb\n```\n\n## Part 1\n\n### Worked example\n\nInput:\n\n```text\ndeposit 250\n```\n\n- item **33**\n\n```go file=examples/x.go\n```\n\nSo 33 × 2 = **66**.\n\n### Your turn\n\nNot **44**.\n\n## Part 2\n\n### Worked example\n\nAnswer **5,500**, not **bold words**.\n\n## In the wild\n"
	src := []byte(prose)
	o := outline(goldmark.New().Parser().Parse(text.NewReader(src)), src, 10)

	var heads []string
	for _, h := range o.Headings {
		heads = append(heads, strings.Repeat("#", h.Level)+" "+h.Title)
	}
	want := []string{"# T", "## The idea", "## Part 1", "### Worked example", "### Your turn", "## Part 2", "### Worked example", "## In the wild"}
	if !reflect.DeepEqual(heads, want) {
		t.Errorf("headings = %q, want %q", heads, want)
	}
	if o.Headings[0].Line != 10 || o.Headings[1].Line != 12 {
		t.Errorf("heading lines = %d, %d; want 10, 12 (the prose starts on line 10)", o.Headings[0].Line, o.Headings[1].Line)
	}
	if !o.Has(2, "In the wild") || o.Has(2, "Worked example") {
		t.Errorf("Has(2, In the wild) = %v, Has(2, Worked example) = %v; want true, false", o.Has(2, "In the wild"), o.Has(2, "Worked example"))
	}

	blocks := []Block{{Lang: "go", Line: 16, Lines: 2}, {Lang: "text", Line: 27, Lines: 1}, {Lang: "go", Ref: true, Line: 33}}
	if !reflect.DeepEqual(o.Blocks, blocks) {
		t.Errorf("blocks = %+v, want %+v", o.Blocks, blocks)
	}

	w1, ok := o.Worked(1)
	if !ok || !strings.Contains(w1, "deposit 250") || !strings.Contains(w1, "item **33**") || strings.Contains(w1, "file=") || strings.Contains(w1, "44") || strings.Contains(w1, "12") {
		t.Errorf("Worked(1) = %q, %v; want the section's text without the code reference, nothing of Your turn or the story", w1, ok)
	}
	if got := o.Figures(1); !reflect.DeepEqual(got, []string{"33", "66"}) {
		t.Errorf("Figures(1) = %q, want [33 66]: the bold numbers, the answer last", got)
	}
	if got := o.Figures(2); !reflect.DeepEqual(got, []string{"5,500"}) {
		t.Errorf("Figures(2) = %q, want [5,500]", got)
	}
	if _, ok := o.Worked(3); ok {
		t.Errorf("Worked(3) found a Part 3")
	}
	empty := Outline{}
	if _, ok := empty.Worked(1); ok {
		t.Errorf("Worked(1) of prose without a worked example = ok")
	}
}
