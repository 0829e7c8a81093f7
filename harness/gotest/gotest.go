// Package gotest is the go engine: it runs a chapter's tests with the go
// tool, exactly as a learner's own `go test` would, with -overlay for the
// reference solution and for unsaved editor buffers. A panic ends a Go test
// binary and hides the tests after it, so the engine runs the binary again
// for the tests that remain until every test has a status.
package gotest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cqrsworkbook/workbook/harness"
	"github.com/cqrsworkbook/workbook/harness/sandbox"
)

// ErrNoToolchain is returned when there is no go command to run.
var ErrNoToolchain = errors.New("the go engine needs the Go toolchain on PATH, as new as the go line of your folder's go.mod: install it from https://go.dev/dl/, or use the interpreter: --engine interp")

// Engine runs tests with the go tool.
type Engine struct {
	// Go is the go command; empty means "go" on PATH.
	Go string
}

// Interpreted is false: the go tool runs all of Go.
func (e *Engine) Interpreted() bool { return false }

func (e *Engine) goCmd() (string, error) {
	name := e.Go
	if name == "" {
		name = "go"
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", ErrNoToolchain
	}
	return p, nil
}

// Run compiles the package once and runs its tests.
func (e *Engine) Run(ctx context.Context, j harness.Job) (harness.Outcome, error) {
	var out harness.Outcome
	goBin, err := e.goCmd()
	if err != nil {
		return out, err
	}
	if j.ModuleDir == "" || j.Dir == "" {
		return out, errors.New("the go engine needs a learner folder on disk (Harness.Workspace)")
	}
	tmp, err := os.MkdirTemp("", "workbook-go-")
	if err != nil {
		return out, err
	}
	defer os.RemoveAll(tmp)

	overlay, err := writeOverlay(tmp, j)
	if err != nil {
		return out, err
	}
	bin := filepath.Join(tmp, "chapter.test")
	rel, err := filepath.Rel(j.ModuleDir, j.Dir)
	if err != nil {
		return out, err
	}
	// The chapter's package is compiled as Go 1.22, the language the
	// interpreter speaks, whatever the exercises module's go line (which
	// its SQLite driver sets): code that passes here must not fail there
	// for using a newer feature such as range over a function.
	pkg := "./" + filepath.ToSlash(rel)
	build := exec.CommandContext(ctx, goBin, "test", "-c", "-vet=off", "-gcflags="+pkg+"=-lang="+LearnerGoVersion, "-overlay", overlay, "-o", bin, pkg)
	build.Dir = j.ModuleDir
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	if msg, err := build.CombinedOutput(); err != nil {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		out.CompileErrors = compileErrors(string(msg), j)
		if len(out.CompileErrors) == 0 {
			return out, fmt.Errorf("go test -c: %v\n%s", err, msg)
		}
		return out, nil
	}
	remaining := j.Tests
	for len(remaining) > 0 && ctx.Err() == nil {
		results, err := runBinary(ctx, goBin, bin, j, remaining)
		if err != nil {
			return out, err
		}
		done := map[string]bool{}
		for _, r := range results {
			done[r.Name] = true
		}
		out.Tests = append(out.Tests, results...)
		timedOut := len(results) > 0 && results[len(results)-1].Status == harness.Timeout
		var next []string
		for _, name := range remaining {
			if !done[name] {
				next = append(next, name)
			}
		}
		if timedOut {
			for _, name := range next {
				out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: harness.Error, Message: harness.AfterTimeout})
			}
			break
		}
		if len(next) == len(remaining) {
			// No progress: report the rest rather than loop.
			for _, name := range next {
				out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: harness.Error, Message: "not run: the test binary stopped before it"})
			}
			break
		}
		remaining = next
	}
	return out, nil
}

// writeOverlay maps every file of the package folder to the job's version.
func writeOverlay(tmp string, j harness.Job) (string, error) {
	replace := map[string]string{}
	entries, err := os.ReadDir(j.Dir)
	if err != nil && !os.IsNotExist(err) {
		return "", err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			replace[filepath.Join(j.Dir, e.Name())] = "" // absent unless the job has it
		}
	}
	src := filepath.Join(tmp, "src")
	if err := os.Mkdir(src, 0o700); err != nil {
		return "", err
	}
	for name, data := range j.Files {
		p := filepath.Join(src, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return "", err
		}
		replace[filepath.Join(j.Dir, name)] = p
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	p := filepath.Join(tmp, "overlay.json")
	return p, os.WriteFile(p, data, 0o600)
}

var goErr = regexp.MustCompile(`(?m)^(\S+?\.go):(\d+):(\d+): (.*)$`)

