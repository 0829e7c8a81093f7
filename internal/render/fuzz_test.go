package render

import (
	"errors"
	"html"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// FuzzChapter: any prose renders without panicking, and the HTML holds no
// script, no event handler, no inline style and no javascript: link, whatever
// raw HTML the prose tries.
func FuzzChapter(f *testing.F) {
	for _, s := range []string{
		"# Day 1: Commands\n\nStory.\n\n## Part 1\n\n### Worked example\n\n```go file=examples/x.go#Greeting\n```\n\n## Part 2\n\nMore.\n\n## In the wild\n\nEnd.\n",
		"<script>alert(1)</script>\n",
		"Hello <b onclick=\"alert(1)\">bold</b> <img src=x onerror=alert(1)>\n",
		"<div style=\"color:red\">x</div>\n\n<style>p{}</style>\n",
		"[x](javascript:alert(1)) [y](JaVaScRiPt&#58;alert(1)) ![i](data:text/html,x)\n",
		"```go {style=\"color:red\" onclick=x hl_lines=[1]}\nfunc F() {}\n```\n",
		"```html\n<script>x</script>\n```\n\n`<b onclick=x>`\n",
		"## Part 1 {#x onclick=y}\n\n| a | b |\n|---|---|\n| <i onmouseover=x> | 2 |\n",
		"```go file=examples/x.go#Box.Get\n```\n\n```go file=../../go.mod\n```\n",
		"<!-- comment --><?php x ?><![CDATA[x]]>\n\n<a href=\"javascript:x\">a</a>\n",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, prose string) {
		ch, err := parsed(prose)
		if err != nil {
			var e *chapter.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *chapter.Error", err)
			}
			return
		}
		p, err := r.Chapter(ch)
		if err != nil {
			t.Fatalf("Chapter(%q): %v", prose, err)
		}
		for name, out := range map[string]string{"Intro": string(p.Intro), "Part1": string(p.Part1), "Part2": string(p.Part2),
			"Wild": string(p.Wild), "Title": string(p.Title), "IntroBody": string(p.IntroBody)} {
			if strings.Contains(strings.ToLower(out), "<script") {
				t.Fatalf("%s has a script: %s", name, out)
			}
			if !strings.Contains(strings.ToLower(prose), "style") && strings.Contains(out, "style=") {
				t.Fatalf("%s has style= though the prose has no \"style\": %s", name, out)
			}
			for _, tag := range scanTags(out) {
				switch strings.ToLower(tag.name) {
				case "script", "style", "iframe", "object", "embed":
					t.Fatalf("%s has a <%s> tag: %s", name, tag.name, out)
				}
				for _, a := range tag.attrs {
					n := strings.ToLower(a[0])
					if strings.HasPrefix(n, "on") || n == "style" || n == "srcdoc" {
						t.Fatalf("%s: <%s> has attribute %s=%q: %s", name, tag.name, a[0], a[1], out)
					}
					if n == "href" || n == "src" {
						v := strings.Map(func(r rune) rune {
							if r <= ' ' {
								return -1
							}
							return r
						}, strings.ToLower(html.UnescapeString(a[1])))
						if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
							t.Fatalf("%s: <%s %s=%q>: %s", name, tag.name, a[0], a[1], out)
						}
					}
				}
			}
		}
	})
}

type tag struct {
	name  string
	attrs [][2]string
}

// scanTags lists the tags of HTML as a browser would read them, well
// enough for goldmark's output: text there has < escaped, so every < opens
// a tag, a comment or a declaration.
func scanTags(s string) []tag {
	var out []tag
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return out
		}
		s = s[i+1:]
		if strings.HasPrefix(s, "!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				return out
			}
			s = s[end+3:]
			continue
		}
		s = strings.TrimPrefix(s, "/")
		n := 0
		for n < len(s) && !isSpaceOrEnd(s[n]) {
			n++
		}
		t := tag{name: s[:n]}
		s = s[n:]
		for {
			s = strings.TrimLeft(s, " \t\n\r\f/")
			if s == "" || s[0] == '>' {
				break
			}
			n := 0
			for n < len(s) && !isSpaceOrEnd(s[n]) && s[n] != '=' {
				n++
			}
			if n == 0 { // a lone '=' starts an attribute name
				n = 1
			}
			a := [2]string{s[:n], ""}
			s = strings.TrimLeft(s[n:], " \t\n\r\f")
			if strings.HasPrefix(s, "=") {
				s = strings.TrimLeft(s[1:], " \t\n\r\f")
				if s != "" && (s[0] == '"' || s[0] == '\'') {
					end := strings.IndexByte(s[1:], s[0])
					if end < 0 {
						end = len(s) - 1
					}
					a[1] = s[1 : 1+end]
					s = s[min(len(s), end+2):]
				} else {
					n := 0
					for n < len(s) && !isSpaceOrEnd(s[n]) {
						n++
					}
					a[1], s = s[:n], s[n:]
				}
			}
			t.attrs = append(t.attrs, a)
		}
		out = append(out, t)
	}
}

func isSpaceOrEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>'
}
