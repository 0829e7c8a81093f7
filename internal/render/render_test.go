package render

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// page joins a page's sections and table of contents, as the golden files
// hold them.
func page(p *Page) string {
	var b strings.Builder
	for _, s := range []struct {
		name string
		html string
	}{{"intro", string(p.Intro)}, {"part1", string(p.Part1)}, {"part2", string(p.Part2)}, {"wild", string(p.Wild)}} {
		fmt.Fprintf(&b, "<!-- ==== %s ==== -->\n%s", s.name, s.html)
	}
	b.WriteString("<!-- ==== toc ====\n")
	for _, h := range p.TOC {
		fmt.Fprintf(&b, "%s %s #%s part %d\n", strings.Repeat("#", h.Level), h.Text, h.ID, h.Part)
	}
	b.WriteString("-->\n")
	return b.String()
}

// TestGolden renders the fixture workbook's days (internal/fixture); the
// curriculum's pages are checked by internal/check.
func TestGolden(t *testing.T) {
	chapters, err := chapter.Load(fixture.FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(chapters) == 0 {
		t.Fatal("chapter.Load found no chapters")
	}
	r := New()
	for _, ch := range chapters {
		t.Run(ch.ID, func(t *testing.T) {
			p, err := r.Chapter(ch)
			if err != nil {
				t.Fatalf("Chapter(%s): %v", ch.ID, err)
			}
			for name, s := range map[string]string{"Intro": string(p.Intro), "Part1": string(p.Part1), "Part2": string(p.Part2), "Wild": string(p.Wild)} {
				if s == "" {
					t.Errorf("Chapter(%s).%s is empty", ch.ID, name)
				}
			}
			got := page(p)
			if strings.Contains(got, "style=") {
				t.Errorf("Chapter(%s) has an inline style attribute; the page CSP forbids them", ch.ID)
			}
			golden := filepath.Join("testdata", ch.ID+".golden.html")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("Chapter(%s) differs from %s (run go test ./internal/render -update and review the diff):\n%s", ch.ID, golden, firstDiff(got, string(want)))
			}
		})
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

// testFS is a workbook with one chapter's example code.
var testFS = fstest.MapFS{
	"chapters/99-test/examples/x.go": {Data: []byte(`package examples

// Greeting says hello.
func Greeting() string { return "<hello>" }

// Box holds a value.
type Box struct{ V int }

// Get returns the value.
func (b Box) Get() int { return b.V }
`)},
}

// parsed is a chapter of testFS whose prose starts on line 10 of
// chapter.md, parsed as chapter.Load parses it.
func parsed(prose string) (*chapter.Chapter, error) {
	ch := &chapter.Chapter{Meta: chapter.Meta{ID: "99-test"}, Number: 99, Dir: "chapters/99-test", Prose: prose, ProseLine: 10}
	return ch, ch.ParseProse(testFS)
}

// testChapter is parsed, for prose that parses.
func testChapter(t *testing.T, prose string) *chapter.Chapter {
	t.Helper()
	ch, err := parsed(prose)
	if err != nil {
		t.Fatalf("ParseProse(%q): %v", prose, err)
	}
	return ch
}

func render(t *testing.T, prose string) *Page {
	t.Helper()
	p, err := New().Chapter(testChapter(t, prose))
	if err != nil {
		t.Fatalf("Chapter(%q): %v", prose, err)
	}
	return p
}

func TestCodeRefs(t *testing.T) {
	tests := []struct {
		name    string
		prose   string
		want    []string // substrings of the intro
		notWant []string
	}{
		{
			name:  "whole file",
			prose: "```go file=examples/x.go\n```\n",
			want: []string{
				`<figure class="code-ref"><figcaption><code class="file">chapters/99-test/examples/x.go</code></figcaption>`,
				`<pre tabindex="0" class="chroma">`, `<span class="kn">package</span>`, `Greeting`, `Box`, `&lt;hello&gt;`, `</figure>`,
			},
			notWant: []string{`class="decl"`},
		},
		{
			name:    "one function",
			prose:   "```go file=examples/x.go#Greeting\n```\n",
			want:    []string{`chapters/99-test/examples/x.go</code> <span class="decl">Greeting</span></figcaption>`, `<span class="c1">// Greeting says hello.</span>`, `<span class="nf">Greeting</span>`},
			notWant: []string{`package`, `Box`},
		},
		{
			name:    "method",
			prose:   "```go file=examples/x.go#Box.Get\n```\n",
			want:    []string{`<span class="decl">Box.Get</span>`, `<span class="nf">Get</span>`},
			notWant: []string{`Greeting`, `package`},
		},
		{
			name:    "quoted path and the block's own body ignored",
			prose:   "```go file=\"examples/x.go#Box\"\nIGNORED\n```\n",
			want:    []string{`<span class="decl">Box</span>`, `<span class="nx">Box</span>`},
			notWant: []string{`IGNORED`, `Greeting`},
		},
		{
			name:    "plain fenced block",
			prose:   "```go\nx := 1\n```\n",
			want:    []string{`<pre tabindex="0" class="chroma"><code>`, `<span class="nx">x</span>`},
			notWant: []string{`<figure`},
		},
		{
			name:    "plain text block",
			prose:   "```text\ndeposit acc-7 250\n```\n",
			want:    []string{`<pre tabindex="0" class="chroma"><code>`, `deposit acc-7 250`},
			notWant: []string{`<figure`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(render(t, tt.prose).Intro)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Chapter(%q).Intro = %s\nwant it to contain %s", tt.prose, got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Chapter(%q).Intro = %s\nwant no %s", tt.prose, got, w)
				}
			}
			if strings.Contains(got, "style=") {
				t.Errorf("Chapter(%q).Intro = %s\nwant no inline style", tt.prose, got)
			}
		})
	}
}

