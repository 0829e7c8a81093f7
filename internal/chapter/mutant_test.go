package chapter

import (
	"strings"
	"testing"
)

func TestParseMutant(t *testing.T) {
	good := "file: a.go\nrule: 3 never at any version\ncatches: TestPart1FullA, TestPart1FullB\n<<<\nold\n===\nnew\n>>>\n<<<\nx\n===\n>>>\n"
	m, err := parseMutant("any-version", good)
	if err != nil {
		t.Fatalf("parseMutant(good) = %v", err)
	}
	if m.File != "a.go" || m.RuleLine != 3 || m.Rule != "never at any version" || strings.Join(m.Catches, " ") != "TestPart1FullA TestPart1FullB" ||
		len(m.Hunks) != 2 || m.Hunks[0] != (Hunk{"old\n", "new\n"}) || m.Hunks[1] != (Hunk{"x\n", ""}) {
		t.Errorf("parseMutant(good) = %+v", m)
	}
	bad := []struct{ body, want string }{
		{"rule: 3 x\ncatches: T\n<<<\na\n===\nb\n>>>\n", "no file:"},
		{"file: a.go\ncatches: T\n<<<\na\n===\nb\n>>>\n", "no rule:"},
		{"file: a.go\nrule: x y\ncatches: T\n<<<\na\n===\nb\n>>>\n", "rule: want the line"},
		{"file: a.go\nrule: 3 x\n<<<\na\n===\nb\n>>>\n", "no catches:"},
		{"file: a.go\nrule: 3 x\ncatches: T\n", "no patch"},
		{"file: a.go\nrule: 3 x\ncatches: T\n<<<\na\n", "without ==="},
		{"file: a.go\nrule: 3 x\ncatches: T\n<<<\na\n===\nb\n", "without >>>"},
		{"file: a.go\nrule: 3 x\ncatches: T\n<<<\n===\nb\n>>>\n", "no old text"},
		{"file: a.go\nwhy: 3\n", "unknown key"},
	}
	for _, tt := range bad {
		if _, err := parseMutant("m", tt.body); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseMutant(%q) = %v, want an error containing %q", tt.body, err, tt.want)
		}
	}
}

func TestApplyMutant(t *testing.T) {
	ch := &Chapter{Meta: Meta{ID: "01-x", LearnerFiles: []string{"a.go"}}, Solution: map[string][]byte{"a.go": []byte("one two two\n")}}
	got, err := ch.Apply(Mutant{Name: "m", File: "a.go", Hunks: []Hunk{{"one", "1"}}})
	if err != nil || string(got["a.go"]) != "1 two two\n" {
		t.Errorf("Apply(one→1) = %q, %v", got["a.go"], err)
	}
	if string(ch.Solution["a.go"]) != "one two two\n" {
		t.Errorf("Apply changed the solution itself: %q", ch.Solution["a.go"])
	}
	for _, old := range []string{"two", "three"} {
		if _, err := ch.Apply(Mutant{Name: "m", File: "a.go", Hunks: []Hunk{{old, "x"}}}); err == nil || !strings.Contains(err.Error(), "no longer applies") {
			t.Errorf("Apply(%s→x) = %v, want: no longer applies", old, err)
		}
	}
}
