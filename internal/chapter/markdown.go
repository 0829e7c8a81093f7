package chapter

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The chapter package is the one place that parses a chapter's Markdown:
// its prose once, when the chapter is loaded, and the short Markdown of its
// front matter (hints, mistakes, sources). The views (the page and the
// handouts in HTML, the terminal's text; package render) walk the parsed
// Documents and never parse again.

// markdown parses GitHub-flavoured Markdown, giving every heading an id.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
).Parser()

// Document is Markdown parsed once: a chapter's prose, or a hint, a mistake
// or a source of its front matter. It is read-only once made, so any number
// of views may walk it at the same time.
type Document struct {
	src  []byte
	root gast.Node
	// sections holds the prose's top-level blocks by section; a note's are
	// all in Intro.
	sections [numSections][]gast.Node
	puzzles  []Puzzle
}

// Source is the Markdown the document was parsed from; the nodes' segments
// point into it.
func (d *Document) Source() []byte { return d.src }

// Root is the document's root node.
func (d *Document) Root() gast.Node { return d.root }

// Blocks are the top-level blocks of section s, in order.
func (d *Document) Blocks(s Section) []gast.Node {
	if s < 0 || s >= numSections {
		return nil
	}
	return d.sections[s]
}

// Puzzles are the puzzle sections of the prose, in order.
func (d *Document) Puzzles() []Puzzle { return d.puzzles }

// Section is one of the parts of a chapter's prose that the workbook shows
// apart.
type Section int

const (
	// Intro is everything before "## Part 1": the title, the story and
	// "## The idea".
	Intro Section = iota
	// Part1Section and Part2Section start at "## Part 1" and "## Part 2".
	Part1Section
	Part2Section
	// Wild starts at "## In the wild".
	Wild
	numSections
)

// sectionHeadings are the ## headings at which a section starts.
var sectionHeadings = map[string]Section{"Part 1": Part1Section, "Part 2": Part2Section, "In the wild": Wild}

// PuzzleHeading is the title of the ### heading, under "## Part 1" or
// "## Part 2", of the section that sets the part's puzzle. The prose
// describes the puzzle and says nothing of how to run the tests: each view
// ends the section with a note that says it for where it is read.
const PuzzleHeading = "Your puzzle"

// A Puzzle is where a puzzle section is in a chapter's prose.
type Puzzle struct {
	Part int // 1 or 2
	// Start and End are byte offsets in the prose: the start of the
	// heading's line, and the start of the line of the heading that ends the
	// section (or the end of the prose).
	Start, End int
	// Before is the top-level block the section ends before: the heading
	// that follows it, or nil when it runs to the end of the prose.
	Before gast.Node
}

// KindCodeRef is the node kind of a resolved code reference.
var KindCodeRef = gast.NewNodeKind("CodeRef")

// CodeRefBlock stands in a parsed prose for a fenced code block that shows a
// file of the chapter, or one declaration in it: the reference, resolved.
type CodeRefBlock struct {
	gast.BaseBlock
	Lang string
	// File is the file shown, relative to the workbook root.
	File string
	Ref  CodeRef
}

// Kind implements ast.Node.
func (n *CodeRefBlock) Kind() gast.NodeKind { return KindCodeRef }

// IsRaw implements ast.Node.
func (n *CodeRefBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *CodeRefBlock) Dump(src []byte, level int) {
	gast.DumpHelper(n, src, level, map[string]string{"Lang": n.Lang, "File": n.File, "Decl": n.Ref.Decl}, nil)
}

// ParseMarkdown parses a short piece of Markdown that is not a chapter's
// prose: a note the workbook writes itself, or front matter read elsewhere.
// A chapter's own notes come parsed from Chapter.Note.
func ParseMarkdown(s string) *Document {
	src := []byte(s)
	d := &Document{src: src, root: markdown.Parse(text.NewReader(src))}
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		d.sections[Intro] = append(d.sections[Intro], n)
	}
	return d
}

