package render

import (
	"bytes"
	"html/template"
)

// Hint renders one hint (Markdown, usually a sentence or two with code
// spans) as inline HTML: the paragraph's content without the <p>. Raw HTML
// in a hint is escaped, as in the prose.
func (r *Renderer) Hint(md string) template.HTML {
	var b bytes.Buffer
	if err := r.md.Convert([]byte(md), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(md))
	}
	out := bytes.TrimSpace(b.Bytes())
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) && bytes.Count(out, []byte("<p>")) == 1 {
		out = out[len("<p>") : len(out)-len("</p>")]
	}
	return template.HTML(out)
}

// Hints renders each hint with Hint.
func (r *Renderer) Hints(mds []string) []template.HTML {
	out := make([]template.HTML, len(mds))
	for i, md := range mds {
		out[i] = r.Hint(md)
	}
	return out
}
