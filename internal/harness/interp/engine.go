package interp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/sandbox"
)

// Engine runs tests in yaegi worker processes.
type Engine struct {
	// Exe is the program started as a worker: a binary whose main calls
	// WorkerMain when IsWorker is true. Empty means this program.
	Exe string
	// StartGrace is how long a worker may take to load the package, beyond
	// the test deadline.
	StartGrace time.Duration
	// TempDir is where each run's private folder is made, the worker's
	// TMPDIR; empty means the system's temporary folder.
	TempDir string
}

// Interpreted is true: the preflight checks for the interpreter's gaps.
func (e *Engine) Interpreted() bool { return true }

// Run runs the job's tests, in as many workers as it takes for every test to
// get a status, and says each panic as go test would, at its line (see
// place).
func (e *Engine) Run(ctx context.Context, j harness.Job) (harness.Outcome, error) {
	panics := map[string]*panicReport{}
	out, err := e.runAll(ctx, j, panics)
	if err != nil {
		return out, err
	}
	e.place(ctx, j, panics)
	for i := range out.Tests {
		r := &out.Tests[i]
		if p := panics[r.Name]; p != nil {
			r.Message = strings.TrimSpace(joinNonEmpty(r.Message, p.text()))
			r.File, r.Line = p.File, p.Line
		}
	}
	return out, nil
}

// text is the panic as the test's message ends with it.
func (p *panicReport) text() string {
	s := "panic: " + p.Message
	if !p.Exact && p.Func != "" && !strings.HasPrefix(p.Message, "TODO(") {
		s += fmt.Sprintf("\n(in %s, at or after line %d: the interpreter knows the function, not the exact line; the go engine shows the line)", p.Func, p.Line)
	}
	return s
}

// place puts each runtime error that the interpreter could place only in
// its function at its line, in go test's words, with one locate run (see
// instrument) of the tests that had one; a test that does not panic the
// same way there keeps what the first run said. A failed type assertion,
// which yaegi places itself, gets go test's words from the source's types.
func (e *Engine) place(ctx context.Context, j harness.Job, panics map[string]*panicReport) {
	var targets []target
	var tests []string
	for _, name := range j.Tests {
		p := panics[name]
		switch {
		case p == nil:
		case p.Kind == faultAssert && p.Exact:
			p.Message = assertWords(j.Files, p.File, p.Line, p.Col, p.Message)
		case !p.Exact && locatable(p.Kind) && p.Col > 0:
			targets = append(targets, target{File: p.File, Line: p.Line, Col: p.Col, Kind: p.Kind})
			tests = append(tests, name)
		}
	}
	if len(tests) == 0 || ctx.Err() != nil {
		return
	}
	files, ok := instrument(j.Files, targets)
	if !ok {
		return
	}
	lj := j
	lj.Files = files
	a, err := e.attempt(ctx, lj, tests, true)
	if err != nil {
		return
	}
	for name, q := range a.panics {
		if p := panics[name]; p != nil && q.Exact && q.Kind == p.Kind {
			msg := p.Message
			*p = *q
			if p.Kind == faultPanic {
				p.Message = msg // the learner's value, which the check does not see
			}
		}
	}
}

// runAll runs the job's tests and keeps their panics by test name.
func (e *Engine) runAll(ctx context.Context, j harness.Job, panics map[string]*panicReport) (harness.Outcome, error) {
	var out harness.Outcome
	remaining := j.Tests
	for len(remaining) > 0 {
		a, err := e.attempt(ctx, j, remaining, false)
		if err != nil {
			return out, err
		}
		for name, p := range a.panics {
			panics[name] = p
		}
		out.Tests = append(out.Tests, a.results...)
		out.FileLimit = out.FileLimit || a.fileLimit
		out.FolderLimit = out.FolderLimit || a.folderLimit
		if len(a.compile) > 0 {
			out.CompileErrors = a.compile
			return out, nil
		}
		if len(a.results) == 0 {
			// The worker died before any test: every test shares its fate.
			for _, name := range remaining {
				out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: harness.Error, Message: a.failure, Output: a.stderr})
			}
			return out, nil
		}
		remaining = remaining[len(a.results):]
		if last := a.results[len(a.results)-1]; last.Status == harness.Timeout {
			for _, name := range remaining {
				out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: harness.Error, Message: harness.AfterTimeout})
			}
			return out, nil
		}
		if ctx.Err() != nil {
			for _, name := range remaining {
				out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: harness.Error, Message: "not run: the run was cancelled"})
			}
			return out, nil
		}
	}
	return out, nil
}