func TestNotParsed(t *testing.T) {
	ch := &chapter.Chapter{Meta: chapter.Meta{ID: "99-test"}, Prose: "# Day 99\n"}
	if _, err := New().Chapter(ch); !errors.Is(err, ErrNotParsed) {
		t.Errorf("Chapter(unparsed) = %v, want ErrNotParsed", err)
	}
}

func TestHeadings(t *testing.T) {
	prose := "# Day 99\n\n## The idea\n\n### The `Execute` method\n\n#### Too deep\n\n## Part 1\n\n### Worked example\n\n" +
		"## Part 2\n\n### Worked example\n\n## In the wild\n\n### Tom & \"Jerry\" \\<3 &copy;\n"
	p := render(t, prose)
	want := []Heading{
		{2, "The idea", "the-idea", 0},
		{3, "The Execute method", "the-execute-method", 0},
		{2, "Part 1", "part-1", 1},
		{3, "Worked example", "worked-example", 1},
		{2, "Part 2", "part-2", 2},
		{3, "Worked example", "worked-example-1", 2},
		{2, "In the wild", "in-the-wild", 0},
		{3, `Tom & "Jerry" <3 ©`, "tom--jerry-3-copy", 0},
	}
	if len(p.TOC) != len(want) {
		t.Fatalf("Chapter(%q).TOC = %+v, want %+v", prose, p.TOC, want)
	}
	for i := range want {
		if p.TOC[i] != want[i] {
			t.Errorf("Chapter(%q).TOC[%d] = %+v, want %+v", prose, i, p.TOC[i], want[i])
		}
	}
	all := string(p.Intro + p.Part1 + p.Part2 + p.Wild)
	for _, w := range []string{
		`<h1 id="day-99">Day 99</h1>`,
		`<h2 id="the-idea">The idea <a class="anchor" href="#the-idea" aria-label="Link to this section: The idea">¶</a></h2>`,
		`<h3 id="the-execute-method">The <code>Execute</code> method <a class="anchor" href="#the-execute-method" aria-label="Link to this section: The Execute method">¶</a></h3>`,
		`<h4 id="too-deep">Too deep</h4>`,
		`<h3 id="worked-example-1">Worked example <a class="anchor" href="#worked-example-1"`,
		`<h3 id="tom--jerry-3-copy">Tom &amp; &quot;Jerry&quot; &lt;3 © <a class="anchor" href="#tom--jerry-3-copy" aria-label="Link to this section: Tom &amp; &quot;Jerry&quot; &lt;3 ©">¶</a></h3>`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("Chapter(%q) = %s\nwant it to contain %s", prose, all, w)
		}
	}
	if n := strings.Count(all, `class="anchor"`); n != len(want) {
		t.Errorf("Chapter(%q) has %d anchors, want %d (one per ## and ### heading)", prose, n, len(want))
	}
}

