// Package handout builds the printed workshop handouts: a static site of
// plain HTML and CSS (no script, no network, every link relative, so it opens
// from file:// as well as from a server) with a cover, one page per chapter
// and one document of every chapter for printing. The learner's edition has
// the prose, the stubs to fill in, room for notes and the hints as end
// notes; the facilitator's edition adds, per chapter, the suggested time, the
// worked examples' answers, the common mistakes and the reference solutions.
// PrintPDF prints a handout to PDF with headless Chromium.
package handout

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/render"
)

// Edition is who a handout is for.
type Edition string

// The editions. Only the facilitator's has answers, common mistakes and
// reference solutions.
const (
	Learner     Edition = "learner"
	Facilitator Edition = "facilitator"
)

// Paper sizes. A4 is the default; Letter links letter.css after
// handout.css, whose @page rule then wins.
const (
	A4     = "a4"
	Letter = "letter"
)

// DefaultTitle is the cover's title when Options.Title is empty.
const DefaultTitle = "The CQRS Workbook"

// ErrOptions is wrapped by the errors Build returns for invalid Options.
var ErrOptions = errors.New("invalid handout options")

// Options says what Build makes and where.
type Options struct {
	// Chapters are the chapters of the handout, in order.
	Chapters []*chapter.Chapter
	// FS is the workbook root (chapters/, exercises/, solutions/), from
	// which the prose's code references are read.
	FS fs.FS
	// Title is the workshop's title on the cover (default DefaultTitle).
	Title string
	// Date is printed on the cover as given (default today, "2 January 2006").
	Date string
	// Edition is Learner or Facilitator.
	Edition Edition
	// Paper is A4 (the default) or Letter.
	Paper string
	// Out is the folder the site is written to; it is created if need be.
	Out string
}

// Files written by Build beside the chapter pages.
const (
	IndexFile = "index.html"
	PrintFile = "print.html"
	cssFile   = "handout.css"
	letterCSS = "letter.css"
	codeCSS   = "code.css"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/handout.css assets/letter.css
var assetFS embed.FS

var templates = template.Must(template.New("").ParseFS(templateFS, "templates/*.html"))

// site is what every template sees.
type site struct {
	Title, Date string
	Edition     Edition
	Letter      bool
	Chapters    []*chapterView
	// Chapter is the chapter of a chapter page, nil elsewhere.
	Chapter *chapterView
	// Print is true for print.html, where the contents link within the page.
	Print bool
}

// IsFacilitator reports whether the handout is the facilitator's edition.
func (s *site) IsFacilitator() bool { return s.Edition == Facilitator }

// EditionName is the edition as printed on the cover.
func (s *site) EditionName() string {
	if s.Edition == Facilitator {
		return "Facilitator's edition"
	}
	return "Learner's edition"
}

// chapterView is a chapter as a handout shows it.
type chapterView struct {
	*chapter.Chapter
	Page *render.Page
	// File is the chapter's page, Anchor its id in print.html.
	File, Anchor string
	// Prev and Next are the neighbouring chapters' pages, if any.
	Prev, Next *chapterView
	// Stubs are the learner's files as they start.
	Stubs []listing
	// Part1Hints and Part2Hints are the hints, rendered.
	Part1Hints, Part2Hints []template.HTML
	// Facilitator is nil in the learner's edition.
	Facilitator *facilitatorView
}

// listing is one highlighted file with the path it is shown under.
type listing struct {
	Path string
	Code template.HTML
}

// facilitatorView is the boxed "For the facilitator" section of a chapter.
type facilitatorView struct {
	Minutes  int
	Answers  []Answer
	Mistakes []template.HTML
	Sources  []template.HTML
	// Discussion is the question for the room, if the chapter has one.
	Discussion template.HTML
	Solutions  []listing
}

// Build writes the handout site described by opts into opts.Out: index.html
// (the cover and the list of chapters), one page per chapter
// (01-commands.html, ...), print.html (the cover and every chapter in one
// document), and the stylesheets they link: handout.css, letter.css and
// code.css. Invalid options give an error wrapping ErrOptions.
func Build(opts Options) error {
	if opts.Edition != Learner && opts.Edition != Facilitator {
		return fmt.Errorf("%w: edition %q (want %s or %s)", ErrOptions, opts.Edition, Learner, Facilitator)
	}
	if opts.Paper == "" {
		opts.Paper = A4
	}
	if opts.Paper != A4 && opts.Paper != Letter {
		return fmt.Errorf("%w: paper %q (want %s or %s)", ErrOptions, opts.Paper, A4, Letter)
	}
	if opts.Out == "" || opts.FS == nil || len(opts.Chapters) == 0 {
		return fmt.Errorf("%w: Out, FS and at least one chapter are required", ErrOptions)
	}
	if opts.Title == "" {
		opts.Title = DefaultTitle
	}
	if opts.Date == "" {
		opts.Date = time.Now().Format("2 January 2006")
	}
	s := &site{Title: opts.Title, Date: opts.Date, Edition: opts.Edition, Letter: opts.Paper == Letter}
	r := render.New(render.For(render.Print))
	for _, ch := range opts.Chapters {
		v, err := view(r, ch, opts.Edition)
		if err != nil {
			return err
		}
		if n := len(s.Chapters); n > 0 {
			v.Prev, s.Chapters[n-1].Next = s.Chapters[n-1], v
		}
		s.Chapters = append(s.Chapters, v)
	}

	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return err
	}
	write := func(name string, data []byte) error {
		return os.WriteFile(filepath.Join(opts.Out, name), data, 0o644)
	}
	exec := func(name, tmpl string, data *site) error {
		var buf bytes.Buffer
		if err := templates.ExecuteTemplate(&buf, tmpl, data); err != nil {
			return fmt.Errorf("handout %s: %w", name, err)
		}
		return write(name, buf.Bytes())
	}
	if err := exec(IndexFile, "index.html", s); err != nil {
		return err
	}
	for _, v := range s.Chapters {
		page := *s
		page.Chapter = v
		if err := exec(v.File, "chapter.html", &page); err != nil {
			return err
		}
	}
	printed := *s
	printed.Print = true
	if err := exec(PrintFile, "print.html", &printed); err != nil {
		return err
	}
	for _, name := range []string{cssFile, letterCSS} {
		data, err := assetFS.ReadFile(path.Join("assets", name))
		if err != nil {
			return err
		}
		if err := write(name, data); err != nil {
			return err
		}
	}
	return write(codeCSS, []byte(render.CSS()))
}

