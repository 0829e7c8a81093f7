package handout

import (
	"errors"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/fixture"
	"github.com/cqrsworkbook/workbook/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testDate is the cover's date in every test, so the output is stable.
const testDate = "1 June 2026"

// The handouts' tests run on the fixture workbook (internal/fixture): two
// short days, the second carrying the first. The curriculum's handouts are
// checked by internal/check.
var (
	fixtureFS    = fixture.FS()
	loadChapters = sync.OnceValues(func() ([]*chapter.Chapter, error) {
		return chapter.Load(fixtureFS)
	})
)

func chapters(t testing.TB) []*chapter.Chapter {
	t.Helper()
	chs, err := loadChapters()
	if err != nil {
		t.Fatalf("chapter.Load(..): %v", err)
	}
	return chs
}

// build writes an edition of every chapter into a temporary folder.
func build(t *testing.T, ed Edition) string {
	t.Helper()
	out := t.TempDir()
	if err := Build(Options{Chapters: chapters(t), FS: fixtureFS, Date: testDate, Edition: ed, Out: out}); err != nil {
		t.Fatalf("Build(%s): %v", ed, err)
	}
	return out
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var tags = regexp.MustCompile(`<[^>]*>`)

// textOf is the text a reader sees in a page: no tags, entities resolved,
// whitespace runs made single spaces (highlighting splits a line of code
// into many spans).
func textOf(page string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(page, ""))), " ")
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestGolden(t *testing.T) {
	for _, ed := range []Edition{Learner, Facilitator} {
		out := build(t, ed)
		for _, name := range []string{IndexFile, PrintFile} {
			t.Run(string(ed)+"/"+name, func(t *testing.T) {
				got := read(t, out, name)
				golden := filepath.Join("testdata", string(ed)+"-"+strings.TrimSuffix(name, ".html")+".golden.html")
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/handout -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("Build(%s) %s differs from %s (run go test ./internal/handout -update and review the diff):\n%s", ed, name, golden, firstDiff(got, string(want)))
				}
			})
		}
	}
}

// firstDiff shows the first line on which got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}

// learnerText is all the learner-facing text of every chapter: the stubs,
// the rendered prose with the code it shows, and the hints.
var learnerText = sync.OnceValues(func() (string, error) {
	chs, err := loadChapters()
	if err != nil {
		return "", err
	}
	r := render.New(render.For(render.Print))
	var seen []string
	for _, ch := range chs {
		page, err := r.Chapter(ch)
		if err != nil {
			return "", err
		}
		seen = append(seen, textOf(string(page.Intro+page.Part1+page.Part2+page.Wild)))
		seen = append(seen, ch.Hints.Part1...)
		seen = append(seen, ch.Hints.Part2...)
		for _, name := range ch.LearnerFiles {
			seen = append(seen, string(ch.Exercise[name]))
		}
	}
	return squash(strings.Join(seen, "\n")), nil
})

// distinctive returns, for each learner file of ch, the longest line of its
// reference solution that no learner-facing text of any chapter contains: a
// handout that shows one shows a solution.
func distinctive(t *testing.T, ch *chapter.Chapter) []string {
	t.Helper()
	learner, err := learnerText()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, name := range ch.LearnerFiles {
		best := ""
		for _, l := range strings.Split(string(ch.Solution[name]), "\n") {
			l = squash(l)
			if len(l) > len(best) && !strings.HasPrefix(l, "//") && !strings.Contains(learner, l) {
				best = l
			}
		}
		if len(best) < 12 {
			t.Fatalf("chapter %s: no line of solutions/%s/%s is distinctive", ch.ID, ch.ID, name)
		}
		out = append(out, best)
	}
	t.Logf("chapter %s: distinctive lines of the reference solution: %q", ch.ID, out)
	return out
}

