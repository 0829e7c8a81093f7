package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

func TestStaticRunInstructions(t *testing.T) {
	const head = "# Day 1\n\nRun `workbook test 1` whenever you like.\n\n## Part 1\n\n### Worked example\n\nRun full is a button.\n\n### Your puzzle\n\nMultiply them.\n\n"
	tests := []struct {
		name  string
		prose string
		want  []string // "line: words" of each problem, in order
	}{
		{"puzzle only", head + "## Part 2\n\n### Your puzzle\n\nAdd them.\n\n## In the wild\n\nRun `go test ./01-x/` at work.\n", nil},
		{"workbook command", head + "Run `workbook test 1` for it.\n\n## Part 2\n", []string{`17: Part 1's "### Your puzzle" says how to run the tests ("workbook test")`}},
		{"go command and seed", head + "## Part 2\n\n### Your puzzle\n\nAdd them.\n\nOr `go test ./01-x/`, with\n`--seed yourname`.\n", []string{`23: Part 2's`, `("go test")`, `24: Part 2's`, `("--seed")`}},
		{"a button", head + "Press **Run example**.\n\n## Part 2\n", []string{`17: Part 1's`, `("Run example")`}},
		{"deeper headings stay in the section", head + "#### Then\n\nRun full again.\n\n### Next\n\nRun full is fine here.\n", []string{`19: Part 1's`, `("Run full")`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The prose starts on line 3 of chapter.md.
			ch := &chapter.Chapter{Dir: "chapters/01-x", Prose: tt.prose, ProseLine: 3}
			if err := ch.ParseProse(fstest.MapFS{}); err != nil {
				t.Fatal(err)
			}
			errs := runInstructions(ch)
			var got []string
			for _, err := range errs {
				got = append(got, strings.TrimPrefix(err.Error(), "chapters/01-x/chapter.md:"))
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("runInstructions(%q) = %q, want a problem with %q", tt.prose, got, w)
				}
			}
			if tt.want == nil && len(errs) > 0 {
				t.Errorf("runInstructions(%q) = %q, want none", tt.prose, got)
			}
			if n := strings.Count(strings.Join(tt.want, " "), "Part "); len(errs) != n {
				t.Errorf("runInstructions(%q) = %q, want %d problems", tt.prose, got, n)
			}
		})
	}
}

// TestStaticCurriculumRunInstructions: no day's puzzle says how to run it,
// so the notes the workbook adds are the only ones (TestCurriculum checks
// the same through Static, with the engines).
func TestStaticCurriculumRunInstructions(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	chapters, err := chapter.Load(os.DirFS(root))
	if err != nil {
		t.Fatalf("chapter.Load: %v", err)
	}
	for _, ch := range chapters {
		for _, err := range runInstructions(ch) {
			t.Error(err)
		}
	}
}
