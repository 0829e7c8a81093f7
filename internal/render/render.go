// Package render turns a chapter's Markdown into HTML for the web workbook
// and the printed handouts. Chapter features (code references, heading
// anchors, and the note that ends each puzzle section with how to run the
// tests on the Surface rendered for) are goldmark extensions; code is
// highlighted by chroma with CSS classes only, since the page's content
// security policy forbids inline styles. Raw HTML in the Markdown is never
// emitted.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// The chroma styles behind CSS: the classes in the HTML do not depend on them.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// Renderer renders chapters; safe for concurrent use.
type Renderer struct {
	md      goldmark.Markdown // its renderer only: the chapter package parses
	surface Surface
}

// Page is a chapter's prose rendered to HTML, in the sections the workbook
// shows apart.
type Page struct {
	// Intro is everything before "## Part 1": the story and "## The idea".
	// Part1, Part2 and Wild start at the headings "## Part 1", "## Part 2"
	// and "## In the wild", and each includes its heading.
	Intro, Part1, Part2, Wild template.HTML
	// Title is the prose's opening "# Day N: ..." heading when it has one,
	// and IntroBody is Intro without it, for pages that put something
	// (the learning goals, say) between the title and the story.
	Title, IntroBody template.HTML
	// TOC lists every ## and ### heading of the page, in order.
	TOC []Heading
}

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int    // 2 or 3
	Text  string // plain text, without markup
	ID    string // the heading's id, unique on the page
	Part  int    // 1 or 2 inside a part, else 0 (intro and "In the wild")
}

// New returns a Renderer. It renders for the Browser unless For says
// otherwise.
func New(opts ...Option) *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			highlighting.NewHighlighting(
				highlighting.WithStyle(lightStyle),
				highlighting.WithFormatOptions(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{})),
			),
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(codeRefRenderer{}, 100),
			util.Prioritized(headingRenderer{}, 100),
		)),
	)
	r := &Renderer{md: md}
	for _, o := range opts {
		o(r)
	}
	return r
}

// ErrNotParsed is returned for a chapter whose prose was not parsed
// (chapter.Load parses it, as does Chapter.ParseProse).
var ErrNotParsed = errors.New("the chapter's prose is not parsed")

// Chapter renders the prose of ch, each puzzle section ended by the note on
// running the tests of the Renderer's surface (RunNote).
func (r *Renderer) Chapter(ch *chapter.Chapter) (*Page, error) {
	doc := ch.Doc
	if doc == nil {
		return nil, fmt.Errorf("render %s: %w", ch.ID, ErrNotParsed)
	}
	src := doc.Source()
	notes := map[ast.Node]chapter.Puzzle{} // puzzles by the block they end before
	var last []chapter.Puzzle              // puzzles that run to the end
	for _, p := range doc.Puzzles() {
		if p.Before != nil {
			notes[p.Before] = p
		} else {
			last = append(last, p)
		}
	}
	var page Page
	var bufs [chapter.Wild + 1]bytes.Buffer
	prev := &bufs[chapter.Intro] // the buffer of the block before this one
	for s := chapter.Intro; s <= chapter.Wild; s++ {
		buf := &bufs[s]
		for i, n := range doc.Blocks(s) {
			if p, ok := notes[n]; ok {
				// The note ends the section, in the part the section is in,
				// before the heading that ends it.
				if err := r.runNote(prev, ch, p.Part); err != nil {
					return nil, fmt.Errorf("render %s: %w", ch.ID, err)
				}
			}
			if h, ok := n.(*ast.Heading); ok && (h.Level == 2 || h.Level == 3) {
				part := int(s)
				if s == chapter.Wild {
					part = 0
				}
				page.TOC = append(page.TOC, Heading{Level: h.Level, Text: plainText(h, src), ID: headingID(h), Part: part})
			}
			start := buf.Len()
			if err := r.md.Renderer().Render(buf, src, n); err != nil {
				return nil, fmt.Errorf("render %s: %w", ch.ID, err)
			}
			if h, ok := n.(*ast.Heading); ok && s == chapter.Intro && i == 0 && h.Level == 1 {
				// The opening h1, rendered on its own as well.
				page.Title = template.HTML(buf.String()[start:])
			}
			prev = buf
		}
	}
	for _, p := range last {
		if err := r.runNote(prev, ch, p.Part); err != nil {
			return nil, fmt.Errorf("render %s: %w", ch.ID, err)
		}
	}
	// goldmark escapes the text and omits raw HTML (no WithUnsafe), so its
	// output is safe to mark as HTML.
	page.Intro, page.Part1, page.Part2, page.Wild = template.HTML(bufs[0].String()), template.HTML(bufs[1].String()), template.HTML(bufs[2].String()), template.HTML(bufs[3].String())
	page.IntroBody = template.HTML(strings.TrimPrefix(string(page.Intro), string(page.Title)))
	return &page, nil
}

