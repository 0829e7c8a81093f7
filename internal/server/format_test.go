package server_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness"
)

// TestFormat: POST /api/format answers the source as gofmt writes it (tabs,
// spacing), and source that does not parse with 422 and the place of the
// first error, unchanged.
func TestFormat(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	tests := []struct {
		src        string
		status     int
		want       string
		line, col  int
		errMessage bool
	}{
		{"package bank\nfunc F( a int )int{\n  return a+1 }\n", http.StatusOK, "package bank\n\nfunc F(a int) int {\n\treturn a + 1\n}\n", 0, 0, false},
		{"package bank\n\nfunc F() {\n\treturn\n}\n", http.StatusOK, "package bank\n\nfunc F() {\n\treturn\n}\n", 0, 0, false},
		{"package bank\n\nfunc F() {\n\tx := \n}\n", http.StatusUnprocessableEntity, "", 5, 1, true},
	}
	for _, tt := range tests {
		body, _ := json.Marshal(map[string]string{"content": tt.src})
		status, out, _ := f.do(t, "POST", "/api/format", string(body), nil)
		var ans struct {
			Content, Error string
			Line, Col      int
		}
		if err := json.Unmarshal([]byte(out), &ans); err != nil {
			t.Fatalf("format %s: %v (%s)", strconv.Quote(tt.src), err, out)
		}
		if status != tt.status || ans.Content != tt.want || ans.Line != tt.line || ans.Col != tt.col || (ans.Error != "") != tt.errMessage {
			t.Errorf("format %s = %d %+v; want %d, %q at %d:%d", strconv.Quote(tt.src), status, ans, tt.status, tt.want, tt.line, tt.col)
		}
	}
	if status, _, _ := f.do(t, "POST", "/api/format", `{"content":"package p"}`, map[string]string{"Cookie": ""}); status != http.StatusUnauthorized {
		t.Errorf("format without the session = %d, want 401", status)
	}
}
