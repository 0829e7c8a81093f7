package server

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"

	"github.com/cqrsworkbook/workbook/internal/progress"
	"github.com/cqrsworkbook/workbook/internal/render"
)

// homeData is what the home page shows.
type homeData struct {
	Chapters []ChapterSummary
	Stars    int
	Total    int
	Continue *ChapterSummary
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	list, prog, err := s.summaries()
	if err != nil {
		s.failPage(w, err)
		return
	}
	d := homeData{Chapters: list, Stars: prog.StarCount(), Total: progress.Total(len(list))}
	d.Continue = continueWith(list, prog)
	s.page(w, r, "home.html", d)
}

// continueWith is the chapter to go on with: the last one opened unless it
// is done, else the first without both stars.
func continueWith(list []ChapterSummary, prog *progress.Progress) *ChapterSummary {
	for i := range list {
		if list[i].ID == prog.Last && !(list[i].Stars[0] && list[i].Stars[1]) {
			return &list[i]
		}
	}
	for i := range list {
		if !(list[i].Stars[0] && list[i].Stars[1]) {
			return &list[i]
		}
	}
	return nil
}

// chapterData is what the chapter page shows.
type chapterData struct {
	*ChapterView
	TOC []render.Heading
	// Data is the view as JSON for the page's script, in a
	// <script type="application/json"> element (data, not code: the
	// content security policy allows no inline script).
	Data template.JS
}

func (s *Server) chapterPage(w http.ResponseWriter, r *http.Request) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return
	}
	v, page, err := s.chapterView(ch)
	if err != nil {
		s.failPage(w, err)
		return
	}
	if _, err := s.cfg.Workspace.UpdateProgress(func(p *progress.Progress) error { p.Last = ch.ID; return nil }); err != nil {
		s.failPage(w, err)
		return
	}
	var toc []render.Heading
	for _, h := range page.TOC {
		if h.Part != 2 || v.Stars[0] {
			toc = append(toc, h)
		}
	}
	// The page's script gets the view without the prose, which the page
	// itself shows (the prose is most of a page's weight).
	data := *v
	data.Sections = Sections{}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // keeps "</script>" out of the element
	if err := enc.Encode(&data); err != nil {
		s.failPage(w, err)
		return
	}
	s.page(w, r, "chapter.html", chapterData{ChapterView: v, TOC: toc, Data: template.JS(buf.String())})
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, name string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		s.failPage(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	writeBody(w, r, buf.Bytes())
}

func (s *Server) failPage(w http.ResponseWriter, err error) {
	s.log.Error("page failed", "err", err)
	http.Error(w, "the workbook could not show this page: "+err.Error(), http.StatusInternalServerError)
}
