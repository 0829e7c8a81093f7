package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/harness"
	"github.com/cqrsworkbook/workbook/harness/interp"
)

// TestMain lets this test binary serve as the interpreter's worker, as the
// real binary does.
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain())
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	os.Setenv("WORKBOOK_ROOT", root)
	// The learner's workspace of these tests is their own, not work/.
	ws, err := os.MkdirTemp("", "workbook-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("WORKBOOK_WORKSPACE", ws)
	code := m.Run()
	os.RemoveAll(ws)
	os.Exit(code)
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
	for _, engine := range []string{"interp", "go"} {
		code, out, stderr := runCLI(t, "test", "1", "--against", "solution", "--engine", engine, "--json")
		if code != exitOK {
			t.Fatalf("test 1 --against solution --engine %s = %d: %s%s", engine, code, out, stderr)
		}
		rep := decode(t, out)
		if rep.Status != harness.Pass || rep.Failed != 0 || rep.Passed == 0 || rep.Engine != engine || rep.Against != "solution" {
			t.Errorf("test 1 --against solution --engine %s: status %s, %d passed, %d failed", engine, rep.Status, rep.Passed, rep.Failed)
		}

		code, out, _ = runCLI(t, "test", "01", "--engine", engine, "--suite", "example", "--json")
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