type attempt struct {
	results   []harness.TestResult    // in order, a prefix of the tests asked for
	panics    map[string]*panicReport // the tests' panics, by name
	compile   []harness.CompileError
	failure   string // why the worker ended early, if it did
	stderr    string
	fileLimit bool // a file of the attempt reached the file-size limit
	// folderLimit: the attempt's files outgrew the folder's cap
	folderLimit bool
}

// attempt runs tests in one worker; locate makes it a locate run, whose
// files call the checks.
func (e *Engine) attempt(ctx context.Context, j harness.Job, tests []string, locate bool) (*attempt, error) {
	exe := e.Exe
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("find the workbook binary to start a worker: %w", err)
		}
	}
	payload, err := json.Marshal(job{
		ImportPath: j.ImportPath, Files: j.Files, Support: j.Support, Tests: tests, Args: j.Args,
		Limits: j.Limits, RunBudget: time.Duration(len(tests)+1) * j.Limits.TestTimeout, Locate: locate,
	})
	if err != nil {
		return nil, err
	}
	// The worker's temporary files (the tests' t.TempDir, the capstone's
	// SQLite files) go in a folder of this attempt's, which this process
	// removes however the worker ended: a worker killed at its deadline
	// runs no cleanup of its own.
	scratch, err := os.MkdirTemp(e.TempDir, "workbook-run-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	cmd := exec.Command(exe)
	cmd.Env = append(minimalEnv(scratch), WorkerEnv+"=1")
	pr, pw, err := sandbox.ResultsPipe(cmd)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	// The job goes on stdin, which stays open while the worker runs: the
	// worker ends itself when it closes, so it cannot outlive this process.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		pw.Close()
		return nil, err
	}
	stdout := &capped{limit: j.Limits.RunOutputBytes}
	stderr := &capped{limit: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	proc, err := sandbox.Start(cmd, sandbox.Limits{MemoryBytes: j.Limits.MemoryBytes, Processes: 1,
		Folder: scratch, FolderBytes: j.Limits.FolderBytes})
	pw.Close()
	if err != nil {
		return nil, fmt.Errorf("start a worker: %w", err)
	}
	go func() {
		// A worker that dies before reading it all ends this write.
		_, _ = stdin.Write(payload)
	}()
	kill := proc.Kill

	events := make(chan event, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 1<<20), 8<<20)
		for sc.Scan() {
			var ev event
			if json.Unmarshal(sc.Bytes(), &ev) == nil {
				events <- ev
			}
		}
	}()

	a := &attempt{panics: map[string]*panicReport{}}
	grace := e.StartGrace
	if grace == 0 {
		grace = 10 * time.Second
	}
	timer := time.NewTimer(j.Limits.TestTimeout + grace)
	defer timer.Stop()
	var current string
	var started time.Time
	index := map[string]int{}
	finished := false
	timedOut, cancelled := false, false
loop:
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				break loop
			}
			switch ev.Type {
			case "compile":
				a.compile = ev.Errors
				finished = true
			case "loaded":
				resetTimer(timer, j.Limits.TestTimeout)
			case "start":
				current, started = ev.Test, time.Now()
				resetTimer(timer, j.Limits.TestTimeout)
			case "end":
				index[ev.Test] = len(a.results)
				a.end(ev)
				current = ""
			case "message":
				if i, ok := index[ev.Test]; ok {
					r := &a.results[i]
					r.Message = strings.TrimSpace(joinNonEmpty(r.Message, ev.Message))
				}
			case "done":
				finished = true
				kill()
			}
		case <-timer.C:
			timedOut = true
			kill()
			break loop
		case <-ctx.Done():
			cancelled = true
			kill()
			break loop
		}
	}
	kill()
	// Drain what is left, so a late "end" is not lost and the reader ends.
	for ev := range events {
		if ev.Type == "end" && current == ev.Test {
			a.end(ev)
			current = ""
		}
	}
	waitErr := proc.Wait()
	a.fileLimit = harness.ReachedFileLimit(scratch, j.Limits.FileBytes)
	a.folderLimit = proc.OverFolder()
	if proc.OverMemory() {
		a.stderr = "out of memory"
	}
	a.stderr += stderr.String()
	if finished && !timedOut {
		return a, nil
	}
	why := ""
	status := harness.Error
	switch {
	case cancelled:
		why = "cancelled"
	case timedOut && current != "":
		status = harness.Timeout
		why = fmt.Sprintf("timed out after %s: an endless loop, or waiting for something that never happens?", j.Limits.TestTimeout)
	case timedOut:
		why = "the worker did not finish loading the code in time (an endless loop in a package-level variable or init?)"
	default:
		why = crashReason(a.stderr, waitErr)
	}
	a.failure = why
	if current != "" {
		r := harness.TestResult{Name: current, Status: status, Message: why, DurationMS: time.Since(started).Milliseconds()}
		if status != harness.Timeout && !classified(why) {
			r.Output = tail(a.stderr, 4<<10)
		}
		a.results = append(a.results, r)
	} else if len(a.results) < len(tests) && len(a.results) > 0 {
		// Died between tests: blame the next one so the run moves on.
		r := harness.TestResult{Name: tests[len(a.results)], Status: status, Message: why}
		if !classified(why) {
			r.Output = tail(a.stderr, 4<<10)
		}
		a.results = append(a.results, r)
	}
	return a, nil
}

