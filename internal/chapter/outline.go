package chapter

import (
	"regexp"
	"strconv"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Outline is the structure of a chapter's prose, read in the one parse of
// Load: its headings, its fenced code blocks, and each part's worked
// example. The checks and the handouts read it instead of parsing the
// Markdown again.
type Outline struct {
	// Headings are the prose's headings in order.
	Headings []Heading
	// Blocks are its fenced code blocks in order.
	Blocks []Block
	worked [2]*worked
}

// Heading is one heading of the prose.
type Heading struct {
	Level int
	Title string // its text, without markup
	Line  int    // in chapter.md
}

// Block is one fenced code block of the prose.
type Block struct {
	Lang  string // the first word of its info string ("go", "text"), or ""
	Ref   bool   // a code reference (file=...), which Load resolved
	Line  int    // of its opening fence, in chapter.md
	Lines int    // of code between the fences
}

type worked struct {
	text    string   // the Markdown of the section, code references left out
	figures []string // its bold numbers, in order
}

// Has reports whether the prose has a heading of level with title.
func (o Outline) Has(level int, title string) bool {
	for _, h := range o.Headings {
		if h.Level == level && h.Title == title {
			return true
		}
	}
	return false
}

// Worked returns the Markdown of part's "### Worked example" (part 1 or 2,
// under "## Part N"), without code references; ok is false when the part
// has none.
func (o Outline) Worked(part int) (text string, ok bool) {
	if part < 1 || part > 2 || o.worked[part-1] == nil {
		return "", false
	}
	return o.worked[part-1].text, true
}

// Figures are the bold numbers of part's worked example, in order: the
// chapter format puts the answer last and in bold ("175 × 2 = **350**").
func (o Outline) Figures(part int) []string {
	if part < 1 || part > 2 || o.worked[part-1] == nil {
		return nil
	}
	return o.worked[part-1].figures
}

// OutlineOf reads the outline of prose on its own, as Load does for a
// chapter's, counting lines from 1.
func OutlineOf(prose string) Outline {
	src := []byte(prose)
	return outline(markdown.Parse(text.NewReader(src)), src, 1)
}

// figure is a bold span that is a number, not a bold word.
var figure = regexp.MustCompile(`^[0-9][0-9,.]*$`)

// outline reads the structure of the prose src (parsed as doc), which
// starts on line proseLine of chapter.md.
func outline(doc gast.Node, src []byte, proseLine int) Outline {
	var o Outline
	lineOf := func(offset int) int { return proseLine + strings.Count(string(src[:offset]), "\n") }
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Heading:
			line := proseLine
			if n.Lines().Len() > 0 {
				line = lineOf(n.Lines().At(0).Start)
			}
			o.Headings = append(o.Headings, Heading{Level: n.Level, Title: plainText(n, src), Line: line})
		case *gast.FencedCodeBlock:
			b := Block{Lines: n.Lines().Len()}
			if n.Info != nil {
				info := string(n.Info.Segment.Value(src))
				b.Lang, _, b.Ref = ParseInfo(info)
				b.Line = lineOf(n.Info.Segment.Start)
			} else if n.Lines().Len() > 0 {
				b.Line = lineOf(n.Lines().At(0).Start) - 1
			}
			o.Blocks = append(o.Blocks, b)
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})

	// The worked examples: the blocks after "### Worked example" under
	// "## Part N", up to the next heading of level 3 or higher.
	part := 0
	var current *worked
	var b strings.Builder
	flush := func() {
		if current != nil {
			current.text = b.String()
		}
		current = nil
		b.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*gast.Heading); ok {
			title := plainText(h, src)
			if h.Level <= 3 {
				flush()
			}
			if h.Level <= 2 {
				part = 0
			}
			if h.Level == 2 {
				if p, found := strings.CutPrefix(title, "Part "); found {
					part, _ = strconv.Atoi(strings.Fields(p + " x")[0])
				}
			}
			if h.Level == 3 && strings.EqualFold(title, "Worked example") && (part == 1 || part == 2) {
				current = &worked{}
				o.worked[part-1] = current
			}
			continue
		}
		if current == nil {
			continue
		}
		if fc, ok := n.(*gast.FencedCodeBlock); ok && fc.Info != nil {
			if _, _, isRef := ParseInfo(string(fc.Info.Segment.Value(src))); isRef {
				continue
			}
		}
		b.Write(markdownOf(n, src))
		b.WriteByte('\n')
		_ = gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if e, ok := n.(*gast.Emphasis); ok && entering && e.Level == 2 {
				if s := plainText(e, src); figure.MatchString(s) {
					current.figures = append(current.figures, s)
				}
				return gast.WalkSkipChildren, nil
			}
			return gast.WalkContinue, nil
		})
	}
	flush()
	return o
}

// markdownOf is the Markdown source of a block: its own lines, or its
// children's for containers such as lists.
func markdownOf(n gast.Node, src []byte) []byte {
	var b []byte
	if n.Lines().Len() > 0 {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b = append(b, seg.Value(src)...)
		}
		return b
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b = append(b, markdownOf(c, src)...)
		b = append(b, '\n')
	}
	return b
}

// plainText is the text of n without markup.
func plainText(n gast.Node, src []byte) string {
	var b strings.Builder
	_ = gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *gast.String:
			b.Write(n.Value)
		}
		return gast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
