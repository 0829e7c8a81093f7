package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// Surface is where a chapter is read. It decides what the note at the end of
// each puzzle section says about running the tests.
type Surface int

const (
	// Browser is the web workbook's page, whose buttons and engine menu run
	// the tests. It is a Renderer's surface unless an option says otherwise.
	Browser Surface = iota
	// Print is the printed handouts and the terminal (workbook read), where
	// the learner types commands in the workbook folder.
	Print
)

func (s Surface) String() string {
	switch s {
	case Browser:
		return "browser"
	case Print:
		return "print"
	}
	return fmt.Sprintf("Surface(%d)", int(s))
}

// An Option changes how a Renderer renders.
type Option func(*Renderer)

// For renders for surface s instead of Browser.
func For(s Surface) Option {
	return func(r *Renderer) { r.surface = s }
}

// RunNote is the Markdown of the note that ends the puzzle section of part
// (1 or 2) of ch on surface s: how to run the tests there. The day's number
// and folder come from ch, so the commands cannot drift from the day.
func RunNote(ch *chapter.Chapter, part int, s Surface) string {
	switch {
	case s == Print && part == 2:
		return fmt.Sprintf("Run it as in Part 1: `workbook test %d` in your workbook folder, with `--seed yourname` "+
			"for an input of your own, or `go test ./%s/`.", ch.Number, ch.ID)
	case s == Print:
		return fmt.Sprintf("Run it in your workbook folder: `workbook test %d` runs all the day's tests, the "+
			"worked example's and the full suite with your puzzle input (`--suite example` or `--suite full` "+
			"runs just one). Add `--seed yourname` for an input of your own. With a Go toolchain, "+
			"`go test ./%s/` runs the same tests.", ch.Number, ch.ID)
	case part == 2:
		return "Run it as in Part 1: **Run example** for the worked example, **Run full** for the full suite with " +
			"your puzzle input."
	}
	return "Run it with the buttons under the editor: **Run example** (Ctrl-Enter, or ⌘-Enter on a Mac) runs the " +
		"worked example's tests, and **Run full** the full suite with your puzzle input. The **Engine** menu " +
		"beside them chooses the interpreter, which needs nothing installed, or `go test` with your own Go " +
		"toolchain."
}

// Markdown is the prose of ch with the note of surface s at the end of each
// puzzle section, wrapped as the prose is: the chapter as Markdown, for the
// terminal.
func Markdown(ch *chapter.Chapter, s Surface) string {
	var b strings.Builder
	last := 0
	if ch.Doc == nil {
		return ch.Prose
	}
	for _, p := range ch.Doc.Puzzles() {
		b.WriteString(strings.TrimRight(ch.Prose[last:p.End], "\n"))
		b.WriteString("\n\n" + wrap(RunNote(ch, p.Part, s), proseWidth) + "\n")
		if p.End < len(ch.Prose) {
			b.WriteString("\n")
		}
		last = p.End
	}
	b.WriteString(ch.Prose[last:])
	return b.String()
}

// proseWidth is the width the chapters' Markdown is wrapped to.
const proseWidth = 100

// wrap breaks Markdown text into lines of at most width characters where it
// can, at spaces outside code spans, so that no command is cut in two.
func wrap(s string, width int) string {
	var words []string
	inCode := false
	start := 0
	for i, r := range s {
		switch {
		case r == '`':
			inCode = !inCode
		case r == ' ' && !inCode:
			words = append(words, s[start:i])
			start = i + 1
		}
	}
	words = append(words, s[start:])
	var b strings.Builder
	n := 0
	for _, w := range words {
		l := utf8.RuneCountInString(w)
		switch {
		case n == 0:
		case n+1+l > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

// runNote writes the note that ends the puzzle section of part: an aside
// with RunNote's Markdown, which is the workbook's, not the chapter's.
func (r *Renderer) runNote(w io.Writer, ch *chapter.Chapter, part int) error {
	if _, err := io.WriteString(w, `<aside class="run-note">`+"\n"); err != nil {
		return err
	}
	note := chapter.ParseMarkdown(RunNote(ch, part, r.surface))
	if err := r.md.Renderer().Render(w, note.Source(), note.Root()); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</aside>\n")
	return err
}
