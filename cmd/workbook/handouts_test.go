package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

func TestSelectChapters(t *testing.T) {
	var chs []*chapter.Chapter
	for i, id := range []string{"01-a", "02-b", "03-c"} {
		chs = append(chs, &chapter.Chapter{Meta: chapter.Meta{ID: id}, Number: i + 1})
	}
	tests := []struct {
		spec    string
		want    string
		wantErr error
	}{
		{"2", "02-b", nil},
		{"1-3", "01-a 02-b 03-c", nil},
		{"1-5", "01-a 02-b 03-c", nil},
		{"1,3", "01-a 03-c", nil},
		{"3, 1", "01-a 03-c", nil},
		{"2-3,1,2", "01-a 02-b 03-c", nil},
		{"4", "", chapter.ErrNotFound},
		{"7-9", "", chapter.ErrNotFound},
		{"x", "", errUsage},
		{"3-1", "", errUsage},
		{"0", "", errUsage},
		{"1,", "", errUsage},
	}
	for _, tt := range tests {
		got, err := selectChapters(chs, tt.spec)
		var ids []string
		for _, ch := range got {
			ids = append(ids, ch.ID)
		}
		if strings.Join(ids, " ") != tt.want || !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
			t.Errorf("selectChapters(%q) = %q, %v; want %q, %v", tt.spec, ids, err, tt.want, tt.wantErr)
		}
	}
}

func TestHandoutsCommand(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "handouts", "--out", out, "--chapters", "1,3", "--edition", "learner", "--date", "1 June 2026")
	if code != exitOK {
		t.Fatalf("handouts = %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "learner") {
		t.Errorf("handouts printed %q, want the folder it wrote", stdout)
	}
	for _, name := range []string{"index.html", "print.html", "01-commands.html", "03-aggregates.html", "handout.css", "code.css"} {
		if _, err := os.Stat(filepath.Join(out, "learner", name)); err != nil {
			t.Errorf("handouts --chapters 1,3: %v", err)
		}
	}
	for _, name := range []string{"learner/02-events.html", "facilitator", "learner.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("handouts --chapters 1,3 --edition learner wrote %s", name)
		}
	}

	both := t.TempDir()
	if code, _, stderr := runCLI(t, "handouts", "--out", both, "--chapters", "2"); code != exitOK {
		t.Fatalf("handouts (both editions) = %d, stderr %q", code, stderr)
	}
	for _, name := range []string{"learner/02-events.html", "facilitator/02-events.html"} {
		if _, err := os.Stat(filepath.Join(both, name)); err != nil {
			t.Errorf("handouts with the default edition: %v", err)
		}
	}
}

// TestHandoutsPDFWithoutChromium: the HTML is written, the message says how
// to install Chromium, and the exit code is 1.
func TestHandoutsPDFWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	out := t.TempDir()
	code, _, stderr := runCLI(t, "handouts", "--out", out, "--chapters", "1", "--pdf")
	if code != exitFail || !strings.Contains(stderr, "apt-get install chromium") {
		t.Errorf("handouts --pdf without Chromium = %d, stderr %q; want %d and how to install it", code, stderr, exitFail)
	}
	if _, err := os.Stat(filepath.Join(out, "facilitator", "print.html")); err != nil {
		t.Errorf("handouts --pdf without Chromium did not write the HTML: %v", err)
	}
}

func TestHandoutsUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"handouts"}, "handouts needs --out DIR"},
		{[]string{"handouts", "--out", t.TempDir(), "--edition", "teacher"}, `--edition "teacher"`},
		{[]string{"handouts", "--out", t.TempDir(), "--paper", "a3"}, `--paper "a3"`},
		{[]string{"handouts", "--out", t.TempDir(), "--chapters", "one"}, `"one" is not a chapter number`},
		{[]string{"handouts", "--out", t.TempDir(), "--chapters", "42"}, `no such chapter "42"`},
		{[]string{"handouts", "--out", t.TempDir(), "extra"}, "handouts takes no arguments"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.want)
		}
	}
}