func TestSections(t *testing.T) {
	tests := []struct {
		name                      string
		prose                     string
		intro, part1, part2, wild string // each section's first line, or "" for an empty section
	}{
		{
			name:  "all four",
			prose: "Story.\n\n## The idea\n\nIdea.\n\n## Part 1\n\nOne.\n\n### Worked example\n\n## Part 2\n\nTwo.\n\n## In the wild\n\nWild.\n",
			intro: "<p>Story.</p>",
			part1: `<h2 id="part-1">Part 1 <a class="anchor" href="#part-1" aria-label="Link to this section: Part 1">¶</a></h2>`,
			part2: `<h2 id="part-2">Part 2 <a class="anchor" href="#part-2" aria-label="Link to this section: Part 2">¶</a></h2>`,
			wild:  `<h2 id="in-the-wild">In the wild <a class="anchor" href="#in-the-wild" aria-label="Link to this section: In the wild">¶</a></h2>`,
		},
		{
			name:  "no parts",
			prose: "Story.\n\n## The idea\n",
			intro: "<p>Story.</p>",
		},
		{
			name:  "only h2 headings split, and only by their exact text",
			prose: "Story.\n\n### Part 1\n\n## Part 1: more\n\n## Part 2\n\n> ## In the wild\n",
			intro: "<p>Story.</p>",
			part2: `<h2 id="part-2">Part 2 <a class="anchor" href="#part-2" aria-label="Link to this section: Part 2">¶</a></h2>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := render(t, tt.prose)
			for _, s := range []struct {
				name      string
				got, want string
			}{{"Intro", string(p.Intro), tt.intro}, {"Part1", string(p.Part1), tt.part1}, {"Part2", string(p.Part2), tt.part2}, {"Wild", string(p.Wild), tt.wild}} {
				first, _, _ := strings.Cut(s.got, "\n")
				if first != s.want {
					t.Errorf("Chapter(%q).%s starts %q, want %q\n(whole section: %s)", tt.prose, s.name, first, s.want, s.got)
				}
			}
		})
	}
	// Each block is in exactly one section.
	p := render(t, tests[0].prose)
	all := string(p.Intro + p.Part1 + p.Part2 + p.Wild)
	for _, w := range []string{"Story.", "Idea.", "One.", "Two.", "Wild.", `id="worked-example"`} {
		if n := strings.Count(all, w); n != 1 {
			t.Errorf("Chapter(%q) shows %s %d times, want once", tests[0].prose, w, n)
		}
	}
	if !strings.Contains(string(p.Part1), "One.") || !strings.Contains(string(p.Part1), `id="worked-example"`) || !strings.Contains(string(p.Part2), "Two.") || !strings.Contains(string(p.Wild), "Wild.") {
		t.Errorf("Chapter(%q) = %+v, want each part's text in its part", tests[0].prose, p)
	}
}

func TestNoRawHTML(t *testing.T) {
	tests := []struct {
		name  string
		prose string
		bad   []string
		want  []string
	}{
		{"html block", "<script>alert(1)</script>\n", []string{"<script", "alert(1)"}, nil},
		{"inline html", "Hello <b onclick=\"alert(1)\">bold</b> world\n", []string{"<b", "onclick"}, []string{"Hello", "world"}},
		{"iframe", "<iframe src=\"https://example.com\"></iframe>\n", []string{"<iframe"}, nil},
		{"javascript link", "[x](javascript:alert(1))\n", []string{"javascript:"}, nil},
		{"text is escaped", "a < b && `<script>`\n", []string{"<script", "< b"}, []string{"a &lt; b &amp;&amp; <code>&lt;script&gt;</code>"}},
		{"links stay as written", "[ch 2](../02-events/) and https://example.com/x\n", nil, []string{`<a href="../02-events/">ch 2</a>`, `<a href="https://example.com/x">https://example.com/x</a>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(render(t, tt.prose).Intro)
			for _, b := range tt.bad {
				if strings.Contains(got, b) {
					t.Errorf("Chapter(%q).Intro = %s, want no %s", tt.prose, got, b)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Chapter(%q).Intro = %s, want it to contain %s", tt.prose, got, w)
				}
			}
		})
	}
}

