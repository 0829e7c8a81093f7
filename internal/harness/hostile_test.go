package harness_test

import (
	"bytes"
	"context"
	"fmt"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"golang.org/x/tools/txtar"
)

// fixture is a hostile (or unlucky) learner file and what must become of it.
type fixture struct {
	name    string
	chapter string // the chapter whose learner file it is (default 1)
	test    string
	engines []string
	status  map[string]string // by engine ("" for all): alternatives split by |
	message map[string]string // a substring of the test's message, likewise
	output  map[string]string // a substring of the test's output, likewise
	compile map[string]string // "file:line:col substring" of a compile error, likewise (empty: none)
	line    map[string]string // "file:line" the test's result points at, likewise (empty: not checked)
	probe   bool              // the files name $PROBE, a path that must not exist after the run
	files   map[string][]byte
}

func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	paths, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var out []fixture
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fx := fixture{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), chapter: "1", files: map[string][]byte{}, status: map[string]string{}, message: map[string]string{},
			output: map[string]string{}, compile: map[string]string{}, line: map[string]string{}}
		for _, f := range a.Files {
			if f.Name != "want" {
				fx.files[f.Name] = f.Data
				continue
			}
			for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
				key, val, _ := strings.Cut(line, " ")
				key, engine, _ := strings.Cut(key, ".")
				switch key {
				case "chapter":
					fx.chapter = val
				case "test":
					fx.test = val
				case "engines":
					fx.engines = strings.Fields(val)
				case "status":
					fx.status[engine] = val
				case "message":
					fx.message[engine] = val
				case "output":
					fx.output[engine] = val
				case "compile":
					fx.compile[engine] = val
				case "line":
					fx.line[engine] = val
				case "probe":
					fx.probe = true
				default:
					t.Fatalf("%s: unknown want key %q", p, key)
				}
			}
		}
		out = append(out, fx)
	}
	return out
}

// TestHostileLearnerCode runs each fixture as the learner's file of its
// chapter (1 unless it says otherwise) and checks that it ends as stated, never as a pass, within the deadline
// plus 2 s, and that this process is unharmed.
func TestHostileLearnerCode(t *testing.T) {
	const deadline = 1500 * time.Millisecond
	chapters, h := workbook(t, deadline)
	for _, fx := range loadFixtures(t) {
		ch, err := chapter.Lookup(chapters, fx.chapter)
		if err != nil {
			t.Fatalf("%s: %v", fx.name, err)
		}
		for _, engine := range fx.engines {
			t.Run(fx.name+"/"+engine, func(t *testing.T) {
				// The go engine's runs, and the interpreter's that end at
				// the deadline, run side by side. An interpreter run that
				// must finish its work before the deadline (a stack
				// overflow, say) runs alone first: beside others, on two
				// cores under -race, it can miss the deadline.
				if engine == "go" || oneOf("timeout", forEngine(fx.status, engine), false) {
					t.Parallel()
				}
				// Each run's worker has a temporary folder under one of
				// this subtest's, so the workers of this run alone can be
				// counted while others run beside it.
				runTemp := t.TempDir()
				h := &harness.Harness{FS: h.FS, Limits: h.Limits, Engines: map[harness.EngineName]harness.Engine{
					"interp": &interp.Engine{TempDir: runTemp},
					"go":     h.Engines["go"],
				}}
				files := fx.files
				probe := filepath.Join(t.TempDir(), "probe")
				if fx.probe {
					files = map[string][]byte{}
					for name, data := range fx.files {
						files[name] = []byte(strings.ReplaceAll(string(data), "$PROBE", filepath.ToSlash(probe)))
					}
				}
				start := time.Now()
				rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Engine: harness.EngineName(engine), Suite: chapter.Example, Files: files, Tests: []string{fx.test}})
				if err != nil {
					t.Fatalf("Run: %v", err)
				}
				if len(rep.Tests) != 1 {
					t.Fatalf("Run reported %d tests, want 1", len(rep.Tests))
				}
				got := rep.Tests[0]
				t.Logf("%s in %s: status %s, message %q, output %q, compile errors %+v", engine, time.Since(start).Round(time.Millisecond), got.Status, got.Message, clip(got.Output, 300), rep.CompileErrors)
				if want := forEngine(fx.status, engine); !oneOf(string(got.Status), want, false) {
					t.Errorf("status = %s, want %s (message %q)", got.Status, want, got.Message)
				}
				if rep.Status == harness.Pass || got.Status == harness.Pass {
					t.Errorf("a hostile file passed: %+v", got)
				}
				if want := forEngine(fx.message, engine); !oneOf(got.Message, want, true) {
					t.Errorf("message = %q, want it to contain %q", got.Message, want)
				}
				if want := forEngine(fx.output, engine); !strings.Contains(got.Output, want) {
					t.Errorf("output = %q, want it to contain %q", clip(got.Output, 300), want)
				}
				if want := forEngine(fx.line, engine); want != "" && fmt.Sprintf("%s:%d", got.File, got.Line) != want {
					t.Errorf("File:Line = %s:%d, want %s (message %q)", got.File, got.Line, want, got.Message)
				}
				if want := forEngine(fx.compile, engine); want != "" {
					checkCompile(t, rep.CompileErrors, want)
				} else if len(rep.CompileErrors) > 0 {
					t.Errorf("unexpected compile errors: %+v", rep.CompileErrors)
				}
				// By behaviour: whatever the message, nothing was written.
				if _, err := os.Lstat(probe); fx.probe && err == nil {
					t.Errorf("the learner's code wrote %s", probe)
				}
				if engine == "interp" {
					// Any worker of this run alive now is one left behind.
					if n := workerCount(t, runTemp); n != 0 {
						t.Errorf("%d worker processes still running after the run", n)
					}
					if limit := deadline + 2*time.Second + 3*time.Second; time.Since(start) > limit {
						t.Errorf("the run took %s, more than the deadline plus the worker's start", time.Since(start))
					}
				}
			})
		}
	}
}