// headingID is the id the parser gave h, or "".
func headingID(h *ast.Heading) string {
	id, _ := h.AttributeString("id")
	b, _ := id.([]byte)
	return string(b)
}

// Code highlights src, a listing in language lang (a chroma lexer name such
// as "go"), with the same markup as the fenced code blocks of a chapter.
func (r *Renderer) Code(lang, src string) template.HTML {
	var buf bytes.Buffer
	highlight(&buf, lang, src)
	return template.HTML(buf.String())
}

// highlight writes code highlighted with CSS classes. An unknown language is
// shown as plain text.
func highlight(w io.Writer, lang, code string) {
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err == nil {
		f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{}))
		if err = f.Format(w, styles.Get(lightStyle), it); err == nil {
			return
		}
	}
	_, _ = io.WriteString(w, focusablePre{}.Start(true, "")+template.HTMLEscapeString(code)+focusablePre{}.End(true)+"\n")
}

// focusablePre wraps a listing in a pre that takes the keyboard's focus, so
// that a listing wider than the page can be scrolled without a mouse
// (WCAG 2.1.1).
type focusablePre struct{}

// Start implements chromahtml.PreWrapper.
func (focusablePre) Start(code bool, styleAttr string) string {
	if !code {
		return ""
	}
	return `<pre tabindex="0"` + styleAttr + `><code>`
}

// End implements chromahtml.PreWrapper.
func (focusablePre) End(code bool) string {
	if !code {
		return ""
	}
	return "</code></pre>"
}

var css = sync.OnceValue(func() string {
	var b strings.Builder
	f := chromahtml.New(chromahtml.WithClasses(true))
	b.WriteString("/* Code highlighting: chroma " + lightStyle + ", and " + darkStyle + " in dark mode. */\n")
	_ = f.WriteCSS(&b, styles.Get(lightStyle))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	dark := styles.Get(darkStyle)
	_ = f.WriteCSS(&b, dark)
	// A class the light style colours and the dark one does not would keep
	// its light colour (dark grey on a dark background): reset it.
	light := styles.Get(lightStyle)
	var reset []string
	styled := func(s *chroma.Style, tt chroma.TokenType) bool { // as WriteCSS decides
		return !s.Get(tt).Sub(s.Get(chroma.Background)).IsZero()
	}
	for tt, class := range chroma.StandardTypes {
		if class != "" && tt != chroma.Background && styled(light, tt) && !styled(dark, tt) {
			reset = append(reset, ".chroma ."+class)
		}
	}
	if len(reset) > 0 {
		sort.Strings(reset)
		b.WriteString(strings.Join(reset, ", ") + " { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit }\n")
	}
	b.WriteString("}\n")
	return b.String()
})

// CSS returns the stylesheet for highlighted code: light colours, and dark
// ones under @media (prefers-color-scheme: dark).
func CSS() string { return css() }

// plainText is the text of n and its descendants, without markup and
// without the heading anchor.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			if !n.IsRaw() {
				// As the HTML renderer does: "\<" is "<", "&copy;" is "©".
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
