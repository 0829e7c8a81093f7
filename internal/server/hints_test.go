package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
)

// TestHintsRendered: hints reach the page rendered from their Markdown (a
// code span is a <code>, no backtick is left), in the hint answer and in
// the chapter's view.
func TestHintsRendered(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	ch := chapter.Find(chapters, "01-tally")
	withCode := 0
	for i, src := range ch.Hints.Part1 {
		status, body, _ := f.do(t, "POST", "/api/chapters/01-tally/hints", `{"part":1}`, nil)
		var ans struct {
			Hints []string `json:"hints"`
		}
		if status != http.StatusOK || json.Unmarshal([]byte(body), &ans) != nil || len(ans.Hints) != i+1 {
			t.Fatalf("hint %d = %d %s", i+1, status, body)
		}
		got := ans.Hints[i]
		if strings.Contains(src, "`") {
			withCode++
			if strings.Contains(got, "`") || !strings.Contains(got, "<code>") {
				t.Errorf("hint %d %q came as %q, want its code spans as <code>", i+1, src, got)
			}
		}
	}
	if withCode == 0 {
		t.Fatal("day 1's Part 1 hints have no code span to test with")
	}
	_, body, _ := f.do(t, "GET", "/api/chapters/01-tally", "", nil)
	if !strings.Contains(body, `\u003ccode\u003e`) {
		t.Errorf("the chapter's view has no rendered hint: %.300s", body)
	}
}

// TestPart2HintsLocked: Part 2's hints are Part 2's text, which opens with
// Part 1's star; asked for before, the answer is 403 and nothing is counted.
func TestPart2HintsLocked(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	if status, body, _ := f.do(t, "POST", "/api/chapters/01-tally/hints", `{"part":2}`, nil); status != http.StatusForbidden {
		t.Errorf("POST hints {part:2} with Part 1 unsolved = %d %s, want 403", status, body)
	}
	prog, err := f.ws.Progress()
	if err != nil {
		t.Fatal(err)
	}
	if got := prog.Chapter("01-tally").Hints; got != [2]int{} {
		t.Errorf("after a refused Part 2 hint, hints seen = %v, want none", got)
	}
	if _, _, err := f.ws.Award("01-tally", [2]bool{true, false}); err != nil {
		t.Fatal(err)
	}
	if status, body, _ := f.do(t, "POST", "/api/chapters/01-tally/hints", `{"part":2}`, nil); status != http.StatusOK || !strings.Contains(body, `"hints":["`) {
		t.Errorf("POST hints {part:2} with Part 1's star = %d %s, want 200 and the first hint", status, body)
	}
}