func TestEditions(t *testing.T) {
	chs := chapters(t)
	for _, tt := range []struct {
		ed          Edition
		facilitator bool
	}{{Learner, false}, {Facilitator, true}} {
		t.Run(string(tt.ed), func(t *testing.T) {
			out := build(t, tt.ed)
			print := textOf(read(t, out, PrintFile))
			if got, want := strings.Count(print, "For the facilitator"), map[bool]int{false: 0, true: len(chs)}[tt.facilitator]; got != want {
				t.Errorf("print.html of the %s edition has %d \"For the facilitator\" boxes, want %d", tt.ed, got, want)
			}
			for _, ch := range chs {
				page := textOf(read(t, out, ch.ID+".html"))
				for _, want := range []string{
					fmt.Sprintf("Day %d: %s", ch.Number, ch.Title),
					"Learning goals", ch.Goals[0],
					"Worked example", "Part 1", "Part 2", "In the wild",
					ch.ID + "/" + ch.LearnerFiles[0],
					fmt.Sprintf("TODO(ch%02d)", ch.Number), "Notes", "Hints — read only when stuck",
					firstWords(textOf(mustMarkdown(t, ch.Hints.Part2[len(ch.Hints.Part2)-1])), 6),
				} {
					if !strings.Contains(page, want) {
						t.Errorf("%s edition, %s.html: no %q", tt.ed, ch.ID, want)
					}
				}
				// The hints are end notes: after the prose and the stubs.
				if h, s := strings.Index(page, "Hints — read only when stuck"), strings.Index(page, ch.ID+"/"+ch.LearnerFiles[0]); h < s {
					t.Errorf("%s edition, %s.html: the hints come before the stubs", tt.ed, ch.ID)
				}
				checks := []string{"For the facilitator", "Reference solutions", "Suggested time", "solutions/" + ch.ID + "/"}
				checks = append(checks, distinctive(t, ch)...)
				if ch.Facilitator.Minutes > 0 {
					checks = append(checks, fmt.Sprintf("%d minutes", ch.Facilitator.Minutes))
				}
				for _, m := range ch.Facilitator.Mistakes {
					checks = append(checks, textOf(string(mustMarkdown(t, m))))
				}
				if q := ch.Facilitator.Discussion; q != "" {
					checks = append(checks, "For discussion", textOf(mustMarkdown(t, q)))
				}
				for _, a := range WorkedAnswers(ch.Outline) {
					checks = append(checks, fmt.Sprintf("Part %d: %s", a.Part, a.Value))
				}
				for _, c := range checks {
					for _, doc := range []struct{ name, text string }{{ch.ID + ".html", page}, {PrintFile, print}} {
						if got := strings.Contains(doc.text, c); got != tt.facilitator {
							t.Errorf("%s edition, %s: contains %q = %v, want %v", tt.ed, doc.name, c, got, tt.facilitator)
						}
					}
				}
			}
		})
	}
}

// firstWords is the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

func mustMarkdown(t *testing.T, s string) string {
	t.Helper()
	return string(render.New().Note(chapter.ParseMarkdown(s)))
}

var (
	links = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*"([^"]*)"`)
	ids   = regexp.MustCompile(`\bid="([^"]*)"`)
	// sourceLists are the facilitator's lists of sources.
	sourceLists = regexp.MustCompile(`(?s)<ul class="sources">.*?</ul>`)
)

// TestSelfContained checks that the site needs no network and no script,
// and that every link leads somewhere inside it.
func TestSelfContained(t *testing.T) {
	for _, ed := range []Edition{Learner, Facilitator} {
		out := build(t, ed)
		entries, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		var pages []string
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".html") {
				pages = append(pages, e.Name())
			}
		}
		want := []string{IndexFile, PrintFile}
		for _, ch := range chapters(t) {
			want = append(want, ch.ID+".html")
		}
		slices.Sort(want)
		if !slices.Equal(pages, want) {
			t.Errorf("%s edition: pages %q, want %q", ed, pages, want)
		}
		for _, name := range pages {
			page := read(t, out, name)
			low := strings.ToLower(page)
			for _, bad := range []string{"<script", "javascript:", " onclick=", " onload=", "@import", "url("} {
				if strings.Contains(low, bad) {
					t.Errorf("%s edition, %s: contains %q", ed, name, bad)
				}
			}
			// The facilitator's sources are links to the documents the
			// chapter was checked against: the only links that leave the
			// handout, to pages a reader opens, never a resource it loads.
			external := map[string]bool{}
			for _, list := range sourceLists.FindAllString(page, -1) {
				for _, m := range links.FindAllStringSubmatch(list, -1) {
					if strings.HasPrefix(m[1], "https://") {
						external[html.UnescapeString(m[1])] = true
					}
				}
			}
			anchors := map[string]bool{}
			for _, m := range ids.FindAllStringSubmatch(page, -1) {
				anchors[m[1]] = true
			}
			for _, m := range links.FindAllStringSubmatch(page, -1) {
				link := html.UnescapeString(m[1])
				file, frag, _ := strings.Cut(link, "#")
				switch {
				case external[link]:
				case strings.Contains(link, ":") || strings.HasPrefix(link, "/") || strings.HasPrefix(link, "..") || strings.HasPrefix(link, "//"):
					t.Errorf("%s edition, %s: link %q is not relative to the handout", ed, name, link)
				case file == "":
					if !anchors[frag] {
						t.Errorf("%s edition, %s: link %q to no id on the page", ed, name, link)
					}
				default:
					if _, err := os.Stat(filepath.Join(out, file)); err != nil {
						t.Errorf("%s edition, %s: link %q: %v", ed, name, link, err)
					}
				}
			}
		}
		for _, css := range []string{cssFile, letterCSS, codeCSS} {
			if low := strings.ToLower(read(t, out, css)); strings.Contains(low, "url(") || strings.Contains(low, "@import") {
				t.Errorf("%s edition, %s loads something: it must not", ed, css)
			}
		}
	}
}