// end keeps a test's result, and its panic apart from its message.
func (a *attempt) end(ev event) {
	a.results = append(a.results, harness.TestResult{Name: ev.Test, Status: ev.Status, Message: ev.Message,
		Output: ev.Output, DurationMS: ev.DurationMS, File: ev.File, Line: ev.Line})
	if ev.Panic != nil {
		a.panics[ev.Test] = ev.Panic
	}
}

func resetTimer(t *time.Timer, d time.Duration) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
	t.Reset(d)
}

func joinNonEmpty(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "\n" + b
}

// raceOutOfMemory reports whether a worker built with the race detector
// reached the memory limit: the race runtime's shadow memory then cannot be
// mapped under the address-space limit, and it says so in its own words.
func raceOutOfMemory(stderr string) bool {
	return strings.Contains(stderr, "ThreadSanitizer failed to allocate") || strings.Contains(stderr, "too many address space collisions for -race mode")
}

var panicLine = regexp.MustCompile(`(?m)^panic: (.*)$`)

// crashReason says in plain words why a worker died.
func crashReason(stderr string, waitErr error) string {
	switch {
	case strings.Contains(stderr, "stack overflow") || strings.Contains(stderr, "stack exceeds"):
		return "stack overflow: a function called itself without end (or far too deep)"
	case strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory") || raceOutOfMemory(stderr):
		return "out of memory: the code asked for more memory than the workbook allows"
	case strings.Contains(stderr, "all goroutines are asleep"):
		return "deadlock: every goroutine is blocked (a channel nobody sends on?)"
	}
	if m := panicLine.FindStringSubmatch(stderr); m != nil {
		return "a goroutine panicked, which ends the whole run: panic: " + strings.TrimSuffix(m[1], " [recovered]")
	}
	if strings.Contains(stderr, "fatal error: ") {
		i := strings.Index(stderr, "fatal error: ")
		line, _, _ := strings.Cut(stderr[i:], "\n")
		return "the program crashed: " + line
	}
	if sig, cpu := sandbox.Signal(waitErr); cpu {
		return "the CPU time limit was reached"
	} else if sig != "" {
		return "the program was killed by " + sig
	}
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		return fmt.Sprintf("the program exited with status %d in the middle of the test: log.Fatal and os.Exit end the whole run", ee.ExitCode())
	}
	return "the program stopped in the middle of the test (log.Fatal and os.Exit end the whole run)"
}

// classified reports whether crashReason named the cause, in which case
// the runtime's dump (the workbook's own goroutines) would only hide it.
func classified(why string) bool {
	for _, p := range []string{"stack overflow", "out of memory", "deadlock", "a goroutine panicked", "CPU time"} {
		if strings.HasPrefix(why, p) || strings.Contains(why, p) {
			return true
		}
	}
	return false
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// minimalEnv is what a worker inherits: no secrets, just enough to run,
// and where the capstone's tests find a PostgreSQL server (testdb reads
// WORKBOOK_POSTGRES_URL, and CI=true makes a missing one a failure).
// GORACE reaches a worker built with the race detector (the tool's own
// tests under -race), which would otherwise sleep a second as it exits.
func minimalEnv(tmp string) []string {
	env := []string{"TMPDIR=" + tmp, "TMP=" + tmp, "TEMP=" + tmp}
	for _, k := range []string{"PATH", "HOME", "LANG", "SystemRoot", "WORKBOOK_POSTGRES_URL", "CI", "GORACE"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// capped keeps the first limit bytes written to it.
type capped struct {
	mu      sync.Mutex
	limit   int
	b       bytes.Buffer
	dropped int
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.limit - c.b.Len()
	if room < len(p) {
		if room > 0 {
			c.b.Write(p[:room])
		}
		c.dropped += len(p) - max(room, 0)
		return len(p), nil
	}
	return c.b.Write(p)
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dropped > 0 {
		return c.b.String() + fmt.Sprintf("\n… %d more bytes not shown", c.dropped)
	}
	return c.b.String()
}
