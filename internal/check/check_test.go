package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/fixture"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/gotest"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/supportsyms"
)

// TestMain lets this test binary serve as the interpreter's worker.
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain(supportsyms.Table()))
	}
	os.Exit(m.Run())
}

// TestCurriculum is `workbook check` for every chapter of the repository:
// metadata, prose, worked-example numbers, carried files, the interpreter
// subset, and in both engines a failing stub, a passing solution and
// agreement test by test.
func TestCurriculum(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(root)
	chapters, err := chapter.Load(fsys)
	if err != nil {
		t.Fatalf("chapter.Load: %v", err)
	}
	if len(chapters) < 3 {
		t.Fatalf("chapter.Load found %d chapters, want at least 3", len(chapters))
	}
	h := &harness.Harness{FS: fsys, Engines: map[harness.EngineName]harness.Engine{
		"interp": &interp.Engine{},
		"go":     &gotest.Engine{},
	}}
	for _, ch := range chapters {
		t.Run(ch.ID, func(t *testing.T) {
			for _, err := range Static(ch) {
				t.Error(err)
			}
			for _, err := range Run(context.Background(), h, ch).Problems {
				t.Error(err)
			}
		})
	}
}

func TestCompareNumbers(t *testing.T) {
	tests := []struct {
		name  string
		prose string
		test  string
		want  []string // substrings of the problems, in order
	}{
		{"same numbers", "Deposit 250, withdraw 75: the answer is **175**.", `assert.Equal(t, 175, run("deposit 250", "withdraw 75"))`, nil},
		{"answer changed in the text", "Deposit 250, withdraw 75: the answer is **185**.", `assert.Equal(t, 175, run("deposit 250", "withdraw 75"))`,
			[]string{"worked example says 185", "example tests use 175"}},
		{"thousands separators", "The total is 1,200.", `want := 1_200`, nil},
		{"single digits only checked one way", "Two lines.", `x := 2; y := 3`, nil},
		{"arithmetic in a test comment", "250 + 1200 = 1450, times 2 is 2900.", "// 250 + 1200 = 1450, times 2.\n\tassert.Equal(t, 2900, f(250, 1200))", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := &chapter.Chapter{Dir: "chapters/01-x", Exercise: map[string][]byte{
				"x_test.go": []byte("package x\n\nfunc TestPart1ExampleX(t *testing.T) {\n\t" + tt.test + "\n}\n\nfunc TestPart1FullX(t *testing.T) { _ = 999 }\n"),
			}}
			errs := compareNumbers(ch, 1, tt.prose)
			if len(errs) != len(tt.want) {
				t.Fatalf("compareNumbers(%q) = %v, want %d problems", tt.prose, errs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(errs[i].Error(), w) {
					t.Errorf("compareNumbers problem %d = %q, want it to contain %q", i, errs[i], w)
				}
			}
		})
	}
}

func TestNumbersIn(t *testing.T) {
	got := numbersIn("Input: deposit 1,250 and 0 and 007, then **350**.")
	for _, want := range []string{"1250", "0", "7", "350"} {
		if !got[want] {
			t.Errorf("numbersIn(...) = %v, want %s in it", got, want)
		}
	}
	if len(got) != 4 {
		t.Errorf("numbersIn(...) = %v, want 4 numbers", got)
	}
}

// fakeEngine answers every run with fixed statuses.
type fakeEngine struct {
	interpreted bool
	status      func(solution bool, test string) harness.Status
}

func (f *fakeEngine) Interpreted() bool { return f.interpreted }

func (f *fakeEngine) Run(_ context.Context, j harness.Job) (harness.Outcome, error) {
	solution := strings.Contains(string(j.Files["x.go"]), "solved")
	var out harness.Outcome
	for _, name := range j.Tests {
		out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: f.status(solution, name)})
	}
	return out, nil
}