// Note returns one of the chapter's hints, mistakes or sources (or any
// other Markdown s), parsed.
func (ch *Chapter) Note(s string) *Document {
	if d, ok := ch.notes[s]; ok {
		return d
	}
	return ParseMarkdown(s)
}

// Notes returns each of ss parsed, as Note does.
func (ch *Chapter) Notes(ss []string) []*Document {
	out := make([]*Document, len(ss))
	for i, s := range ss {
		out[i] = ch.Note(s)
	}
	return out
}

// parseNotes parses the front matter's Markdown once.
func (ch *Chapter) parseNotes() {
	ch.notes = map[string]*Document{}
	for _, list := range [][]string{ch.Hints.Part1, ch.Hints.Part2, ch.Facilitator.Mistakes, ch.Facilitator.Sources, {ch.Facilitator.Discussion}} {
		for _, s := range list {
			if _, ok := ch.notes[s]; !ok {
				ch.notes[s] = ParseMarkdown(s)
			}
		}
	}
}

// ParseProse parses ch.Prose, which starts on line ch.ProseLine of
// chapter.md, as Load does: it sets the chapter's Doc, Outline and CodeRefs,
// resolving the code references in fsys (the workbook root). Its error lists
// every reference that does not resolve, each as an *Error.
func (ch *Chapter) ParseProse(fsys fs.FS) error {
	if ch.ProseLine == 0 {
		ch.ProseLine = 1
	}
	src := []byte(ch.Prose)
	root := markdown.Parse(text.NewReader(src))
	ch.Outline = outline(root, src, ch.ProseLine)

	mdPath := path.Join(ch.Dir, "chapter.md")
	type found struct {
		block *gast.FencedCodeBlock
		node  *CodeRefBlock
	}
	var refs []found
	var errs []error
	ch.CodeRefs = nil
	walkCodeRefs(root, src, func(fc *gast.FencedCodeBlock, lang string, ref CodeRef) {
		ref.Line += ch.ProseLine - 1
		code, err := Resolve(fsys, ch.Dir, ref)
		if err != nil {
			errs = append(errs, &Error{File: mdPath, Line: ref.Line, Msg: err.Error()})
			return
		}
		ref.Code = code
		ch.CodeRefs = append(ch.CodeRefs, ref)
		refs = append(refs, found{fc, &CodeRefBlock{Lang: lang, File: path.Join(ch.Dir, path.Clean(ref.Path)), Ref: ref}})
	})
	// Replaced after the walk, which replacing would upset.
	for _, f := range refs {
		f.block.Parent().ReplaceChild(f.block.Parent(), f.block, f.node)
	}
	ch.Doc = sectioned(src, root)
	return errors.Join(errs...)
}

// sectioned makes the Document of a parsed prose: its top-level blocks by
// section, and its puzzle sections.
func sectioned(src []byte, root gast.Node) *Document {
	d := &Document{src: src, root: root}
	section := Intro
	part := 0 // the part of the ## section we are in, for the puzzles
	open := false
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*gast.Heading); ok && h.Level <= 3 {
			title := plainText(h, src)
			if open {
				p := &d.puzzles[len(d.puzzles)-1]
				p.Before, p.End = h, lineStart(h, src)
				open = false
			}
			if h.Level == 2 {
				if s, ok := sectionHeadings[title]; ok {
					section = s
					part = int(s)
				}
			}
			if h.Level == 3 && title == PuzzleHeading && (part == 1 || part == 2) {
				d.puzzles = append(d.puzzles, Puzzle{Part: part, Start: lineStart(h, src), End: len(src)})
				open = true
			}
		}
		d.sections[section] = append(d.sections[section], n)
	}
	return d
}

// lineStart is the offset in src of the line on which block n starts.
func lineStart(n gast.Node, src []byte) int {
	at := n.Pos()
	if at < 0 && n.Lines().Len() > 0 {
		at = n.Lines().At(0).Start
	}
	if at < 0 || at > len(src) {
		return len(src)
	}
	return strings.LastIndexByte(string(src[:at]), '\n') + 1
}