func TestGFM(t *testing.T) {
	prose := "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n- [ ] todo\n\nSee www.example.com.\n"
	got := string(render(t, prose).Intro)
	for _, w := range []string{"<table>", "<td>1</td>", "<del>gone</del>", `<input checked="" disabled="" type="checkbox"`, `<a href="http://www.example.com">www.example.com</a>`} {
		if !strings.Contains(got, w) {
			t.Errorf("Chapter(%q).Intro = %s, want it to contain %s", prose, got, w)
		}
	}
}

func TestCode(t *testing.T) {
	r := New()
	tests := []struct {
		lang, src string
		want      []string
	}{
		{"go", "func F() {}\n", []string{`<pre tabindex="0" class="chroma"><code>`, `<span class="kd">func</span>`, `<span class="nf">F</span>`}},
		{"no-such-language", "<b>&</b>\n", []string{`<pre tabindex="0" class="chroma"><code>`, `&lt;b&gt;&amp;&lt;/b&gt;`}},
		{"", "plain\n", []string{`<pre tabindex="0" class="chroma"><code>`, "plain"}},
	}
	for _, tt := range tests {
		got := string(r.Code(tt.lang, tt.src))
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Code(%q, %q) = %s, want it to contain %s", tt.lang, tt.src, got, w)
			}
		}
		if strings.Contains(got, "style=") {
			t.Errorf("Code(%q, %q) = %s, want no inline style", tt.lang, tt.src, got)
		}
	}
}

func TestCSS(t *testing.T) {
	css := CSS()
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {")
	if !ok {
		t.Fatalf("CSS() = %s, want a dark-mode @media block", css)
	}
	for _, w := range []string{".chroma {", ".chroma .kd {", ".chroma .c1 {"} {
		if !strings.Contains(light, w) || !strings.Contains(dark, w) {
			t.Errorf("CSS() lacks %s in its light or dark part:\n%s", w, css)
		}
	}
	// Every class coloured in light mode is coloured or reset in dark mode.
	class := regexp.MustCompile(`\.chroma \.(\w+)\b`)
	inDark := map[string]bool{}
	for _, m := range class.FindAllStringSubmatch(dark, -1) {
		inDark[m[1]] = true
	}
	for _, m := range class.FindAllStringSubmatch(light, -1) {
		if !inDark[m[1]] {
			t.Errorf("CSS() styles .chroma .%s in light mode but not in dark mode", m[1])
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(css), "}") || strings.Count(css, "{") != strings.Count(css, "}") {
		t.Errorf("CSS() has unbalanced braces:\n%s", css)
	}
}

func TestConcurrent(t *testing.T) {
	r := New()
	prose := "## The idea\n\n```go file=examples/x.go#Greeting\n```\n\n## Part 1\n\n### Worked example\n"
	want := page(render(t, prose))
	ch := testChapter(t, prose) // one parse, rendered at once by all
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := r.Chapter(ch)
			if err != nil {
				t.Error(err)
				return
			}
			if got := page(p); got != want {
				t.Errorf("concurrent Chapter(%q) = %s, want %s", prose, got, want)
			}
		}()
	}
	wg.Wait()
}