func TestRunFindsBadChapters(t *testing.T) {
	ch := &chapter.Chapter{
		Meta:     chapter.Meta{ID: "01-x", LearnerFiles: []string{"x.go"}},
		Exercise: map[string][]byte{"x.go": []byte("package x\n")},
		Solution: map[string][]byte{"x.go": []byte("package x // solved\n")},
		Tests:    []chapter.Test{{Name: "TestPart1ExampleA", Part: 1, Suite: chapter.Example}, {Name: "TestPart1FullB", Part: 1, Suite: chapter.Full}},
	}
	good := func(solution bool, _ string) harness.Status {
		if solution {
			return harness.Pass
		}
		return harness.Error
	}
	tests := []struct {
		name   string
		interp func(bool, string) harness.Status
		goEng  func(bool, string) harness.Status
		want   []string
	}{
		{"a good chapter", good, good, nil},
		{"a stub that passes", func(s bool, n string) harness.Status {
			if n == "TestPart1FullB" {
				return harness.Pass
			}
			return good(s, n)
		}, good, []string{"stub in interp: TestPart1FullB passes before the learner wrote anything", "engines disagree on the stub's TestPart1FullB"}},
		{"a solution that fails", good, func(s bool, n string) harness.Status {
			if s && n == "TestPart1ExampleA" {
				return harness.Fail
			}
			return good(s, n)
		}, []string{"solution in go: TestPart1ExampleA fail", "engines disagree on the solution's TestPart1ExampleA: interp says pass, go says fail"}},
		{"engines that disagree on how a stub fails", good, func(s bool, n string) harness.Status {
			if !s {
				return harness.Timeout
			}
			return harness.Pass
		}, []string{"engines disagree on the stub's TestPart1ExampleA", "engines disagree on the stub's TestPart1FullB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &harness.Harness{Engines: map[harness.EngineName]harness.Engine{
				"interp": &fakeEngine{interpreted: true, status: tt.interp},
				"go":     &fakeEngine{status: tt.goEng},
			}, Limits: harness.Limits{TestTimeout: time.Second}}
			errs := Run(context.Background(), h, ch).Problems
			if len(errs) != len(tt.want) {
				t.Fatalf("Run = %v, want %d problems", errs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(errs[i].Error(), w) {
					t.Errorf("Run problem %d = %q, want it to contain %q", i, errs[i], w)
				}
			}
		})
	}
}

// codeEngine passes a Part 1 test when x.go holds "part1 code", and a
// Part 2 test when it holds "part2 code": what the tests would find.
type codeEngine struct{ interpreted bool }

func (e *codeEngine) Interpreted() bool { return e.interpreted }

func (e *codeEngine) Run(_ context.Context, j harness.Job) (harness.Outcome, error) {
	var out harness.Outcome
	for _, name := range j.Tests {
		status := harness.Fail
		if strings.HasPrefix(name, "TestPart1") && strings.Contains(string(j.Files["x.go"]), "part1 code") ||
			strings.HasPrefix(name, "TestPart2") && strings.Contains(string(j.Files["x.go"]), "part2 code") {
			status = harness.Pass
		}
		out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: status})
	}
	return out, nil
}

// TestRunChecksPartMarks: Run proves a day's marks by running Part 1's
// solution alone: Part 1's tests must pass on it and some Part 2 test must
// not.
func TestRunChecksPartMarks(t *testing.T) {
	tests := []struct {
		name     string
		solution string
		want     []string // substrings of the problems, in order
	}{
		{"Part 2's code marked", "package x\n\nvar A = 1 // part1 code\n\n// Part 2: B.\n\nvar B = 2 // part2 code\n\n// End of Part 2.\n", nil},
		{"Part 2's code unmarked", "package x\n\nvar A = 1 // part1 code\n\nvar B = 2 // part2 code\n", []string{
			"Part 1's solution alone (the marked Part 2 code left out) passes every Part 2 test in interp: mark Part 2's code",
			"passes every Part 2 test in go"}},
		{"Part 1's code marked as Part 2's", "package x\n\n// Part 2: A and B.\n\nvar A = 1 // part1 code\n\nvar B = 2 // part2 code\n\n// End of Part 2.\n", []string{
			"fail TestPart1ExampleA in interp: a region marked as Part 2's holds code Part 1 needs",
			"fail TestPart1ExampleA in go: a region marked as Part 2's holds code Part 1 needs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := &chapter.Chapter{
				Meta:     chapter.Meta{ID: "01-x", LearnerFiles: []string{"x.go"}},
				Exercise: map[string][]byte{"x.go": []byte("package x\n")},
				Solution: map[string][]byte{"x.go": []byte(tt.solution)},
				Tests:    []chapter.Test{{Name: "TestPart1ExampleA", Part: 1, Suite: chapter.Example}, {Name: "TestPart2ExampleB", Part: 2, Suite: chapter.Example}},
			}
			h := &harness.Harness{Engines: map[harness.EngineName]harness.Engine{
				"interp": &codeEngine{interpreted: true},
				"go":     &codeEngine{},
			}, Limits: harness.Limits{TestTimeout: time.Second}}
			errs := Run(context.Background(), h, ch).Problems
			if len(errs) != len(tt.want) {
				t.Fatalf("Run on solution %q = %v, want %d problems", tt.solution, errs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(errs[i].Error(), w) {
					t.Errorf("Run on solution %q: problem %d = %q, want it to contain %q", tt.solution, i, errs[i], w)
				}
			}
		})
	}
}

