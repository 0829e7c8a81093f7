package interp

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/scanner"
	"io"
	"log"
	"os"
	"path"
	"reflect"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/sandbox"
	"github.com/cqrsworkbook/workbook/internal/harness/symbols"
	"github.com/traefik/yaegi/interp"
)

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(WorkerEnv) == "1" }

// sentinel is the last test a worker runs: it waits for the report of the
// test before it, then tells the parent the job is done.
const sentinel = "WorkbookWorkerDone"

// WorkerMain runs one job in this process, which must be a worker started by
// Engine, and returns the exit code. The binary's main (and TestMain of any
// test binary that runs the engine) calls it first when IsWorker is true,
// with the compiled support packages' symbols (supportsyms.Table()).
func WorkerMain(support map[string]map[string]reflect.Value) int {
	results, err := sandbox.OpenResults()
	if err != nil {
		fmt.Fprintln(os.Stderr, "workbook worker:", err)
		return 2
	}
	w := &reporter{enc: json.NewEncoder(results)}
	var j job
	dec := json.NewDecoder(os.Stdin)
	if err := dec.Decode(&j); err != nil {
		fmt.Fprintln(os.Stderr, "workbook worker: read job:", err)
		return 2
	}
	sandbox.WatchParent(io.MultiReader(dec.Buffered(), os.Stdin))
	if err := setLimits(j); err != nil {
		fmt.Fprintln(os.Stderr, "workbook worker: set limits:", err)
		return 2
	}
	return run(j, w, support)
}

type reporter struct {
	mu  sync.Mutex
	enc *json.Encoder
}

func (r *reporter) send(e event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	_ = r.enc.Encode(e)
}

func setLimits(j job) error {
	debug.SetMaxStack(64 << 20)
	return sandbox.LimitSelf(sandbox.Limits{MemoryBytes: j.Limits.MemoryBytes, CPU: j.RunBudget + 10*time.Second, FileBytes: j.Limits.FileBytes})
}

func run(j job, rep *reporter, support map[string]map[string]reflect.Value) int {
	fsys := fstest.MapFS{}
	for name, data := range j.Files {
		fsys[path.Join("src", j.ImportPath, name)] = &fstest.MapFile{Data: data}
	}
	for ip, files := range j.Support {
		for name, data := range files {
			fsys[path.Join("src", ip, name)] = &fstest.MapFile{Data: data}
		}
	}

	capt, err := newCapture(j.Limits.OutputBytes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "workbook worker:", err)
		return 2
	}
	panics := &lockedBuffer{}
	in := interp.New(interp.Options{
		GoPath:               ".",
		SourcecodeFilesystem: fsys,
		Stdin:                strings.NewReader(""), // stdin is the parent's lifeline, not the learner's
		Stdout:               capt.writer(),
		Stderr:               panics,
		Args:                 []string{"workbook"},
		Env:                  []string{},
	})
	if err := in.Use(symbols.Table(support)); err != nil {
		fmt.Fprintln(os.Stderr, "workbook worker: symbols:", err)
		return 2
	}
	if j.Locate {
		if err := in.Use(locateExports); err != nil {
			fmt.Fprintln(os.Stderr, "workbook worker: checks:", err)
			return 2
		}
	}
	log.SetOutput(capt.writer())
	log.SetFlags(0)

	if errs := load(in, j.ImportPath); len(errs) > 0 {
		rep.send(event{Type: "compile", Errors: errs})
		return 0
	}
	alias := "workbookpkg"
	if _, err := in.Eval(fmt.Sprintf("import %s %q", alias, j.ImportPath)); err != nil {
		rep.send(event{Type: "compile", Errors: compileErrors(err, j.ImportPath)})
		return 0
	}
	rep.send(event{Type: "loaded"})

	var tests []testing.InternalTest
	for _, name := range j.Tests {
		name := name
		fn, err := lookupTest(in, alias, name)
		if err != nil {
			tests = append(tests, testing.InternalTest{Name: name, F: func(t *testing.T) {
				rep.send(event{Type: "start", Test: name})
				rep.send(event{Type: "end", Test: name, Status: harness.Error, Message: err.Error()})
			}})
			continue
		}
		tests = append(tests, testing.InternalTest{Name: name, F: wrap(name, fn, rep, capt, panics, j)})
	}
	done := make(chan struct{})
	fw := newFramework(rep, done)
	tests = append(tests, testing.InternalTest{Name: sentinel, F: func(t *testing.T) {
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
		rep.send(event{Type: "done"})
	}})

	os.Stdout = fw.w
	os.Args = append([]string{"workbook", "-test.v=true", "-test.count=1", "-test.timeout=0"}, j.Args...)
	testing.Main(func(pat, str string) (bool, error) { return true, nil }, tests, nil, nil)
	return 0 // not reached: testing.Main exits
}

