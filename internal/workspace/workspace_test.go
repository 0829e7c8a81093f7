package workspace

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cqrsworkbook/workbook/internal/progress"
)

func newWorkspace(t *testing.T) *Workspace {
	t.Helper()
	dir := t.TempDir()
	src := fstest.MapFS{
		"go.mod":                {Data: []byte("module x\n")},
		"01-commands/parse.go":  {Data: []byte("package bank // stub\n")},
		"01-commands/given.go":  {Data: []byte("package bank // given v1\n")},
		"01-commands/x_test.go": {Data: []byte("package bank\n")},
	}
	if _, err := Sync(dir, src, func(p string) bool { return p == "01-commands/parse.go" }); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func TestSaveAndHistory(t *testing.T) {
	w := newWorkspace(t)
	_, etag, err := w.Read("01-commands", "parse.go")
	if err != nil {
		t.Fatal(err)
	}
	etag2, err := w.Save("01-commands", "parse.go", []byte("package bank // one\n"), etag)
	if err != nil {
		t.Fatalf("Save with the current ETag: %v", err)
	}
	if _, err := w.Save("01-commands", "parse.go", []byte("package bank // stale\n"), etag); !errors.Is(err, ErrConflict) {
		t.Fatalf("Save with a stale ETag: err = %v, want ErrConflict", err)
	}
	if _, err := w.Save("01-commands", "parse.go", []byte("package bank // two\n"), etag2); err != nil {
		t.Fatal(err)
	}
	data, _, _ := w.Read("01-commands", "parse.go")
	if string(data) != "package bank // two\n" {
		t.Errorf("Read = %q", data)
	}
	vs, err := w.History("01-commands", "parse.go")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		d, _ := w.ReadVersion("01-commands", "parse.go", v.ID)
		got = append(got, v.Reason+"="+strings.TrimSpace(string(d)))
	}
	want := "save=package bank // stub|conflict=package bank // stale|save=package bank // one"
	if strings.Join(got, "|") != want {
		t.Errorf("History = %q, want %q", strings.Join(got, "|"), want)
	}
	if _, err := w.Replace("01-commands", "parse.go", []byte("package bank // stub\n"), "reset"); err != nil {
		t.Fatal(err)
	}
	vs, _ = w.History("01-commands", "parse.go")
	if last := vs[len(vs)-1]; last.Reason != "reset" {
		t.Errorf("after Replace, the newest version's reason = %q, want reset", last.Reason)
	}
}

func TestHistoryKeepsTheLastVersions(t *testing.T) {
	w := newWorkspace(t)
	w.keep = 5
	for i := 0; i < 12; i++ {
		if _, err := w.Save("01-commands", "parse.go", []byte(strings.Repeat("x", i+1)), ""); err != nil {
			t.Fatal(err)
		}
	}
	vs, _ := w.History("01-commands", "parse.go")
	if len(vs) != 5 {
		t.Fatalf("History has %d versions, want 5", len(vs))
	}
	if vs[4].Size != 11 {
		t.Errorf("newest kept version has %d bytes, want 11", vs[4].Size)
	}
}

func TestBadNames(t *testing.T) {
	w := newWorkspace(t)
	for _, tt := range [][2]string{{"..", "go.mod"}, {"01-commands", "../go.mod"}, {"01-commands", "/etc/passwd"}, {"01-commands", ".hidden"}, {"01-commands", "a\x00b"}, {"", "x"}} {
		if _, _, err := w.Read(tt[0], tt[1]); !errors.Is(err, ErrBadName) {
			t.Errorf("Read(%q, %q) err = %v, want ErrBadName", tt[0], tt[1], err)
		}
		if _, err := w.Save(tt[0], tt[1], []byte("x"), ""); !errors.Is(err, ErrBadName) {
			t.Errorf("Save(%q, %q) err = %v, want ErrBadName", tt[0], tt[1], err)
		}
	}
	if _, err := w.ReadVersion("01-commands", "parse.go", "../../go.mod"); !errors.Is(err, ErrBadName) {
		t.Errorf("ReadVersion with a path: err = %v, want ErrBadName", err)
	}
}

func TestProgress(t *testing.T) {
	w := newWorkspace(t)
	p, err := w.UpdateProgress(func(p *progress.Progress) error {
		p.Chapter("01-commands").Hints[0] = 2
		p.Last = "01-commands"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.StarCount() != 0 {
		t.Errorf("StarCount = %d", p.StarCount())
	}
	again, err := w.Progress()
	if err != nil || again.Chapter("01-commands").Hints[0] != 2 || again.Last != "01-commands" {
		t.Errorf("Progress after update = %+v, %v", again, err)
	}
}

func TestUpdateProgressKeepsAFailedChange(t *testing.T) {
	w := newWorkspace(t)
	if _, _, err := w.Award("01-commands", [2]bool{true, false}); err != nil {
		t.Fatal(err)
	}
	_, err := w.UpdateProgress(func(p *progress.Progress) error {
		p.Chapter("01-commands").Stars[0] = nil
		return progress.ErrLocked
	})
	if !errors.Is(err, progress.ErrLocked) {
		t.Errorf("UpdateProgress(fn failing with ErrLocked) = %v, want ErrLocked", err)
	}
	again, err := w.Progress()
	if err != nil || !again.Chapter("01-commands").Star(1) {
		t.Errorf("after a failed update, Progress() = %+v, %v; want Part 1's star kept", again, err)
	}
}

func TestSaveKeepsLineEnds(t *testing.T) {
	tests := []struct {
		name, onDisk, sent, want string
	}{
		{"LF file stays LF", "package bank\n// a\n", "package bank\n// b\n", "package bank\n// b\n"},
		{"CRLF file stays CRLF", "package bank\r\n// a\r\n", "package bank\n// b\n", "package bank\r\n// b\r\n"},
		{"CRLF sent to a CRLF file is not doubled", "package bank\r\n// a\r\n", "package bank\r\n// b\r\n", "package bank\r\n// b\r\n"},
		{"mostly LF stays as sent", "package bank\n// a\n// c\r\n", "package bank\n// b\n", "package bank\n// b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkspace(t)
			if _, err := w.Replace("01-commands", "parse.go", []byte(tt.onDisk), "test"); err != nil {
				t.Fatal(err)
			}
			_, etag, _ := w.Read("01-commands", "parse.go")
			etag2, err := w.Save("01-commands", "parse.go", []byte(tt.sent), etag)
			if err != nil {
				t.Fatalf("Save: %v", err)
			}
			got, etag3, _ := w.Read("01-commands", "parse.go")
			if string(got) != tt.want {
				t.Errorf("Save(%q) over %q wrote %q, want %q", tt.sent, tt.onDisk, got, tt.want)
			}
			if etag2 != etag3 {
				t.Errorf("Save returned ETag %s, but the file's is %s: the next save would conflict", etag2, etag3)
			}
		})
	}
}