func TestStaticWantsFiveMutants(t *testing.T) {
	ch := &chapter.Chapter{Meta: chapter.Meta{ID: "99-few"}, Dir: "chapters/99-few", Solution: map[string][]byte{}, Mutants: make([]chapter.Mutant, MinMutants-1)}
	found := false
	for _, err := range Static(ch) {
		if strings.Contains(err.Error(), "4 mutants; a day keeps at least 5") {
			found = true
		}
	}
	if !found {
		t.Errorf("Static(a day with 4 mutants) does not say it needs 5: %v", Static(ch))
	}
}

// markedChapter is a day of one file whose Part 2 code is marked; under
// codeEngine its solution passes both tests, and Part 1's alone only the
// Part 1 test.
func markedChapter() *chapter.Chapter {
	solution := "package x\n\nvar A = 1 // part1 code\n\n// Part 2: B.\n\nvar B = 2 // part2 code\n\n// End of Part 2.\n"
	return &chapter.Chapter{
		Meta:     chapter.Meta{ID: "01-x", LearnerFiles: []string{"x.go"}},
		Exercise: map[string][]byte{"x.go": []byte("package x\n")},
		Solution: map[string][]byte{"x.go": []byte(solution)},
		Tests:    []chapter.Test{{Name: "TestPart1ExampleA", Part: 1, Suite: chapter.Example}, {Name: "TestPart2ExampleB", Part: 2, Suite: chapter.Example}},
	}
}

// forgetsB is a mutant of markedChapter that Part 2's test catches.
var forgetsB = chapter.Mutant{Name: "forgets-b", File: "x.go", Rule: "B is two", RuleLine: 7, Catches: []string{"TestPart2ExampleB"},
	Hunks: []chapter.Hunk{{Old: "// part2 code", New: "// nothing"}}}

// TestRunMutantsAndAlternatives: a mutant the tests catch is killed, one
// they miss is a problem naming its rule; an alternative solution that
// passes counts, one that fails a test is a problem naming the test.
func TestRunMutantsAndAlternatives(t *testing.T) {
	ch := markedChapter()
	ch.Mutants = []chapter.Mutant{forgetsB,
		{Name: "renames-a", File: "x.go", Rule: "A is one", RuleLine: 3, Catches: []string{"TestPart1ExampleA"}, Hunks: []chapter.Hunk{{Old: "var A = 1", New: "var A = 10"}}},
	}
	ch.Alternatives = []chapter.Alternative{
		{Name: "one-block", Files: map[string][]byte{"x.go": []byte("package x\n\nvar (\n\tA = 1 // part1 code\n\tB = 2 // part2 code\n)\n")}},
		{Name: "too-clever", Files: map[string][]byte{"x.go": []byte("package x\n\nvar A, B = 1, 2 // part1 code\n")}, Line: 9},
	}
	h := &harness.Harness{Engines: map[harness.EngineName]harness.Engine{
		"interp": &codeEngine{interpreted: true},
		"go":     &codeEngine{},
	}, Limits: harness.Limits{TestTimeout: time.Second}}
	res := Run(context.Background(), h, ch)
	if res.Mutants != 2 || res.Killed != 1 || res.MutationScore() != 0.5 {
		t.Errorf("Run: mutants %d, killed %d, score %v; want 2, 1, 0.5", res.Mutants, res.Killed, res.MutationScore())
	}
	if res.Alternatives != 2 || res.Passed != 1 {
		t.Errorf("Run: alternatives %d, passed %d; want 2, 1", res.Alternatives, res.Passed)
	}
	want := []string{
		`mutant renames-a: passes in interp: no test catches the mistake against chapter.md:3, "A is one"`,
		`mutant renames-a: passes in go`,
		`solutions/01-x/alternatives.txtar:9: alternative too-clever: TestPart2ExampleB fail in interp: a correct design fails it`,
		`alternative too-clever: TestPart2ExampleB fail in go`,
	}
	if len(res.Problems) != len(want) {
		t.Fatalf("Run = %v, want %d problems", res.Problems, len(want))
	}
	for i, w := range want {
		if !strings.Contains(res.Problems[i].Error(), w) {
			t.Errorf("Run problem %d = %q, want it to contain %q", i, res.Problems[i], w)
		}
	}
	if got := (Result{}).MutationScore(); got != 1 {
		t.Errorf("Result{}.MutationScore() = %v, want 1", got)
	}
}

