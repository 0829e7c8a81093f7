package harness

import "github.com/cqrsworkbook/workbook/internal/chapter"

// Status is the outcome of one test.
type Status string

// Test statuses. Error covers a panic, a crash, a limit reached, or a test
// that could not run; Timeout is a test that passed its deadline.
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Error   Status = "error"
	Timeout Status = "timeout"
)

// Report is the result of one run, in the one JSON shape the CLI, the web
// workbook and the tests share.
type Report struct {
	Chapter string        `json:"chapter"`
	Engine  EngineName    `json:"engine"`
	Against string        `json:"against"`
	Suite   chapter.Suite `json:"suite"`
	Seed    string        `json:"seed,omitempty"`
	// Status is pass when every selected test passed, fail when any did not
	// (or the code did not compile), and error when the run itself could not
	// happen (Problem says why).
	Status        Status         `json:"status"`
	Problem       string         `json:"problem,omitempty"`
	CompileErrors []CompileError `json:"compile_errors"`
	Tests         []TestResult   `json:"tests"`
	// Answers are the puzzle answers of the passing puzzle tests.
	Answers    []Answer `json:"answers,omitempty"`
	Passed     int      `json:"passed"`
	Failed     int      `json:"failed"`
	DurationMS int64    `json:"duration_ms"`
}

// Answer is a puzzle answer: the number a day's puzzle test computed from
// the learner's code for the puzzle input, when it was the right one.
type Answer struct {
	Part  int   `json:"part"`
	Value int64 `json:"value"`
}

// CompileError is a problem found before any test ran: a syntax or type
// error, a forbidden import, or code the interpreter cannot run. File is a
// base name in the chapter's exercise folder.
type CompileError struct {
	// Kind is "compile" (the engine or the parser refused the code),
	// "import" (a package outside the allowlist) or "interpreter" (Go the
	// interpreter cannot run yet, which GoEngineRuns says the go engine
	// runs as it is; or what go test refuses too, so both engines agree).
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	// GoEngineRuns says that the go engine runs this code as it is: each
	// client says how to choose it (the CLI names its flag).
	GoEngineRuns bool `json:"go_engine_runs,omitempty"`
}

// TestResult is the outcome of one test function.
type TestResult struct {
	Name       string        `json:"name"`
	Part       int           `json:"part"`
	Suite      chapter.Suite `json:"suite"`
	Status     Status        `json:"status"`
	Message    string        `json:"message"`
	Output     string        `json:"output"`
	DurationMS int64         `json:"duration_ms"`
	// File and Line point at the learner's code where the test failed (the
	// line that panicked), or else at the failing check in the test file.
	File string `json:"file"`
	Line int    `json:"line"`
}

// tally fills in the counts and the overall status.
func (r *Report) tally() {
	r.Passed, r.Failed = 0, 0
	for _, t := range r.Tests {
		if t.Status == Pass {
			r.Passed++
		} else {
			r.Failed++
		}
	}
	switch {
	case r.Problem != "":
		r.Status = Error
	case len(r.CompileErrors) > 0 || r.Failed > 0:
		r.Status = Fail
	default:
		r.Status = Pass
	}
}

// Earned reports which parts of the chapter a run earns a star for: a
// part's star needs a run that included all of its full-suite tests, with
// every test of that part in the run passing and the code compiling. Runs
// of the reference solution earn nothing.
func Earned(ch *chapter.Chapter, rep *Report) [2]bool {
	var earned [2]bool
	if rep.Against != "exercise" || len(rep.CompileErrors) > 0 || rep.Problem != "" {
		return earned
	}
	for part := 1; part <= 2; part++ {
		ran := map[string]Status{}
		for _, t := range rep.Tests {
			if t.Part == part {
				ran[t.Name] = t.Status
			}
		}
		ok := len(ran) > 0
		for _, t := range ch.Tests {
			if t.Part != part {
				continue
			}
			st, included := ran[t.Name]
			if (t.Suite == chapter.Full && !included) || (included && st != Pass) {
				ok = false
			}
		}
		earned[part-1] = ok
	}
	return earned
}