// view prepares a chapter for the templates.
func view(r *render.Renderer, ch *chapter.Chapter, ed Edition) (*chapterView, error) {
	page, err := r.Chapter(ch)
	if err != nil {
		return nil, err
	}
	v := &chapterView{Chapter: ch, Page: page, File: ch.ID + ".html", Anchor: fmt.Sprintf("day-%d", ch.Number),
		Part1Hints: notes(r, ch, ch.Hints.Part1), Part2Hints: notes(r, ch, ch.Hints.Part2)}
	for _, name := range ch.LearnerFiles {
		src, ok := ch.Exercise[name]
		if !ok {
			return nil, fmt.Errorf("handout %s: no stub for learner file %s", ch.ID, name)
		}
		v.Stubs = append(v.Stubs, listing{Path: path.Join(ch.ID, name), Code: r.Code("go", string(chapter.Printed(src)))})
	}
	if ed != Facilitator {
		return v, nil
	}
	f := &facilitatorView{Minutes: ch.Facilitator.Minutes, Mistakes: notes(r, ch, ch.Facilitator.Mistakes), Sources: notes(r, ch, ch.Facilitator.Sources),
		Discussion: discussion(r, ch), Answers: WorkedAnswers(ch.Outline)}
	solution, err := ch.SolutionFor(2)
	if err != nil {
		return nil, fmt.Errorf("handout %s: %w", ch.ID, err)
	}
	for _, name := range ch.LearnerFiles {
		src, ok := solution[name]
		if !ok {
			return nil, fmt.Errorf("handout %s: no reference solution for %s", ch.ID, name)
		}
		f.Solutions = append(f.Solutions, listing{Path: path.Join(chapter.SolutionsDir, ch.ID, name), Code: r.Code("go", string(chapter.Printed(src)))})
	}
	v.Facilitator = f
	return v, nil
}

// discussion renders the chapter's question for the room, or "".
func discussion(r *render.Renderer, ch *chapter.Chapter) template.HTML {
	if ch.Facilitator.Discussion == "" {
		return ""
	}
	return r.Note(ch.Note(ch.Facilitator.Discussion))
}

// notes renders a chapter's hints, mistakes or sources, as parsed by the
// chapter, as HTML.
func notes(r *render.Renderer, ch *chapter.Chapter, ss []string) []template.HTML {
	out := make([]template.HTML, len(ss))
	for i, d := range ch.Notes(ss) {
		out[i] = r.Note(d)
	}
	return out
}