// TestFixture: the tool's fixture workbook is a workbook as check wants
// one, so that the tests built on it test what a real day does: in both
// engines its stubs fail and its solutions pass.
func TestFixture(t *testing.T) {
	fsys := fixture.FS()
	chapters, err := chapter.Load(fsys)
	if err != nil {
		t.Fatalf("chapter.Load(fixture): %v", err)
	}
	h := &harness.Harness{FS: fsys, Engines: map[harness.EngineName]harness.Engine{
		"interp": &interp.Engine{},
		"go":     &gotest.Engine{},
	}}
	for _, ch := range chapters {
		for _, err := range Run(context.Background(), h, ch).Problems {
			t.Errorf("fixture %s: %v", ch.ID, err)
		}
	}
}

func TestStaticWantsFacilitatorNotes(t *testing.T) {
	ch := &chapter.Chapter{Meta: chapter.Meta{ID: "99-bare", Facilitator: chapter.Facilitator{Minutes: 30}}, Dir: "chapters/99-bare"}
	var got string
	for _, err := range facilitatorNotes(ch) {
		got += err.Error()
	}
	for _, want := range []string{"chapters/99-bare/chapter.md: facilitator notes lack", "mistakes", "discussion", "sources"} {
		if !strings.Contains(got, want) {
			t.Errorf("facilitatorNotes(minutes only) = %q, want it to name %q", got, want)
		}
	}
	if strings.Contains(got, "minutes") {
		t.Errorf("facilitatorNotes(minutes only) = %q names the minutes it has", got)
	}
	ch.Facilitator = chapter.Facilitator{Minutes: 30, Mistakes: []string{"m"}, Discussion: "q?", Sources: []string{"s"}}
	if errs := facilitatorNotes(ch); len(errs) != 0 {
		t.Errorf("facilitatorNotes(complete) = %v, want none", errs)
	}
}

// wordyEngine is codeEngine whose failures say words of its own.
type wordyEngine struct {
	codeEngine
	words string
}

func (e *wordyEngine) Run(ctx context.Context, j harness.Job) (harness.Outcome, error) {
	out, err := e.codeEngine.Run(ctx, j)
	for i := range out.Tests {
		if out.Tests[i].Status == harness.Fail {
			out.Tests[i].Message = e.words
		}
	}
	return out, err
}

// TestRunComparesFailureText: a mutant's catching test must fail with the
// same words in both engines.
func TestRunComparesFailureText(t *testing.T) {
	ch := markedChapter()
	ch.Mutants = []chapter.Mutant{forgetsB}
	for _, tt := range []struct {
		interp, goWords string
		want            string // a problem, or "" for none
	}{
		{"B = 0, want 2", "B = 0, want 2", ""},
		{"B = struct {…}", "B = 0, want 2", `TestPart2ExampleB fails with other words in interp than in go`},
	} {
		h := &harness.Harness{Engines: map[harness.EngineName]harness.Engine{
			"interp": &wordyEngine{codeEngine{interpreted: true}, tt.interp},
			"go":     &wordyEngine{codeEngine{}, tt.goWords},
		}, Limits: harness.Limits{TestTimeout: time.Second}}
		res := Run(context.Background(), h, ch)
		var got string
		for _, p := range res.Problems {
			got += p.Error() + "\n"
		}
		if tt.want == "" && (got != "" || res.Same != 1 || res.Compared != 1) {
			t.Errorf("Run with the same words: problems %q, alike %d/%d; want none, 1/1", got, res.Same, res.Compared)
		}
		if tt.want != "" && (!strings.Contains(got, tt.want) || res.Same != 0 || res.Killed != 0) {
			t.Errorf("Run with other words: problems %q, alike %d/%d, killed %d; want %q, 0/1, 0", got, res.Same, res.Compared, res.Killed, tt.want)
		}
	}
}
