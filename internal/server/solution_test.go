package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
)

// TestSolutionPerPart: a part's reference solution holds that part's code
// only. Part 1's, once Part 1 passes, leaves Part 2's out (a file that is
// Part 2's alone, a region of a file); Part 2's needs Part 2's star or a
// confirmation of its own; a solution shown before its star is recorded;
// no view carries the region marks.
func TestSolutionPerPart(t *testing.T) {
	t.Parallel() // beside the other long tests; none of them counts workers
	tests := []struct {
		name      string
		chapter   string
		stars     [2]bool
		body      string
		want      int
		files     []string // the files answered, in order
		has, hasn []string // in the answer's code, and not
		shown     [2]bool  // SolutionShown afterwards
	}{
		{"Part 1 before its star", "01-tally", [2]bool{}, `{"part":1}`, http.StatusForbidden, nil, nil, nil, [2]bool{}},
		{"Part 1 confirmed before its star", "01-tally", [2]bool{}, `{"part":1,"confirm":true}`, http.StatusOK,
			[]string{"tally.go"}, []string{"func Total"}, []string{"func Refused"}, [2]bool{true, false}},
		{"Part 1 after its star", "01-tally", [2]bool{true, false}, `{"part":1}`, http.StatusOK,
			[]string{"tally.go"}, []string{"func Total"}, []string{"func Refused", "refused.go"}, [2]bool{}},
		{"Part 2 after Part 1's star only", "01-tally", [2]bool{true, false}, `{"part":2}`, http.StatusForbidden, nil, nil, nil, [2]bool{}},
		{"Part 2 confirmed after Part 1's star", "01-tally", [2]bool{true, false}, `{"part":2,"confirm":true}`, http.StatusOK,
			[]string{"tally.go", "refused.go"}, []string{"func Total", "func Refused"}, nil, [2]bool{false, true}},
		{"Part 2 after its star", "01-tally", [2]bool{true, true}, `{"part":2}`, http.StatusOK,
			[]string{"tally.go", "refused.go"}, []string{"func Refused"}, nil, [2]bool{}},
		{"Part 1 of a file Part 2 changes", "02-double", [2]bool{true, false}, `{"part":1}`, http.StatusOK,
			[]string{"double.go"}, []string{"func Double(", "Part 2's code goes here"}, []string{"func DoubleRefused"}, [2]bool{}},
		{"Part 2 of a file Part 2 changes", "02-double", [2]bool{true, true}, `{"part":2}`, http.StatusOK,
			[]string{"double.go"}, []string{"func Double(", "func DoubleRefused"}, []string{"Part 2's code goes here"}, [2]bool{}},
		{"no Part 3", "01-tally", [2]bool{true, true}, `{"part":3}`, http.StatusBadRequest, nil, nil, nil, [2]bool{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
			if _, err := f.ws.UpdateProgress(func(p *progress.Progress) error {
				now := time.Now()
				for i, star := range tt.stars {
					if star {
						p.Chapter(tt.chapter).Stars[i] = &now
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			path := "/api/chapters/" + tt.chapter + "/solution"
			status, body, _ := f.do(t, "POST", path, tt.body, nil)
			if status != tt.want {
				t.Fatalf("POST %s %s with stars %v = %d %s, want %d", path, tt.body, tt.stars, status, body, tt.want)
			}
			if status == http.StatusOK {
				var ans struct {
					Files []struct {
						Name    string `json:"name"`
						Content string `json:"content"`
					} `json:"files"`
				}
				if err := json.Unmarshal([]byte(body), &ans); err != nil {
					t.Fatalf("POST %s %s: %v in %s", path, tt.body, err, body)
				}
				var names []string
				var code strings.Builder
				for _, file := range ans.Files {
					names = append(names, file.Name)
					code.WriteString(file.Content)
				}
				if strings.Join(names, " ") != strings.Join(tt.files, " ") {
					t.Errorf("POST %s %s: files %v, want %v", path, tt.body, names, tt.files)
				}
				for _, s := range tt.has {
					if !strings.Contains(code.String(), s) {
						t.Errorf("POST %s %s: no %q in the solution", path, tt.body, s)
					}
				}
				for _, s := range append(tt.hasn, chapter.Part2Start, chapter.Part2End) {
					if strings.Contains(code.String(), s) {
						t.Errorf("POST %s %s: %q in the solution", path, tt.body, s)
					}
				}
			}
			prog, err := f.ws.Progress()
			if err != nil {
				t.Fatal(err)
			}
			if got := prog.Chapter(tt.chapter).SolutionShown; got != tt.shown {
				t.Errorf("POST %s %s with stars %v: SolutionShown = %v, want %v", path, tt.body, tt.stars, got, tt.shown)
			}
		})
	}
}
