package main

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/check"
)

func TestCheckResult(t *testing.T) {
	ch := &chapter.Chapter{Meta: chapter.Meta{ID: "05-dispatch"}}
	tests := []struct {
		name string
		res  check.Result
		ran  bool
		want string // the JSON
		note string // what the text line adds
	}{
		{"all killed", check.Result{Mutants: 7, Killed: 7}, true,
			`{"chapter":"05-dispatch","ok":true,"problems":[],"mutants":7,"killed":7,"mutation_score":1,"alternatives":0,"alternatives_passing":0,"failures_compared":0,"failures_alike":0}`,
			"  (mutants killed 7/7)"},
		{"one survives", check.Result{Problems: []error{errors.New("mutant x: passes")}, Mutants: 4, Killed: 3, Alternatives: 2, Passed: 2, Compared: 3, Same: 2}, true,
			`{"chapter":"05-dispatch","ok":false,"problems":["mutant x: passes"],"mutants":4,"killed":3,"mutation_score":0.75,"alternatives":2,"alternatives_passing":2,"failures_compared":3,"failures_alike":2}`,
			"  (mutants killed 3/4, alternative solutions passing 2/2, failures alike in both engines 2/3)"},
		{"static only", check.Result{Mutants: 7}, false,
			`{"chapter":"05-dispatch","ok":true,"problems":[]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(newCheckResult(ch, tt.res, tt.ran))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("newCheckResult(%+v, ran=%v) = %s, want %s", tt.res, tt.ran, got, tt.want)
			}
			if note := scoreNote(tt.res, tt.ran); note != tt.note {
				t.Errorf("scoreNote(%+v, ran=%v) = %q, want %q", tt.res, tt.ran, note, tt.note)
			}
			if strings.Contains(string(got), "NaN") {
				t.Errorf("newCheckResult(%+v) has NaN", tt.res)
			}
		})
	}
}
