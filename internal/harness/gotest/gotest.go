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
	"sync"
	"sync/atomic"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/sandbox"
)

// ErrNoToolchain is returned when there is no go command to run.
var ErrNoToolchain = errors.New("the go engine needs the Go toolchain on PATH, as new as the go line of your folder's go.mod: install it from https://go.dev/dl/, or use the interpreter engine, which needs nothing installed")

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
	if j.Module["go.mod"] == nil {
		return out, errors.New("the go engine needs the learner module's files (Harness.FS)")
	}
	// Everything of the run lives in one private folder, removed whatever
	// the outcome: the module it builds, the go tool's scratch files, and
	// the test binary's temporary files.
	tmp, err := os.MkdirTemp("", "workbook-go-")
	if err != nil {
		return out, err
	}
	defer os.RemoveAll(tmp)
	r := &run{tmp: tmp, mod: filepath.Join(tmp, "mod"), goBin: goBin}
	if err := r.writeModule(j); err != nil {
		return out, err
	}
	env, err := r.env()
	if err != nil {
		return out, err
	}
	r.environ = env

	bin := filepath.Join(tmp, "chapter.test")
	// The chapter's package is compiled as Go 1.22, the language the
	// interpreter speaks, whatever the exercises module's go line (which
	// its SQLite driver sets): code that passes here must not fail there
	// for using a newer feature such as range over a function.
	pkg := "./" + j.Chapter
	// -ldflags=-w leaves out the debugger's DWARF tables, which a test run
	// never reads (panics and failures take their lines from the binary's
	// own tables); it saves a fifth of every build.
	build := exec.CommandContext(ctx, goBin, "test", "-c", "-vet=off", "-gcflags="+pkg+"=-lang="+LearnerGoVersion, "-ldflags=-w", "-o", bin, pkg)
	build.Dir = r.mod
	build.Env = env
	if msg, err := build.CombinedOutput(); err != nil {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if bytes.Contains(msg, []byte("GOPROXY=off")) {
			return out, fmt.Errorf("%w\n%s", ErrMissingModules, msg)
		}
		out.CompileErrors = compileErrors(string(msg), j)
		if len(out.CompileErrors) == 0 {
			return out, fmt.Errorf("go test -c: %v\n%s", err, msg)
		}
		return out, nil
	}
	remaining := j.Tests
	for len(remaining) > 0 && ctx.Err() == nil {
		results, err := runBinary(ctx, r, bin, j, remaining)
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
	out.FileLimit = harness.ReachedFileLimit(r.scratch(), j.Limits.FileBytes)
	out.FolderLimit = r.overFolder.Load()
	return out, nil
}

// ErrMissingModules: the go engine builds offline, from the Go module
// cache, and a module the learner's module needs is not in it.
var ErrMissingModules = errors.New("the go engine builds without the network, and your Go module cache lacks a module the workbook needs: run 'go mod download' once in your workbook folder")

// run is one run's private folder: the module built in it and the go
// command that builds it.
type run struct {
	tmp, mod, goBin string
	environ         []string // see env
	// overFolder is set once a test binary was ended because the files
	// in scratch outgrew the run's cap.
	overFolder atomic.Bool
}

// scratch is the test binary's temporary folder.
func (r *run) scratch() string { return filepath.Join(r.tmp, "scratch") }

// limits bound a test binary running the given number of tests: memory,
// CPU time for each test's deadline, the size of each file and of all of
// them in scratch; on Windows the go command, test2json and the binary
// share one job.
func (r *run) limits(l harness.Limits, tests int) sandbox.Limits {
	return sandbox.Limits{MemoryBytes: l.MemoryBytes, CPU: time.Duration(tests+1)*l.TestTimeout + 10*time.Second, Processes: 4,
		FileBytes: l.FileBytes, Folder: r.scratch(), FolderBytes: l.FolderBytes}
}

// testCmd is cmd set to run in the day's folder of the run's module, with
// the run's environment and the memory limit.
func (r *run) testCmd(cmd *exec.Cmd, j harness.Job) *exec.Cmd {
	cmd.Dir = filepath.Join(r.mod, j.Chapter)
	cmd.Env = append(append([]string(nil), r.environ...), fmt.Sprintf("GOMEMLIMIT=%d", j.Limits.MemoryBytes))
	return cmd
}

