package render

import (
	"bytes"
	"html/template"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// Note renders a note of a chapter's front matter (a mistake or a source:
// Markdown parsed by the chapter package) as HTML. Raw HTML in it is
// escaped, as in the prose.
func (r *Renderer) Note(d *chapter.Document) template.HTML {
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, d.Source(), d.Root()); err != nil {
		return template.HTML(template.HTMLEscapeString(string(d.Source())))
	}
	return template.HTML(b.String())
}

// Hint renders one hint (usually a sentence or two with code spans) as
// inline HTML: the paragraph's content without the <p>.
func (r *Renderer) Hint(d *chapter.Document) template.HTML {
	out := []byte(r.Note(d))
	out = bytes.TrimSpace(out)
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) && bytes.Count(out, []byte("<p>")) == 1 {
		out = out[len("<p>") : len(out)-len("</p>")]
	}
	return template.HTML(out)
}

// Hints renders each hint with Hint.
func (r *Renderer) Hints(ds []*chapter.Document) []template.HTML {
	out := make([]template.HTML, len(ds))
	for i, d := range ds {
		out[i] = r.Hint(d)
	}
	return out
}
