package main

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/fixture"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/supportsyms"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets this test binary serve as the interpreter's worker, as the
// real binary does, and as the workbook command of the CLI scripts
// (testdata/script), which testscript starts as a copy of this binary.
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain(supportsyms.Table()))
	}
	// Under -race, the race runtime sleeps a second before a process
	// exits, to let other goroutines report; every worker and command a
	// test starts would wait it out. Races are still reported as they
	// happen, and a child that found one still exits non-zero.
	if os.Getenv("GORACE") == "" {
		os.Setenv("GORACE", "atexit_sleep_ms=0")
	}
	testscript.Main(cliTests{m}, map[string]func(){"workbook": scriptMain})
}

// curriculumEnv, set in a script, makes its workbook the real one: the
// scripts that prove what the curriculum's own folder holds.
const curriculumEnv = "WORKBOOK_TEST_CURRICULUM"

// scriptMain is the workbook as the scripts run it: the binary alone,
// with the fixture workbook built in (two short days, so a script's runs
// take little time), or the curriculum if the script sets curriculumEnv.
func scriptMain() {
	if os.Getenv(curriculumEnv) == "" {
		builtIn = fixture.FS
	}
	main()
}

// cliTests runs the tests of this package in the clone, each learner
// folder their own, not work/.
type cliTests struct{ m *testing.M }

func (c cliTests) Run() int {
	root, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	os.Setenv("WORKBOOK_ROOT", root)
	ws, err := os.MkdirTemp("", "workbook-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("WORKBOOK_WORKSPACE", ws)
	defer os.RemoveAll(ws)
	return c.m.Run()
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"test"}, "test takes one CHAPTER"},
		{[]string{"test", "99"}, `no such chapter "99"`},
		{[]string{"test", "1", "--suite", "most"}, `unknown suite "most"`},
		{[]string{"test", "1", "--engine", "jvm"}, `unknown engine "jvm"`},
		{[]string{"test", "1", "--against", "oracle"}, `--against "oracle"`},
		{[]string{"test", "1", "--colour"}, "flag provided but not defined: -colour"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	code, out, stderr := runCLI(t, "list", "--json")
	if code != exitOK {
		t.Fatalf("list --json = %d: %s", code, stderr)
	}
	var chapters []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(out), &chapters); err != nil {
		t.Fatalf("list --json printed %q: %v", out, err)
	}
	if len(chapters) < 3 || chapters[0].ID != "01-commands" || chapters[0].Title == "" {
		t.Errorf("list --json = %+v, want chapters starting with 01-commands", chapters)
	}
	code, out, _ = runCLI(t, "list")
	if code != exitOK || !strings.Contains(out, "01-commands") {
		t.Errorf("list = %d, %q", code, out)
	}
}

// TestTestCommand is the CLI contract: the solution passes every test in
// both engines with exit 0, the stub exits 1 with the example tests failing
// on the TODO message, and --json prints one report.
func TestTestCommand(t *testing.T) {
	for _, engine := range harness.EngineNames {
		code, out, stderr := runCLI(t, "test", "1", "--against", "solution", "--engine", engine.String(), "--json")
		if code != exitOK {
			t.Fatalf("test 1 --against solution --engine %s = %d: %s%s", engine, code, out, stderr)
		}
		rep := decode(t, out)
		if rep.Status != harness.Pass || rep.Failed != 0 || rep.Passed == 0 || rep.Engine != engine || rep.Against != "solution" {
			t.Errorf("test 1 --against solution --engine %s: status %s, %d passed, %d failed", engine, rep.Status, rep.Passed, rep.Failed)
		}

		code, out, _ = runCLI(t, "test", "01", "--engine", engine.String(), "--suite", "example", "--json")
		if code != exitFail {
			t.Errorf("test 01 (the stub) --engine %s = %d, want %d", engine, code, exitFail)
		}
		rep = decode(t, out)
		for _, tr := range rep.Tests {
			if tr.Suite != "example" || tr.Status == harness.Pass || !strings.Contains(tr.Message, "TODO(ch01)") {
				t.Errorf("stub --engine %s: %s %s %s %q, want an example test failing on TODO(ch01)", engine, tr.Name, tr.Suite, tr.Status, tr.Message)
			}
		}
	}
	code, out, _ := runCLI(t, "test", "01-commands", "--suite", "example")
	if code != exitFail || !strings.Contains(out, "TODO(ch01)") || !strings.Contains(out, "passed, ") {
		t.Errorf("test 01-commands (text) = %d:\n%s", code, out)
	}
}