// writeModule writes the module the run builds: the learner module's
// pristine files (go.mod, go.sum, the support packages) and the day's
// package, which is the job's files and nothing else, so no assembly,
// cgo, syso or vendor folder from anywhere can join the build.
func (r *run) writeModule(j harness.Job) error {
	write := func(rel string, data []byte) error {
		p := filepath.Join(r.mod, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o600)
	}
	for rel, data := range j.Module {
		if err := write(rel, data); err != nil {
			return err
		}
	}
	for name, data := range j.Files {
		if !strings.HasSuffix(name, ".go") || strings.ContainsAny(name, `/\`) {
			return fmt.Errorf("the go engine builds Go files of the day only, not %q", name)
		}
		if err := write(j.Chapter+"/"+name, data); err != nil {
			return err
		}
	}
	return nil
}

// env is the go command's whole environment, and the test binary's: none
// of the user's variables but where the toolchain's caches are, offline,
// without cgo, with flags and settings of the workbook's choosing only,
// and temporary files in the run's folder.
func (r *run) env() ([]string, error) {
	caches, err := goCaches(r.goBin)
	if err != nil {
		return nil, err
	}
	scratch := r.scratch()
	if err := os.Mkdir(scratch, 0o700); err != nil {
		return nil, err
	}
	env := append(caches,
		"GOENV=off", "GOWORK=off", "GOFLAGS=-mod=readonly", "GOTOOLCHAIN=local", "CGO_ENABLED=0",
		"GOPROXY=off", "GOSUMDB=off", "GOTELEMETRY=off",
		"TMPDIR="+scratch, "TMP="+scratch, "TEMP="+scratch, "GOTMPDIR="+scratch)
	for _, k := range []string{"SystemRoot", "WORKBOOK_POSTGRES_URL", "CI"} { // Windows needs SystemRoot
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env, nil
}

var (
	cachesMu sync.Mutex
	caches   = map[string][]string{}
)

// goCaches is where the go command at goBin keeps its build and module
// caches (and GOROOT), as the user's own settings say, asked once.
func goCaches(goBin string) ([]string, error) {
	cachesMu.Lock()
	defer cachesMu.Unlock()
	if c, ok := caches[goBin]; ok {
		return c, nil
	}
	out, err := exec.Command(goBin, "env", "-json", "GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	var vals map[string]string
	if err := json.Unmarshal(out, &vals); err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	var env []string
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"} {
		if vals[k] != "" {
			env = append(env, k+"="+vals[k])
		}
	}
	caches[goBin] = env
	return env, nil
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
func runBinary(ctx context.Context, r *run, bin string, j harness.Job, tests []string) ([]harness.TestResult, error) {
	quoted := make([]string, len(tests))
	for i, t := range tests {
		quoted[i] = regexp.QuoteMeta(t)
	}
	args := append([]string{"tool", "test2json", "-t", "-p", j.ImportPath, bin, "-test.v=test2json", "-test.paniconexit0", "-test.count=1",
		"-test.run=^(" + strings.Join(quoted, "|") + ")$"}, j.Args...)
	cmd := r.testCmd(exec.Command(r.goBin, args...), j)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// The limits pass from the go command to test2json to the test binary.
	proc, err := sandbox.Start(cmd, r.limits(j.Limits, len(tests)))
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
	if proc.OverFolder() {
		r.overFolder.Store(true)
	}
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
			if results[i].Status == harness.Pass && ctx.Err() == nil && !passesAlone(ctx, r, bin, j, results[i].Name) {
				results[i].Status = harness.Fail
				results[i].Message = strings.TrimSpace(results[i].Message + "\nthe test failed when run on its own (a line it printed looked like a pass, which does not count)")
			}
		}
	}
	return results, nil
}

// passesAlone runs one test in the binary, output discarded, and reports
// whether it passed: exit status 0, within the deadline.
func passesAlone(ctx context.Context, r *run, bin string, j harness.Job, test string) bool {
	args := append([]string{"-test.paniconexit0", "-test.count=1", "-test.run=^" + regexp.QuoteMeta(test) + "$"}, j.Args...)
	cmd := r.testCmd(exec.Command(bin, args...), j)
	proc, err := sandbox.Start(cmd, r.limits(j.Limits, 1))
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
