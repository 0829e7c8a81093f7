package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
)

// TestPagePuzzleNotes: a day's page tells the learner to run the puzzle with
// its own buttons, and gives no terminal command, in both parts.
func TestPagePuzzleNotes(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	for _, ch := range chapters {
		t.Run(ch.ID, func(t *testing.T) {
			// Part 2 is on the page once Part 1 has its star.
			now := time.Now()
			if _, err := f.ws.UpdateProgress(func(p *progress.Progress) error { p.Chapter(ch.ID).Stars[0] = &now; return nil }); err != nil {
				t.Fatal(err)
			}
			status, page, _ := f.do(t, "GET", "/chapters/"+ch.ID, "", nil)
			if status != http.StatusOK {
				t.Fatalf("GET /chapters/%s = %d, want 200", ch.ID, status)
			}
			if n := strings.Count(page, `<aside class="run-note">`); n != 2 {
				t.Errorf("GET /chapters/%s: %d puzzle notes, want 2 (Part 1's and Part 2's)", ch.ID, n)
			}
			for _, w := range []string{"<strong>Run example</strong> (Ctrl-Enter, or ⌘-Enter on a Mac)", "<strong>Run full</strong>", "<strong>Engine</strong>"} {
				if !strings.Contains(page, w) {
					t.Errorf("GET /chapters/%s: the page does not say %q", ch.ID, w)
				}
			}
			for _, bad := range []string{"workbook test", "go test ./", fmt.Sprintf("./%s/", ch.ID), "--seed"} {
				if strings.Contains(page, bad) {
					t.Errorf("GET /chapters/%s: the page says %q, a terminal command", ch.ID, bad)
				}
			}
		})
	}
}
