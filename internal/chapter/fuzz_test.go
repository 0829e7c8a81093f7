package chapter

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// FuzzParseFrontMatter: any chapter.md either parses, with a line for every
// key it reports, or fails with an *Error at a line of the file.
func FuzzParseFrontMatter(f *testing.F) {
	f.Add([]byte(goodMeta))
	f.Add([]byte(strings.ReplaceAll(goodMeta, "\n", "\r\n")))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: [\n---\nprose\n"))
	f.Add([]byte("---\nid: x\nunknown: 1\n---\n"))
	f.Add([]byte("---\nfacilitator:\n  minutes: lots\n---\n"))
	f.Add([]byte("---\na: &a {id: x}\n<<: *a\n---\n"))
	f.Add([]byte("no front matter"))
	f.Add([]byte("---\nid: 01-x\n"))
	const file = "chapters/01-commands/chapter.md"
	f.Fuzz(func(t *testing.T, src []byte) {
		meta, lines, prose, proseLine, err := parseFrontMatter(file, src)
		s := strings.ReplaceAll(string(src), "\r\n", "\n")
		nlines := strings.Count(s, "\n") + 1
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not a *chapter.Error", err, err)
			}
			if e.File != file || e.Line < 1 || e.Line > nlines {
				t.Fatalf("error %q: file %q, line %d; want %q and a line in 1..%d", err, e.File, e.Line, file, nlines)
			}
			return
		}
		_ = meta
		if !strings.HasSuffix(s, prose) {
			t.Fatalf("prose %q is not the end of the file", prose)
		}
		if want := strings.Count(s[:len(s)-len(prose)], "\n") + 1; proseLine != want {
			t.Fatalf("proseLine = %d, want %d", proseLine, want)
		}
		for _, k := range []string{"id", "title", "goals", "learner_files", "hints", "carries"} {
			if _, ok := lines[k]; !ok {
				t.Errorf("lines has no %q: %v", k, lines)
			}
		}
		for k, l := range lines {
			if l < 1 || l >= proseLine {
				t.Errorf("lines[%q] = %d, want a line of the front matter (1..%d)", k, l, proseLine-1)
			}
		}
	})
}

// FuzzLoad: whatever chapter.md holds, Load does not panic, and every
// problem it reports is an *Error.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(goodMeta))
	f.Add([]byte(strings.Replace(goodMeta, "#Deposit", "#Missing", 1)))
	f.Add([]byte(strings.Replace(goodMeta, "examples/intent.go", "../../go.mod", 1)))
	f.Add([]byte(strings.Replace(goodMeta, "learner_files: [parse.go]", "learner_files: [../x.go, parse_test.go]", 1)))
	f.Add([]byte(strings.Replace(goodMeta, "id: 01-commands", "id: 02-other\ncarries: 01-commands", 1)))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, md []byte) {
		fsys := goodFS()
		fsys["chapters/01-commands/chapter.md"] = &fstest.MapFile{Data: md}
		chapters, err := Load(fsys)
		if err != nil {
			checkErrors(t, err)
			return
		}
		if len(chapters) != 1 || chapters[0].ID != "01-commands" || chapters[0].Number != 1 {
			t.Fatalf("Load = %v, want the one chapter 01-commands", chapters)
		}
	})
}

// checkErrors fails unless err is an *Error or a join of them.
func checkErrors(t *testing.T, err error) {
	t.Helper()
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			checkErrors(t, e)
		}
		return
	}
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %v (%T) is not a *chapter.Error", err, err)
	}
	if e.File == "" || e.Msg == "" || e.Line < 0 {
		t.Fatalf("error %+v lacks a file or a message", e)
	}
}

var realChapters = sync.OnceValues(func() ([]*Chapter, error) { return Load(os.DirFS("../..")) })

// FuzzFind: Find and Lookup return a chapter only for its id or its number,
// in decimal digits with or without leading zeros.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"1", "01", "001", "01-commands", "3", "03-aggregates", "+1", "-1", "0x1", "1 ", "99", "", "0", "١", "18446744073709551617"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		chapters, err := realChapters()
		if err != nil {
			t.Fatal(err)
		}
		ch := Find(chapters, s)
		got, lerr := Lookup(chapters, s)
		if got != ch {
			t.Fatalf("Lookup(%q) = %v, Find = %v", s, got, ch)
		}
		if ch == nil {
			if !errors.Is(lerr, ErrNotFound) {
				t.Fatalf("Lookup(%q) error = %v, want ErrNotFound", s, lerr)
			}
			return
		}
		if lerr != nil {
			t.Fatalf("Lookup(%q) found %s with error %v", s, ch.ID, lerr)
		}
		if s == ch.ID {
			return
		}
		if s == "" || strings.Trim(s, "0123456789") != "" {
			t.Fatalf("Find(%q) = %s, but %q is neither its id nor a decimal number", s, ch.ID, s)
		}
		if n, err := strconv.Atoi(s); err != nil || n != ch.Number {
			t.Fatalf("Find(%q) = %s (number %d)", s, ch.ID, ch.Number)
		}
	})
}