func decode(t *testing.T, out string) harness.Report {
	t.Helper()
	var rep harness.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, out)
	}
	return rep
}

// TestTerminalWorkflow walks the terminal commands over one workspace:
// hints come one at a time and are remembered, the solution waits for the
// star unless forced, a passing run earns stars that progress shows, and
// reset puts the stub back while keeping the code in the history.
func TestTerminalWorkflow(t *testing.T) {
	ws := t.TempDir()
	t.Setenv("WORKBOOK_WORKSPACE", ws)

	_, out, _ := runCLI(t, "hint", "1")
	if !strings.Contains(out, "hint 1 of 3") {
		t.Errorf("hint 1 = %q, want the first hint", out)
	}
	_, out, _ = runCLI(t, "hint", "1")
	if !strings.Contains(out, "hint 2 of 3") {
		t.Errorf("second hint 1 = %q, want the second hint", out)
	}
	if code, _, stderr := runCLI(t, "solution", "1"); code == exitOK || !strings.Contains(stderr, "has not passed yet") {
		t.Errorf("solution before the star = %d %q, want a refusal", code, stderr)
	}
	if code, out, _ := runCLI(t, "solution", "1", "--force"); code != exitOK || !strings.Contains(out, "func ParseCommand") {
		t.Errorf("solution --force = %d, want the reference code", code)
	}

	// Solve chapter 1 in the workspace, then run it.
	root, _ := filepath.Abs("../..")
	for _, name := range []string{"parse.go", "validate.go"} {
		data, err := os.ReadFile(filepath.Join(root, "solutions", "01-commands", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ws, "01-commands", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := runCLI(t, "test", "1")
	if code != exitOK || !strings.Contains(out, "You earned a star for Part 1") || !strings.Contains(out, "You earned a star for Part 2") {
		t.Errorf("test 1 on a solved workspace = %d:\n%s", code, out)
	}
	_, out, _ = runCLI(t, "progress")
	if !strings.Contains(out, "★ 2/") || !strings.Contains(out, "★★  Commands are intentions") {
		t.Errorf("progress = %q, want day 1 with both stars", out)
	}
	if code, _, _ := runCLI(t, "solution", "1"); code != exitOK {
		t.Errorf("solution after the star = %d, want 0", code)
	}

	if code, out, _ := runCLI(t, "reset", "1", "parse.go"); code != exitOK || !strings.Contains(out, "to the stub") {
		t.Errorf("reset 1 parse.go = %d %q", code, out)
	}
	data, _ := os.ReadFile(filepath.Join(ws, "01-commands", "parse.go"))
	if !strings.Contains(string(data), "TODO(ch01)") {
		t.Errorf("after reset parse.go = %q, want the stub", data)
	}
	history, _ := filepath.Glob(filepath.Join(ws, ".workbook", "history", "01-commands", "parse.go", "*-reset.go.txt"))
	if len(history) != 1 {
		t.Errorf("history after reset = %v, want the solved code kept once", history)
	}
}

// TestRead prints a chapter for the terminal: the code its prose refers
// to filled in, no front matter (no hints, no facilitator's notes), and
// Part 2 only once Part 1 has its star or with --all.
func TestRead(t *testing.T) {
	t.Setenv("WORKBOOK_WORKSPACE", t.TempDir())
	code, out, stderr := runCLI(t, "read", "1")
	if code != exitOK {
		t.Fatalf("read 1 = %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"# Day 1:", "## Part 1", "### Worked example", "// chapters/01-commands/examples/", "Part 2 opens when Part 1 passes",
		"Run it in your workbook folder: `workbook test 1`"} { // the terminal's note ends the puzzle
		if !strings.Contains(out, want) {
			t.Errorf("read 1: no %q in the output", want)
		}
	}
	for _, spoiler := range []string{"## Part 2", "hints:", "facilitator:", "```go file=", "**Run example**"} {
		if strings.Contains(out, spoiler) {
			t.Errorf("read 1: %q in the output", spoiler)
		}
	}
	code, out, _ = runCLI(t, "read", "1", "--all")
	if code != exitOK || !strings.Contains(out, "## Part 2") || !strings.Contains(out, "## In the wild") || strings.Count(out, "`go test ./01-commands/`") != 2 {
		t.Errorf("read 1 --all = %d, want Part 2, In the wild and both puzzles' notes in %d bytes", code, len(out))
	}
}

// TestOneBrokenChapterDoesNotBlockAnother: an author checking chapter 1
// goes on while another chapter is half-written, with a warning naming
// it; checking everything still refuses.
func TestOneBrokenChapterDoesNotBlockAnother(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"chapters/01-commands", "exercises/01-commands", "exercises/puzzle", "solutions/01-commands"} {
		copyDir(t, filepath.Join("..", "..", d), filepath.Join(root, d))
	}
	for _, f := range []string{"exercises/learner.mod", "exercises/learner.sum"} {
		copyDir(t, filepath.Join("..", "..", f), filepath.Join(root, f))
	}
	if err := os.MkdirAll(filepath.Join(root, "chapters", "02-half-written"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("WORKBOOK_ROOT", root)
	t.Setenv("WORKBOOK_WORKSPACE", t.TempDir())

	code, out, stderr := runCLI(t, "check", "--static", "1")
	if code != exitOK || !strings.Contains(out, "ok    01-commands") || !strings.Contains(out, "02-half-written") {
		t.Errorf("check --static 1 beside a broken chapter = %d, stdout %q, stderr %q; want ok for 01 and a warning naming 02", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "check", "--static")
	if code == exitOK || !strings.Contains(stderr, "02-half-written") {
		t.Errorf("check --static (everything) beside a broken chapter = %d, stderr %q; want a failure naming 02", code, stderr)
	}
	code, _, stderr = runCLI(t, "check", "--static", "2")
	if code == exitOK || !strings.Contains(stderr, "02-half-written") {
		t.Errorf("check --static 2 (the broken one) = %d, stderr %q; want a failure naming its problem", code, stderr)
	}
}

// copyDir copies a file or a folder tree.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReportPaths: a run of the reference solution names its learner files
// in solutions/ and the day's other files where they are, in exercises/.
func TestReportPaths(t *testing.T) {
	ch := &chapter.Chapter{Meta: chapter.Meta{ID: "06-projections", LearnerFiles: []string{"screen.go"}}}
	tests := []struct {
		v    reportView
		file string
		want string
	}{
		{reportView{ch: ch, dir: "solutions/06-projections", solution: true}, "screen.go", "solutions/06-projections/screen.go"},
		{reportView{ch: ch, dir: "solutions/06-projections", solution: true}, "puzzle_test.go", "exercises/06-projections/puzzle_test.go"},
		{reportView{ch: ch, dir: "work/06-projections"}, "puzzle_test.go", "work/06-projections/puzzle_test.go"},
	}
	for _, tt := range tests {
		if got := tt.v.path(tt.file); got != tt.want {
			t.Errorf("reportView{dir: %q, solution: %v}.path(%q) = %q, want %q", tt.v.dir, tt.v.solution, tt.file, got, tt.want)
		}
	}
}
