package workspace

import (
	"errors"
	"strings"
	"testing"
)

// FuzzFilePath: an accepted chapter id and file name join to a path of
// exactly two plain parts inside the workspace; anything else is ErrBadName.
func FuzzFilePath(f *testing.F) {
	for _, s := range [][2]string{
		{"01-commands", "parse.go"}, {"01-commands", "../go.mod"}, {"..", "go.mod"}, {"01-commands", "a/b.go"},
		{"/etc", "passwd"}, {"01-commands", "parse.go\x00.txt"}, {"01-commands", ".workbook"}, {"01-commands", "x..go"},
		{"01-commands", "parse.go\n"}, {"", "parse.go"}, {"01-commands", "C:\\x.go"}, {"01-commands", "pärse.go"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, chapterID, name string) {
		p, err := filePath(chapterID, name)
		if err != nil {
			if !errors.Is(err, ErrBadName) {
				t.Fatalf("filePath(%q, %q) error = %v, want ErrBadName", chapterID, name, err)
			}
			return
		}
		if strings.Contains(p, "..") || strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\\n") || strings.Count(p, "/") != 1 {
			t.Fatalf("filePath(%q, %q) = %q, which could leave the chapter's folder", chapterID, name, p)
		}
		if p != chapterID+"/"+name || strings.HasPrefix(name, ".") {
			t.Fatalf("filePath(%q, %q) = %q, want the two joined as given", chapterID, name, p)
		}
	})
}