// load evaluates the package with its tests.
func load(in *interp.Interpreter, importPath string) (errs []harness.CompileError) {
	defer func() {
		// The interpreter panics on some code it cannot compile.
		if r := recover(); r != nil {
			errs = []harness.CompileError{{Kind: "interpreter", GoEngineRuns: true, Message: fmt.Sprintf("the interpreter could not load this code (%v): it may use Go it cannot run yet, which the go engine runs as it is", r)}}
		}
	}()
	if err := in.EvalTest(importPath); err != nil {
		return compileErrors(err, importPath)
	}
	return nil
}

func lookupTest(in *interp.Interpreter, alias, name string) (fn func(*testing.T), err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot load test %s: %v", name, r)
		}
	}()
	v, err := in.Eval(alias + "." + name)
	if err != nil {
		return nil, fmt.Errorf("cannot load test %s: %v", name, err)
	}
	f, ok := v.Interface().(func(*testing.T))
	if !ok {
		return nil, fmt.Errorf("%s is not a test: want func(t *testing.T)", name)
	}
	return f, nil
}

var posPattern = regexp.MustCompile(`^(.*?\.go):(\d+):(\d+): ?(.*)$`)

// compileErrors turns the interpreter's error into positions in the
// package's files.
func compileErrors(err error, importPath string) []harness.CompileError {
	var msgs []string
	var list scanner.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			msgs = append(msgs, e.Error())
		}
	} else {
		msgs = strings.Split(strings.TrimSpace(err.Error()), "\n")
	}
	var out []harness.CompileError
	for _, m := range msgs {
		ce := harness.CompileError{Kind: "compile", Message: m}
		if p := posPattern.FindStringSubmatch(m); p != nil {
			ce.File = displayFile(p[1], importPath)
			ce.Line, _ = strconv.Atoi(p[2])
			ce.Col, _ = strconv.Atoi(p[3])
			ce.Message = p[4]
		}
		out = append(out, ce)
	}
	return out
}

// displayFile turns an interpreter path (src/<import path>/file.go) into a
// base name for the chapter's own files, or a path for support packages.
func displayFile(p, importPath string) string {
	p = strings.TrimPrefix(p, "./")
	if rest, ok := strings.CutPrefix(p, path.Join("src", importPath)+"/"); ok {
		return rest
	}
	return strings.TrimPrefix(p, "src/")
}

// panicPos is the line yaegi writes for each interpreted function a panic
// goes through, innermost first: the position of the function's first
// statement, not of the panic (yaegi v0.16.1 loses the node that panicked).
var panicPos = regexp.MustCompile(`(?m)^(\S+?\.go):(\d+):(\d+): panic: (?:\S+/)?[^./\s]+\.([\w.]+)\(`)

// wrap runs one test with its output captured and any panic turned into
// the test's error, and reports it.
func wrap(name string, fn func(*testing.T), rep *reporter, capt *capture, panics *lockedBuffer, j job) func(*testing.T) {
	return func(t *testing.T) {
		rep.send(event{Type: "start", Test: name})
		panics.Reset()
		capt.begin()
		start := time.Now()
		status := harness.Pass
		defer func() {
			r := recover()
			out := capt.end()
			ev := event{Type: "end", Test: name, DurationMS: time.Since(start).Milliseconds(), Output: out}
			if r != nil {
				status = harness.Error
				p := panicAt(r, panics.String(), j)
				// Cut as the report will, before anything reads it.
				p.Message = harness.ClipMessage(p.Message)
				ev.Panic, ev.File, ev.Line = &p, p.File, p.Line
				t.Fail()
			} else if t.Skipped() {
				status = harness.Fail
				ev.Message = "the test was skipped: in the workbook every test must run"
			} else if t.Failed() {
				status = harness.Fail
			}
			ev.Status = status
			rep.send(ev)
		}()
		fn(t)
	}
}

// panicAt says what a test's panic was and where, as go test would: in the
// runtime's words, at the first frame in one of the package's files that is
// not a test file (harness.StackLocation). yaegi's trace names functions,
// not lines, so unless the panic placed itself (a failed type assertion, a
// locate run's check) the place is the function's first statement, and
// Kind and Col let a locate run find the line.
func panicAt(r any, trace string, j job) panicReport {
	if l, ok := r.(located); ok {
		return panicReport{Kind: l.Kind, Message: l.Message, File: l.File, Line: l.Line, Exact: true}
	}
	kind, msg, file, line, col := classify(r)
	p := panicReport{Kind: kind, Message: msg}
	if file != "" {
		if f := displayFile(file, j.ImportPath); j.Files[f] != nil && !strings.HasSuffix(f, "_test.go") {
			p.File, p.Line, p.Col, p.Exact = f, line, col, true
			return p
		}
	}
	for i, m := range panicPos.FindAllStringSubmatch(trace, -1) {
		f := displayFile(m[1], j.ImportPath)
		if j.Files[f] == nil || strings.HasSuffix(f, "_test.go") {
			continue
		}
		p.File, p.Func = f, m[4]
		p.Line, _ = strconv.Atoi(m[2])
		if i == 0 {
			// The panic happened in this function's own code, which a
			// locate run can instrument.
			p.Col, _ = strconv.Atoi(m[3])
		} else {
			p.Kind = ""
		}
		break
	}
	return p
}

