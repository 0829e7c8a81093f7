package handout

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Answer is the answer of one part's worked example, as the prose states it.
type Answer struct {
	Part int
	// Value is the last bold number of the worked example, its answer.
	Value string
	// Steps are the bold numbers before it, the figures on the way.
	Steps []string
}

// number is a bold span that is a figure, not a bold word.
var number = regexp.MustCompile(`^[0-9][0-9,.]*$`)

// WorkedAnswers reads the answers of the worked examples from a chapter's
// prose: the bold numbers of the "### Worked example" section under
// "## Part 1" and "## Part 2". The chapter format puts the answer last and in
// bold ("175 × 2 = **350**"); a part without a bold number is left out.
func WorkedAnswers(prose string) []Answer {
	src := []byte(prose)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var figures [3][]string
	part, worked := 0, false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			title := plain(h, src)
			switch {
			case h.Level <= 2:
				part, worked = 0, false
				if title == "Part 1" {
					part = 1
				} else if title == "Part 2" {
					part = 2
				}
			case h.Level == 3:
				worked = title == "Worked example"
			}
			continue
		}
		if part == 0 || !worked {
			continue
		}
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if e, ok := n.(*ast.Emphasis); ok && entering && e.Level == 2 {
				if s := plain(e, src); number.MatchString(s) {
					figures[part] = append(figures[part], s)
				}
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	var out []Answer
	for p := 1; p <= 2; p++ {
		if f := figures[p]; len(f) > 0 {
			out = append(out, Answer{Part: p, Value: f[len(f)-1], Steps: f[:len(f)-1]})
		}
	}
	return out
}

// plain is the text of n without markup.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