// LearnerGoVersion is the language version chapter packages are compiled
// with: the Go of yaegi v0.16's standard library.
const LearnerGoVersion = "go1.22"

func compileErrors(out string, j harness.Job) []harness.CompileError {
	var errs []harness.CompileError
	for _, m := range goErr.FindAllStringSubmatch(out, -1) {
		file := m[1]
		if base := filepath.Base(file); j.Files[base] != nil {
			file = base
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		errs = append(errs, harness.CompileError{Kind: "compile", File: file, Line: line, Col: col, Message: m[4]})
	}
	return errs
}

type testEvent struct {
	Action string
	Test   string
	Output string
}

type running struct {
	name    string
	started time.Time
	out     strings.Builder
}

// runBinary runs the compiled tests once and reports those that finished,
// plus the one that was running when the binary died or timed out.
func runBinary(ctx context.Context, goBin, bin string, j harness.Job, tests []string) ([]harness.TestResult, error) {
	quoted := make([]string, len(tests))
	for i, t := range tests {
		quoted[i] = regexp.QuoteMeta(t)
	}
	args := append([]string{"tool", "test2json", "-t", "-p", j.ImportPath, bin, "-test.v=test2json", "-test.paniconexit0", "-test.count=1",
		"-test.run=^(" + strings.Join(quoted, "|") + ")$"}, j.Args...)
	cmd := exec.Command(goBin, args...)
	cmd.Dir = j.Dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMEMLIMIT=%d", j.Limits.MemoryBytes))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// The limits pass from the go command to test2json to the test binary.
	proc, err := sandbox.Start(cmd, limits(j.Limits, len(tests)))
	if err != nil {
		return nil, fmt.Errorf("run the tests: %w", err)
	}
	kill := proc.Kill
	defer kill()

	events := make(chan testEvent, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 8<<20)
		for sc.Scan() {
			var ev testEvent
			if json.Unmarshal(sc.Bytes(), &ev) == nil {
				events <- ev
			}
		}
	}()
	var results []harness.TestResult
	var cur *running
	timer := time.NewTimer(j.Limits.TestTimeout + 30*time.Second)
	defer timer.Stop()
	timedOut := false
loop:
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				break loop
			}
			if ev.Test == "" || strings.Contains(ev.Test, "/") {
				if cur != nil && ev.Action == "output" {
					cur.out.WriteString(ev.Output)
				}
				continue
			}
			switch ev.Action {
			case "run":
				cur = &running{name: ev.Test, started: time.Now()}
				if !timer.Stop() {
					select {
					case <-timer.C:
					default:
					}
				}
				timer.Reset(j.Limits.TestTimeout)
			case "output":
				if cur != nil && cur.name == ev.Test && (cur.out.Len() < 256<<10 || cur.out.Len() < 1<<20 && framework(ev.Output)) {
					cur.out.WriteString(ev.Output)
				}
			case "pass", "fail", "skip":
				if cur != nil && cur.name == ev.Test {
					results = append(results, finish(cur, ev.Action, j))
					cur = nil
				}
			}
		case <-timer.C:
			timedOut = true
			kill()
			break loop
		case <-ctx.Done():
			kill()
			break loop
		}
	}
	kill()
	// The reader ends at the end of the pipe, which the kill brings; drain
	// it first, or it blocks on a full channel for ever.
	for range events {
	}
	waitErr := proc.Wait()
	if cur != nil {
		r := finish(cur, "fail", j)
		switch {
		case timedOut:
			r.Status = harness.Timeout
			r.Message = fmt.Sprintf("timed out after %s: an endless loop, or waiting for something that never happens?", j.Limits.TestTimeout)
		case ctx.Err() != nil:
			r.Message = "not run: the run was cancelled"
			r.Status = harness.Error
		case r.Status != harness.Error:
			r.Status = harness.Error
			r.Message = "the program exited in the middle of the test: log.Fatal and os.Exit end the whole run"
		}
		results = append(results, r)
	}
	if waitErr != nil || timedOut {
		// The binary failed, so some test failed; a "pass" may be a line the
		// learner's code printed that imitates the framework's own (test2json
		// cannot tell them apart). Only an exit status says for sure.
		for i := range results {
			if results[i].Status == harness.Pass && ctx.Err() == nil && !passesAlone(ctx, bin, j, results[i].Name) {
				results[i].Status = harness.Fail
				results[i].Message = strings.TrimSpace(results[i].Message + "\nthe test failed when run on its own (a line it printed looked like a pass, which does not count)")
			}
		}
	}
	return results, nil
}

