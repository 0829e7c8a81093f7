package check

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/handout"
	"github.com/cqrsworkbook/workbook/internal/render"
)

// curriculum loads the repository's chapters.
func curriculum(t *testing.T) []*chapter.Chapter {
	t.Helper()
	chapters, err := chapter.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatalf("chapter.Load: %v", err)
	}
	return chapters
}

// TestCurriculumRenders: every day's page renders on each surface with all
// four sections, no inline style (the page's content security policy
// forbids them), and both its puzzle sections ended by a note for that
// day. The renderer's own tests run on the fixture workbook.
func TestCurriculumRenders(t *testing.T) {
	chapters := curriculum(t)
	for _, s := range []render.Surface{render.Browser, render.Print} {
		r := render.New(render.For(s))
		for _, ch := range chapters {
			t.Run(s.String()+"/"+ch.ID, func(t *testing.T) {
				p, err := r.Chapter(ch)
				if err != nil {
					t.Fatalf("Chapter(%s): %v", ch.ID, err)
				}
				for name, html := range map[string]string{"Intro": string(p.Intro), "Part1": string(p.Part1), "Part2": string(p.Part2), "Wild": string(p.Wild)} {
					if html == "" {
						t.Errorf("Chapter(%s).%s is empty", ch.ID, name)
					}
					if strings.Contains(html, "style=") {
						t.Errorf("Chapter(%s).%s has an inline style attribute", ch.ID, name)
					}
				}
				for part, section := range map[int]string{1: string(p.Part1), 2: string(p.Part2)} {
					puzzle := strings.Index(section, `<h3 id="your-puzzle`)
					if puzzle < 0 {
						t.Fatalf("Chapter(%s).Part%d has no %q section", ch.ID, part, chapter.PuzzleHeading)
					}
					if n := strings.Count(section, `<aside class="run-note">`); n != 1 {
						t.Errorf("Chapter(%s).Part%d for %s has %d notes, want 1", ch.ID, part, s, n)
					}
					start := strings.Index(section, `<aside class="run-note">`)
					if start < puzzle {
						t.Errorf("Chapter(%s).Part%d for %s: the note is not after the %q heading", ch.ID, part, s, chapter.PuzzleHeading)
					}
					want := []string{"<strong>Run full</strong>"}
					if s == render.Print {
						want = []string{fmt.Sprintf("<code>workbook test %d</code>", ch.Number), "<code>go test ./" + ch.ID + "/</code>"}
					}
					for _, w := range want {
						if !strings.Contains(section[max(start, 0):], w) {
							t.Errorf("Chapter(%s).Part%d note for %s: no %s", ch.ID, part, s, w)
						}
					}
				}
			})
		}
	}
}

// TestCurriculumHandouts builds both editions of every day's handout: the
// facilitator's has a box per day, and the learner's never shows a line of
// a reference solution that no learner-facing text of any day shows (the
// stubs, the prose with its code, the hints). The handouts' own tests run
// on the fixture workbook.
func TestCurriculumHandouts(t *testing.T) {
	chapters := curriculum(t)
	fsys := os.DirFS("../..")
	var seen []string
	r := render.New(render.For(render.Print))
	for _, ch := range chapters {
		p, err := r.Chapter(ch)
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, textOf(string(p.Intro+p.Part1+p.Part2+p.Wild)))
		seen = append(seen, ch.Hints.Part1...)
		seen = append(seen, ch.Hints.Part2...)
		for _, name := range ch.LearnerFiles {
			seen = append(seen, string(ch.Exercise[name]))
		}
	}
	learnerText := squash(strings.Join(seen, "\n"))
	for _, ed := range []handout.Edition{handout.Learner, handout.Facilitator} {
		out := t.TempDir()
		if err := handout.Build(handout.Options{Chapters: chapters, FS: fsys, Date: "1 June 2026", Edition: ed, Out: out}); err != nil {
			t.Fatalf("Build(%s): %v", ed, err)
		}
		data, err := os.ReadFile(filepath.Join(out, handout.PrintFile))
		if err != nil {
			t.Fatal(err)
		}
		print := textOf(string(data))
		if got, want := strings.Count(print, "For the facilitator"), map[handout.Edition]int{handout.Learner: 0, handout.Facilitator: len(chapters)}[ed]; got != want {
			t.Errorf("%s edition: %d \"For the facilitator\" boxes, want %d", ed, got, want)
		}
		for _, ch := range chapters {
			for _, name := range ch.LearnerFiles {
				best := ""
				for _, l := range strings.Split(string(ch.Solution[name]), "\n") {
					if l = squash(l); len(l) > len(best) && !strings.HasPrefix(l, "//") && !strings.Contains(learnerText, l) {
						best = l
					}
				}
				if len(best) < 12 {
					t.Errorf("%s: no line of solutions/%s/%s is distinctive", ch.ID, ch.ID, name)
					continue
				}
				if got := strings.Contains(print, best); got != (ed == handout.Facilitator) {
					t.Errorf("%s edition: shows %s's solution line %q = %v", ed, ch.ID, best, got)
				}
			}
		}
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

// textOf is the text a reader sees in a page: no tags, entities resolved,
// runs of white space made one space.
func textOf(page string) string {
	return squash(html.UnescapeString(tags.ReplaceAllString(page, "")))
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