// framework reads the testing package's verbose report and sends, for each
// test, the messages it logged.
type framework struct {
	w *os.File
}

func newFramework(rep *reporter, done chan struct{}) *framework {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	closeDone := sync.OnceFunc(func() { close(done) })
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		cur := ""
		var lines []string
		size := 0
		for sc.Scan() {
			line := sc.Text()
			if name, ok := strings.CutPrefix(line, "=== RUN   "); ok {
				if name == sentinel {
					// Once: a goroutine of the learner's, left running after
					// its test, may print this line too.
					closeDone()
					continue
				}
				if !strings.Contains(name, "/") {
					cur, lines, size = name, nil, 0
				}
				continue
			}
			if strings.HasPrefix(line, "=== ") {
				continue
			}
			if cur != "" && (strings.HasPrefix(line, "--- PASS: "+cur+" (") || strings.HasPrefix(line, "--- FAIL: "+cur+" (") || strings.HasPrefix(line, "--- SKIP: "+cur+" (")) {
				rep.send(event{Type: "message", Test: cur, Message: strings.Join(lines, "\n")})
				cur = ""
				continue
			}
			if cur != "" && size < 64<<10 {
				line = strings.TrimPrefix(line, "    ")
				lines = append(lines, line)
				size += len(line)
			}
		}
	}()
	return &framework{w: w}
}

// capture collects what the learner's code prints during a test: os.Stdout
// is swapped for a pipe while the test runs, and a random marker written at
// the end tells where the test's output stops.
type capture struct {
	limit int
	r, w  *os.File
	real  *os.File
	nonce []byte

	mu      sync.Mutex
	cond    *sync.Cond
	buf     bytes.Buffer
	dropped int
	marks   int
}

func newCapture(limit int) (*capture, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	c := &capture{limit: limit, r: r, w: w, nonce: []byte("\x00workbook-" + hex.EncodeToString(b) + "\n")}
	c.cond = sync.NewCond(&c.mu)
	go c.read()
	return c, nil
}

func (c *capture) read() {
	chunk := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := c.r.Read(chunk)
		if n > 0 {
			pending = append(pending, chunk[:n]...)
			for {
				i := bytes.Index(pending, c.nonce)
				if i < 0 {
					break
				}
				c.add(pending[:i])
				pending = pending[i+len(c.nonce):]
				c.mu.Lock()
				c.marks++
				c.cond.Broadcast()
				c.mu.Unlock()
			}
			// Keep enough to find a marker split across reads.
			if keep := len(c.nonce); len(pending) > keep {
				c.add(pending[:len(pending)-keep])
				pending = append([]byte(nil), pending[len(pending)-keep:]...)
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *capture) add(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.limit - c.buf.Len()
	if room < 0 {
		room = 0
	}
	if len(p) > room {
		c.dropped += len(p) - room
		p = p[:room]
	}
	c.buf.Write(p)
}

// writer writes to whatever os.Stdout is at the time.
func (c *capture) writer() io.Writer {
	return writerFunc(func(p []byte) (int, error) { return os.Stdout.Write(p) })
}

func (c *capture) begin() {
	c.mu.Lock()
	c.buf.Reset()
	c.dropped = 0
	c.mu.Unlock()
	c.real = os.Stdout
	os.Stdout = c.w
}

func (c *capture) end() string {
	os.Stdout = c.real
	c.mu.Lock()
	want := c.marks + 1
	c.mu.Unlock()
	_, _ = c.w.Write(c.nonce)
	c.mu.Lock()
	defer c.mu.Unlock()
	deadline := time.Now().Add(time.Second)
	for c.marks < want && time.Now().Before(deadline) {
		c.mu.Unlock()
		time.Sleep(time.Millisecond)
		c.mu.Lock()
	}
	out := c.buf.String()
	if c.dropped > 0 {
		out += fmt.Sprintf("\n… output cut: %d more bytes not shown", c.dropped)
	}
	c.buf.Reset()
	c.dropped = 0
	return out
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.b.Len() > 64<<10 {
		return len(p), nil
	}
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *lockedBuffer) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.Reset()
}