// passesAlone runs one test in the binary, output discarded, and reports
// whether it passed: exit status 0, within the deadline.
func passesAlone(ctx context.Context, bin string, j harness.Job, test string) bool {
	args := append([]string{"-test.paniconexit0", "-test.count=1", "-test.run=^" + regexp.QuoteMeta(test) + "$"}, j.Args...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = j.Dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMEMLIMIT=%d", j.Limits.MemoryBytes))
	proc, err := sandbox.Start(cmd, limits(j.Limits, 1))
	if err != nil {
		return false
	}
	exited := make(chan error, 1)
	go func() { exited <- proc.Wait() }()
	timer := time.NewTimer(j.Limits.TestTimeout + time.Second)
	defer timer.Stop()
	select {
	case err := <-exited:
		return err == nil
	case <-timer.C:
	case <-ctx.Done():
	}
	proc.Kill()
	<-exited
	return false
}

// framework reports whether a line of output may be the testing framework's
// (a result, a logged message, a panic), kept past the cap on what a test
// prints so that a flood of output does not hide how the test ended.
func framework(line string) bool {
	for _, p := range []string{"--- ", "    ", "panic: ", "fatal error: "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// limits bound a test binary running the given number of tests: memory,
// and CPU time for each test's deadline; on Windows the go command,
// test2json and the binary share one job.
func limits(l harness.Limits, tests int) sandbox.Limits {
	return sandbox.Limits{MemoryBytes: l.MemoryBytes, CPU: time.Duration(tests+1)*l.TestTimeout + 10*time.Second, Processes: 4}
}

var (
	panicStart = regexp.MustCompile(`(?m)^panic: (.*?)( \[recovered[^\]]*\])?$`)
	fatal      = regexp.MustCompile(`(?m)^fatal error: (.*)$`)
)

// finish turns a test's verbose output into its result.
func finish(r *running, action string, j harness.Job) harness.TestResult {
	res := harness.TestResult{Name: r.name, DurationMS: time.Since(r.started).Milliseconds()}
	all := r.out.String()
	var msg, output []string
	inPanic := false
	for _, line := range strings.SplitAfter(all, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		switch {
		case trimmed == "":
			if !inPanic {
				output = append(output, line)
			}
		case strings.HasPrefix(trimmed, "=== "), strings.HasPrefix(trimmed, "--- PASS: "+r.name+" ("),
			strings.HasPrefix(trimmed, "--- FAIL: "+r.name+" ("), strings.HasPrefix(trimmed, "--- SKIP: "+r.name+" ("):
		case strings.HasPrefix(trimmed, "panic: "), strings.HasPrefix(trimmed, "fatal error: "), inPanic:
			inPanic = true
		case strings.HasPrefix(trimmed, "    "):
			msg = append(msg, strings.TrimPrefix(trimmed, "    "))
		default:
			output = append(output, line)
		}
	}
	res.Message = strings.Join(msg, "\n")
	res.Output = strings.Join(output, "")
	if len(res.Output) > j.Limits.OutputBytes {
		res.Output = res.Output[:j.Limits.OutputBytes] + fmt.Sprintf("\n… output cut: %d more bytes not shown", len(res.Output)-j.Limits.OutputBytes)
	}
	switch action {
	case "pass":
		res.Status = harness.Pass
	case "skip":
		res.Status = harness.Fail
		res.Message = "the test was skipped: in the workbook every test must run"
	default:
		res.Status = harness.Fail
	}
	reported := strings.Contains(all, "--- PASS: "+r.name+" (") || strings.Contains(all, "--- FAIL: "+r.name+" (") || strings.Contains(all, "--- SKIP: "+r.name+" (")
	if m := panicStart.FindStringSubmatch(all); m != nil {
		res.Status = harness.Error
		res.Message = strings.TrimSpace(res.Message + "\npanic: " + m[1])
		res.File, res.Line = harness.StackLocation(all[strings.Index(all, m[0]):], j.Files)
		if strings.Contains(all, "goroutine stack exceeds") {
			res.Message = "stack overflow: a function called itself without end (or far too deep)"
		}
	} else if m := fatal.FindStringSubmatch(all); m != nil {
		res.Status = harness.Error
		switch {
		case strings.Contains(m[1], "stack overflow"):
			res.Message = "stack overflow: a function called itself without end (or far too deep)"
		case strings.Contains(m[1], "out of memory"):
			res.Message = "out of memory: the code asked for more memory than the workbook allows"
		default:
			res.Message = "the program crashed: fatal error: " + m[1]
		}
	} else if !reported && action != "pass" {
		res.Status = harness.Error
		res.Message = strings.TrimSpace(res.Message + "\nthe program exited in the middle of the test: log.Fatal and os.Exit end the whole run")
	}
	return res
}
