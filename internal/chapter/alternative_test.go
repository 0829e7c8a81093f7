package chapter

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadAlternatives(t *testing.T) {
	ch := &Chapter{Meta: Meta{ID: "05-x", LearnerFiles: []string{"a.go", "b.go"}},
		Solution: map[string][]byte{"a.go": []byte("package x // ref a\n"), "b.go": []byte("package x // ref b\n")}}
	archive := "Two designs.\n-- flat/a.go --\n//go:build ignore\n\npackage x // flat a\n-- tree/b.go --\npackage x // tree b\n-- tree/a.go --\npackage x // tree a\n"
	fsys := fstest.MapFS{"solutions/05-x/" + AlternativesFile: {Data: []byte(archive)}}
	alts, err := loadAlternatives(fsys, ch)
	if err != nil {
		t.Fatal(err)
	}
	if len(alts) != 2 || alts[0].Name != "flat" || alts[0].Line != 2 || alts[1].Name != "tree" || len(alts[1].Files) != 2 {
		t.Fatalf("loadAlternatives = %+v, want flat (line 2, a.go) then tree (a.go and b.go)", alts)
	}
	files := ch.AlternativeFiles(alts[0])
	if got := string(files["a.go"]); !strings.HasPrefix(got, "// CQRS Workbook.") || !strings.Contains(got, "flat a") {
		t.Errorf("AlternativeFiles(flat)[a.go] = %q, want the alternative in the engines' form", got)
	}
	if got := string(files["b.go"]); got != "package x // ref b\n" {
		t.Errorf("AlternativeFiles(flat)[b.go] = %q, want the reference's", got)
	}

	for _, bad := range []struct{ archive, msg string }{
		{"-- a.go --\npackage x\n", `section "a.go": want NAME/FILE`},
		{"-- flat/c.go --\npackage x\n", `section "flat/c.go": c.go is not one of the learner files`},
		{"-- flat/a.go --\npackage x\n-- flat/a.go --\npackage x\n", `section "flat/a.go": a second a.go for flat`},
	} {
		fsys := fstest.MapFS{"solutions/05-x/" + AlternativesFile: {Data: []byte(bad.archive)}}
		if _, err := loadAlternatives(fsys, ch); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("loadAlternatives(%q) = %v, want an error with %q", bad.archive, err, bad.msg)
		}
	}
}
