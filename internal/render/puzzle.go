package render

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// PuzzleHeading is the title of the ### heading, under "## Part 1" or
// "## Part 2", of the section that sets the part's puzzle. The prose
// describes the puzzle and says nothing of how to run the tests: the
// renderer ends the section with a note that says it for the surface it
// renders for, so the page speaks of its buttons and paper of commands.
const PuzzleHeading = "Your puzzle"

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
	for _, p := range Puzzles(ch.Prose) {
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

// A Puzzle is where a puzzle section is in a chapter's prose.
type Puzzle struct {
	Part int // 1 or 2
	// Start and End are byte offsets in the prose: the start of the
	// heading's line, and the start of the line of the heading that ends the
	// section (or the end of the prose).
	Start, End int
}

// Puzzles finds the puzzle sections of Markdown prose, in order: each runs
// from a "### Your puzzle" under "## Part 1" or "## Part 2" to the next
// heading of level 3 or less.
func Puzzles(prose string) []Puzzle {
	src := []byte(prose)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var out []Puzzle
	for _, p := range puzzles(doc, src) {
		end := len(src)
		if p.end != nil {
			end = lineStart(p.end, src)
		}
		out = append(out, Puzzle{Part: p.part, Start: lineStart(p.heading, src), End: end})
	}
	return out
}

// puzzle is one puzzle section among a document's top-level blocks.
type puzzle struct {
	part    int
	heading *ast.Heading
	end     ast.Node // the heading that ends the section, or nil at the end
}

// puzzles finds the puzzle sections of doc, as Puzzles says.
func puzzles(doc ast.Node, src []byte) []puzzle {
	var out []puzzle
	part := 0
	open := false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level > 3 {
			continue
		}
		if open {
			out[len(out)-1].end = h
			open = false
		}
		title := plainText(h, src)
		if h.Level == 2 {
			if p, ok := sectionHeadings[title]; ok {
				part = p
			}
		}
		if h.Level == 3 && title == PuzzleHeading && (part == 1 || part == 2) {
			out = append(out, puzzle{part: part, heading: h})
			open = true
		}
	}
	return out
}

// lineStart is the offset in src of the line on which block n starts.
func lineStart(n ast.Node, src []byte) int {
	at := n.Pos()
	if at < 0 && n.Lines().Len() > 0 {
		at = n.Lines().At(0).Start
	}
	if at < 0 || at > len(src) {
		return len(src)
	}
	return bytes.LastIndexByte(src[:at], '\n') + 1
}

// kindRunNote is the kind of a puzzle section's closing note.
var kindRunNote = ast.NewNodeKind("RunNote")

// runNote is the note at the end of a puzzle section, already rendered: its
// Markdown is the workbook's, not the chapter's, so its text is not in the
// chapter's source.
type runNote struct {
	ast.BaseBlock
	Part int
	HTML []byte
}

func (n *runNote) Kind() ast.NodeKind { return kindRunNote }

func (n *runNote) IsRaw() bool { return true }

func (n *runNote) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Part": fmt.Sprint(n.Part)}, nil)
}

// noteKey holds a *noteContext in the parser context: what the notes of the
// chapter being parsed say.
var noteKey = parser.NewContextKey()

type noteContext struct {
	ch      *chapter.Chapter
	surface Surface
}

// noteMarkdown renders the notes' own Markdown (emphasis and code spans).
var noteMarkdown = goldmark.New()

// runNotes is the extension that ends every puzzle section with its
// runNote, for the surface in the parser context.
type runNotes struct{}

func (runNotes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(runNotes{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(runNotes{}, 100)))
}

// Transform implements parser.ASTTransformer.
func (runNotes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	nc, _ := pc.Get(noteKey).(*noteContext)
	if nc == nil {
		return
	}
	for _, p := range puzzles(doc, reader.Source()) {
		var buf bytes.Buffer
		if err := noteMarkdown.Convert([]byte(RunNote(nc.ch, p.part, nc.surface)), &buf); err != nil {
			continue // cannot happen: the note is the workbook's own short Markdown
		}
		note := &runNote{Part: p.part, HTML: buf.Bytes()}
		if p.end != nil {
			doc.InsertBefore(doc, p.end, note)
		} else {
			doc.AppendChild(doc, note)
		}
	}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (runNotes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindRunNote, renderRunNote)
}

func renderRunNote(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*runNote)
	_, _ = w.WriteString(`<aside class="run-note">` + "\n")
	_, _ = w.Write(n.HTML)
	_, _ = w.WriteString("</aside>\n")
	return ast.WalkSkipChildren, nil
}
