package server

import (
	"errors"
	"go/format"
	"go/scanner"
	"net/http"
)

// FormatAnswer is the answer of POST /api/format: the source as gofmt
// writes it, or where it cannot be parsed.
type FormatAnswer struct {
	Content string `json:"content,omitempty"`
	Error   string `json:"error,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
}

// apiFormat formats Go source as gofmt does (go/format): the page's Format
// button. Source that does not parse is answered 422 with the first error's
// place, and is not changed.
func (s *Server) apiFormat(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Content string `json:"content"`
	}
	if !decode(w, r, &body) {
		return
	}
	out, err := format.Source([]byte(body.Content))
	if err != nil {
		ans := FormatAnswer{Error: err.Error()}
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			ans.Error, ans.Line, ans.Col = list[0].Msg, list[0].Pos.Line, list[0].Pos.Column
		}
		writeJSON(w, http.StatusUnprocessableEntity, ans)
		return
	}
	writeJSON(w, http.StatusOK, FormatAnswer{Content: string(out)})
}
