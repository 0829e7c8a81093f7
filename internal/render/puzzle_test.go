package render

import (
	"fmt"
	"strings"
	"testing"
)

// puzzleProse has a puzzle section in each part, one ended by a deeper
// heading that stays inside it, and "Your puzzle" headings where no note
// belongs: before Part 1, and in "In the wild".
const puzzleProse = "# Day 99\n\n### Your puzzle\n\nNot a part yet.\n\n## Part 1\n\n### Worked example\n\nExample one.\n\n" +
	"### Your puzzle\n\nPuzzle one.\n\n#### Deeper\n\nStill puzzle one.\n\n### After the puzzle\n\nNot the puzzle.\n\n" +
	"## Part 2\n\n### Your puzzle\n\nPuzzle two.\n\n## In the wild\n\n### Your puzzle\n\nWild.\n"

// The texts each surface's notes must hold, and must not, for day 99.
var surfaceWords = map[Surface]struct{ want, notWant []string }{
	Browser: {
		want:    []string{"<strong>Run example</strong>", "<strong>Run full</strong>", "your puzzle input"},
		notWant: []string{"workbook test", "go test ./", "--seed", "--suite"},
	},
	Print: {
		want:    []string{"<code>workbook test 99</code>", "<code>go test ./99-test/</code>", "<code>--seed yourname</code>"},
		notWant: []string{"Run example", "Run full", "Ctrl-Enter", "Engine"},
	},
}

func TestRunNotes(t *testing.T) {
	tests := []struct {
		surface Surface
		part    int
		want    []string // in that part's note, besides surfaceWords
	}{
		{Browser, 1, []string{"Ctrl-Enter", "⌘-Enter", "<strong>Engine</strong>", "interpreter", "<code>go test</code>"}},
		{Browser, 2, []string{"as in Part 1"}},
		{Print, 1, []string{"<code>--suite example</code>", "<code>--suite full</code>", "your workbook folder"}},
		{Print, 2, []string{"as in Part 1", "your workbook folder"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/part%d", tt.surface, tt.part), func(t *testing.T) {
			ch := testChapter(t, puzzleProse)
			p, err := New(For(tt.surface)).Chapter(ch)
			if err != nil {
				t.Fatalf("Chapter(%q): %v", puzzleProse, err)
			}
			all := string(p.Intro + p.Part1 + p.Part2 + p.Wild)
			if n := strings.Count(all, `<aside class="run-note">`); n != 2 {
				t.Fatalf("Chapter(%q) for %s has %d notes, want 2 (one per part's puzzle):\n%s", puzzleProse, tt.surface, n, all)
			}
			// The note ends the puzzle section: after its last block, before
			// the heading that ends it.
			section, after, end := string(p.Part1), "Still puzzle one.", `<h3 id="after-the-puzzle">`
			if tt.part == 2 {
				section, after, end = string(p.Part2), "Puzzle two.", ""
			}
			start := strings.Index(section, `<aside class="run-note">`)
			stop := strings.Index(section[max(start, 0):], "</aside>")
			if start < 0 || stop < 0 {
				t.Fatalf("Chapter(%q).Part%d for %s has no note:\n%s", puzzleProse, tt.part, tt.surface, section)
			}
			note := section[start : start+stop]
			if i := strings.Index(section, after); i < 0 || i > start {
				t.Errorf("Chapter(%q).Part%d for %s: the note comes before %q, want it after:\n%s", puzzleProse, tt.part, tt.surface, after, section)
			}
			if end != "" && strings.Index(section, end) < start {
				t.Errorf("Chapter(%q).Part%d for %s: the note comes after %s, want it before:\n%s", puzzleProse, tt.part, tt.surface, end, section)
			}
			if end == "" && strings.TrimSpace(section[start+stop:]) != "</aside>" {
				t.Errorf("Chapter(%q).Part%d for %s does not end with the note:\n%s", puzzleProse, tt.part, tt.surface, section)
			}
			words := surfaceWords[tt.surface]
			for _, w := range append(words.want, tt.want...) {
				if !strings.Contains(note, w) {
					t.Errorf("Chapter(%q).Part%d note for %s = %s\nwant it to contain %s", puzzleProse, tt.part, tt.surface, note, w)
				}
			}
			for _, w := range words.notWant {
				if strings.Contains(all, w) {
					t.Errorf("Chapter(%q) for %s contains %s:\n%s", puzzleProse, tt.surface, w, all)
				}
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	ch := testChapter(t, puzzleProse)
	ch.Number = 99
	got := Markdown(ch, Print)
	note1, note2 := wrap(RunNote(ch, 1, Print), proseWidth), wrap(RunNote(ch, 2, Print), proseWidth)
	want := strings.Replace(puzzleProse, "Still puzzle one.\n\n", "Still puzzle one.\n\n"+note1+"\n\n", 1)
	want = strings.Replace(want, "Puzzle two.\n\n", "Puzzle two.\n\n"+note2+"\n\n", 1)
	if got != want {
		t.Errorf("Markdown(%q, Print) =\n%s\nwant\n%s", puzzleProse, got, want)
	}
	// Blank lines before a note are one; a puzzle at the end of the prose
	// ends with its note.
	ch = testChapter(t, "## Part 2\n\n### Your puzzle\n\nLast.\n\n\n\n")
	if got, want := Markdown(ch, Browser), "## Part 2\n\n### Your puzzle\n\nLast.\n\n"+wrap(RunNote(ch, 2, Browser), proseWidth)+"\n"; got != want {
		t.Errorf("Markdown(%q, Browser) = %q, want %q", ch.Prose, got, want)
	}
	for _, line := range strings.Split(note1, "\n") {
		if len([]rune(line)) > proseWidth {
			t.Errorf("Markdown(%q, Print): note line %q is longer than %d", puzzleProse, line, proseWidth)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"one two three", 7, "one two\nthree"},
		{"run `workbook test 1` now", 10, "run\n`workbook test 1`\nnow"},
		{"a `b c` d", 5, "a\n`b c`\nd"},
		{"short", 100, "short"},
		{"Ctrl-Enter, or ⌘-Enter", 14, "Ctrl-Enter, or\n⌘-Enter"},
	}
	for _, tt := range tests {
		if got := wrap(tt.in, tt.width); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}
