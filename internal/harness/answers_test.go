package harness_test

import (
	"context"
	"reflect"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
)

// TestAnswersAndParts: a run reports the puzzle answers its passing
// puzzle tests computed (the numbers the day's puzzle test expects for the
// chapter's own input), none for a failing run, and Part narrows the suite
// to one part's tests.
func TestAnswersAndParts(t *testing.T) {
	chapters, h := workbook(t, 10*time.Second)
	ch, err := chapter.Lookup(chapters, "1")
	if err != nil {
		t.Fatal(err)
	}
	// The expected answers, as the day's puzzle test states them.
	want := []harness.Answer{}
	for _, m := range regexp.MustCompile(`puzzle\.Check\(t, "part([12])", .*, (\d+)\)`).FindAllStringSubmatch(string(ch.Exercise["puzzle_test.go"]), -1) {
		part, _ := strconv.Atoi(m[1])
		v, _ := strconv.ParseInt(m[2], 10, 64)
		want = append(want, harness.Answer{Part: part, Value: v})
	}
	if len(want) != 2 {
		t.Fatalf("found %d puzzle.Check calls in day 1's puzzle_test.go, want 2", len(want))
	}
	for _, engine := range harness.EngineNames {
		t.Run(engine.String(), func(t *testing.T) {
			rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Engine: engine, Suite: chapter.Full, Solution: true})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rep.Answers, want) {
				t.Errorf("Run(day 1, full, solution).Answers = %v, want %v", rep.Answers, want)
			}
			rep, err = h.Run(context.Background(), harness.Request{Chapter: ch, Engine: engine, Suite: chapter.Full, Part: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Answers) != 0 {
				t.Errorf("Run(day 1, full, stub).Answers = %v, want none", rep.Answers)
			}
			for _, r := range rep.Tests {
				if r.Part != 1 {
					t.Errorf("Run(day 1, full, Part 1) ran %s of Part %d", r.Name, r.Part)
				}
			}
			if len(rep.Tests) == 0 {
				t.Error("Run(day 1, full, Part 1) ran no test")
			}
		})
	}
}