// clip shortens s for the log, keeping its start and end.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n/2] + " … " + s[len(s)-n/2:]
}

func forEngine(m map[string]string, engine string) string {
	if v, ok := m[engine]; ok {
		return v
	}
	return m[""]
}

// oneOf reports whether got matches one of the |-separated alternatives,
// exactly or (when contains) as a substring.
func oneOf(got, alternatives string, contains bool) bool {
	for _, alt := range strings.Split(alternatives, "|") {
		if got == alt || (contains && strings.Contains(got, alt)) {
			return true
		}
	}
	return false
}

func checkCompile(t *testing.T, errs []harness.CompileError, want string) {
	t.Helper()
	loc, text, _ := strings.Cut(want, " ")
	parts := strings.Split(loc, ":")
	line, _ := strconv.Atoi(parts[1])
	col, _ := strconv.Atoi(parts[2])
	for _, e := range errs {
		if e.File == parts[0] && e.Line == line && e.Col == col && strings.Contains(e.Message, text) {
			return
		}
	}
	t.Errorf("compile errors = %+v, want one at %s containing %q", errs, loc, text)
}

// TestWorkersDoNotOutliveTheRun checks that a timed-out worker's process
// group is gone after the run.
func TestWorkersDoNotOutliveTheRun(t *testing.T) {
	chapters, h := workbook(t, 500*time.Millisecond)
	ch, _ := chapter.Lookup(chapters, "1")
	files := map[string][]byte{"parse.go": []byte("package bank\n\nfunc ParseCommand(line string) (Command, error) {\n\tgo func() {\n\t\tfor {\n\t\t}\n\t}()\n\tfor {\n\t}\n}\n")}
	rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Engine: "interp", Suite: chapter.Example, Files: files})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status == harness.Pass {
		t.Fatal("an endless loop passed")
	}
	if n := workerCount(t, ""); n != 0 {
		t.Errorf("%d worker processes still running after the run", n)
	}
}

// workerCount counts the live child processes of this process; with a
// temp root, only the workers whose temporary folder (TMPDIR) is under it.
func workerCount(t *testing.T, tempRoot string) int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc to inspect")
	}
	n := 0
	self := strconv.Itoa(os.Getpid())
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// Field 4 of /proc/PID/stat is the parent's pid.
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(fields) < 2 || fields[1] != self || fields[0] == "Z" {
			continue
		}
		if tempRoot != "" {
			env, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
			if !bytes.Contains(env, []byte("\x00TMPDIR="+tempRoot+string(filepath.Separator))) && !bytes.HasPrefix(env, []byte("TMPDIR="+tempRoot+string(filepath.Separator))) {
				continue
			}
		}
		n++
	}
	return n
}

// TestWorkerCountSeesARunsWorker: the count the hostile fixtures rely on
// sees a run's worker while it runs, by its temporary folder, and not the
// worker of a run under another folder.
func TestWorkerCountSeesARunsWorker(t *testing.T) {
	chapters, h := workbook(t, 2*time.Second)
	ch, _ := chapter.Lookup(chapters, "1")
	mine, other := t.TempDir(), t.TempDir()
	run := &harness.Harness{FS: h.FS, Limits: h.Limits, Engines: map[harness.EngineName]harness.Engine{"interp": &interp.Engine{TempDir: mine}}}
	files := map[string][]byte{"parse.go": []byte("package bank\n\nfunc ParseCommand(line string) (Command, error) {\n\tfor {\n\t}\n}\n")}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = run.Run(context.Background(), harness.Request{Chapter: ch, Engine: "interp", Suite: chapter.Example, Files: files, Tests: []string{"TestPart1Example"}})
	}()
	seen := false
	for deadline := time.Now().Add(10 * time.Second); !seen && time.Now().Before(deadline); {
		select {
		case <-done:
			deadline = time.Now()
		case <-time.After(20 * time.Millisecond):
			seen = workerCount(t, mine) > 0
		}
	}
	if !seen {
		t.Error("workerCount(mine) never saw the run's worker")
	}
	if n := workerCount(t, other); n != 0 {
		t.Errorf("workerCount(other) = %d during a run under another folder, want 0", n)
	}
	<-done
	if n := workerCount(t, mine); n != 0 {
		t.Errorf("workerCount(mine) = %d after the run, want 0", n)
	}
}