func TestPrintCSS(t *testing.T) {
	out := build(t, Learner)
	css := read(t, out, cssFile)
	for _, want := range []string{
		"size: A4;", "margin: 18mm 16mm;", "@bottom-center", `content: counter(page) " / " counter(pages);`,
		"break-before: page;", "pre, figure, table { break-inside: avoid; }",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("handout.css has no %q", want)
		}
	}
	if !strings.Contains(read(t, out, letterCSS), "size: Letter;") {
		t.Errorf("letter.css does not set Letter paper")
	}
	if strings.Contains(read(t, out, IndexFile), "letter.css") {
		t.Errorf("an A4 handout links letter.css")
	}
	letter := t.TempDir()
	if err := Build(Options{Chapters: chapters(t)[:1], FS: fixtureFS, Date: testDate, Edition: Learner, Paper: Letter, Out: letter}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{IndexFile, PrintFile, chapters(t)[0].ID + ".html"} {
		page := read(t, letter, name)
		if i, j := strings.Index(page, `href="handout.css"`), strings.Index(page, `href="letter.css"`); j < 0 || j < i {
			t.Errorf("Letter handout, %s: letter.css not linked after handout.css", name)
		}
	}
}

func TestCover(t *testing.T) {
	out := t.TempDir()
	chs := chapters(t)
	err := Build(Options{Chapters: chs[1:2], FS: fixtureFS, Title: "CQRS in a day <Oslo>", Date: testDate, Edition: Facilitator, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	index := read(t, out, IndexFile)
	for _, want := range []string{"CQRS in a day &lt;Oslo&gt;", testDate, "Facilitator&#39;s edition", `href="02-double.html"`, `href="print.html"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html has no %q", want)
		}
	}
	if strings.Contains(index, "01-tally") {
		t.Errorf("index.html lists a chapter that was not selected")
	}
	if _, err := os.Stat(filepath.Join(out, "01-tally.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a page for a chapter that was not selected: %v", err)
	}
	if print := read(t, out, PrintFile); !strings.Contains(print, `href="#day-2"`) || !strings.Contains(print, `id="day-2"`) {
		t.Errorf("print.html's contents do not link to the chapter within the page")
	}
}

func TestBuildOptions(t *testing.T) {
	chs := chapters(t)
	tests := []struct {
		name string
		opts Options
	}{
		{"no edition", Options{Chapters: chs, FS: fixtureFS, Out: t.TempDir()}},
		{"unknown edition", Options{Chapters: chs, FS: fixtureFS, Edition: "teacher", Out: t.TempDir()}},
		{"unknown paper", Options{Chapters: chs, FS: fixtureFS, Edition: Learner, Paper: "A3", Out: t.TempDir()}},
		{"no chapters", Options{FS: fixtureFS, Edition: Learner, Out: t.TempDir()}},
		{"no out", Options{Chapters: chs, FS: fixtureFS, Edition: Learner}},
	}
	for _, tt := range tests {
		if err := Build(tt.opts); !errors.Is(err, ErrOptions) {
			t.Errorf("Build(%s) = %v, want ErrOptions", tt.name, err)
		}
	}
}

func TestWorkedAnswers(t *testing.T) {
	tests := []struct {
		name  string
		prose string
		want  string
	}{
		{"01-tally", "", "1:7 2:2"},
		{"02-double", "", "1:14 2:4"},
		{"steps on the way", "## Part 1\n\n### Worked example\n\nFirst **380**, then **1,200**: in all **3160**.\n\n## Part 2\n\n### Worked example\n\n**7**\n", "1:3160(380,1,200) 2:7"},
		{"bold words are not figures", "## Part 1\n\n### Worked example\n\nThe **net** is 3, times **two** is **6**.\n", "1:6"},
		{"bold outside the worked example", "**1**\n\n## Part 1\n\n**2**\n\n### Worked example\n\n**3**\n\n### Your puzzle\n\n**4**\n\n## Part 2\n\n### Worked example\n\n**5**\n\n## In the wild\n\n### Worked example\n\n**6**\n", "1:3 2:5"},
		{"no worked example", "## Part 1\n\nNothing **42** here.\n", ""},
	}
	for _, tt := range tests {
		o := chapter.OutlineOf(tt.prose)
		if tt.prose == "" {
			o = chapter.Find(chapters(t), tt.name).Outline
		}
		var got []string
		for _, a := range WorkedAnswers(o) {
			s := fmt.Sprintf("%d:%s", a.Part, a.Value)
			if len(a.Steps) > 0 {
				s += "(" + strings.Join(a.Steps, ",") + ")"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("WorkedAnswers(%s) = %q, want %q", tt.name, g, tt.want)
		}
	}
}
