// Package harness runs a chapter's tests against the learner's code (or the
// reference solution) in one of two engines and reports every test's
// outcome. The engines are two implementations of Engine: the yaegi
// interpreter in a worker process (package interp) and the go tool (package
// gotest); neither knows the other, and the harness knows neither.
package harness

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness/preflight"
)

// Engine runs the tests of one package.
type Engine interface {
	// Run runs job.Tests in order and reports each one. Compile errors come
	// back in the Outcome, not as an error; an error means the engine could
	// not run at all (no Go toolchain, say), and its message says what to do.
	Run(ctx context.Context, job Job) (Outcome, error)
	// Interpreted reports whether the engine runs code in the interpreter,
	// whose language gaps the preflight checks.
	Interpreted() bool
}

// Job is one run of one package.
type Job struct {
	Chapter    string
	ImportPath string
	// Files are the package's files by base name, learner files already
	// replaced by the solution or the editor's buffers.
	Files map[string][]byte
	// Module is the rest of the learner's module (chapter.ModuleFiles):
	// go.mod, go.sum and the support packages, pristine, by slash path, for
	// engines that build a module on disk.
	Module map[string][]byte
	// Support holds other packages the tests import, by import path.
	Support map[string]map[string][]byte
	// Tests are the test functions to run, in order.
	Tests []string
	// Args are flags for the test binary, like -seed=ada.
	Args   []string
	Limits Limits
}

// Limits bound one run.
type Limits struct {
	// TestTimeout is each test's deadline.
	TestTimeout time.Duration
	// OutputBytes caps the output kept per test; RunOutputBytes per run.
	OutputBytes, RunOutputBytes int
	// MemoryBytes caps the worker's memory.
	MemoryBytes int64
	// FileBytes caps any one file a run writes (the capstone's SQLite
	// database, say), where the system enforces it (Linux, macOS).
	FileBytes int64
	// FolderBytes caps the total size of the files a run writes in its
	// private temporary folder, on every system (the parent looks at it
	// while the run goes on and ends the run over the cap).
	FolderBytes int64
}

// DefaultLimits are the limits of a run unless the caller sets others.
var DefaultLimits = Limits{
	TestTimeout:    5 * time.Second,
	OutputBytes:    16 << 10,
	RunOutputBytes: 256 << 10,
	MemoryBytes:    1 << 30,
	FileBytes:      64 << 20,
	FolderBytes:    256 << 20,
}

// Outcome is what an engine reports of a job.
type Outcome struct {
	CompileErrors []CompileError
	Tests         []TestResult
	// FileLimit is set when a file of the run reached Limits.FileBytes
	// (see ReachedFileLimit).
	FileLimit bool
	// FolderLimit is set when the run's files together outgrew
	// Limits.FolderBytes and the run was ended for it.
	FolderLimit bool
}

// ReachedFileLimit reports whether a file in dir, a run's private
// temporary folder, has grown to limit bytes: the system let it grow no
// further, and the write past it failed.
func ReachedFileLimit(dir string, limit int64) bool {
	reached := false
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() && limit > 0 && info.Size() >= limit {
			reached = true
			return filepath.SkipAll
		}
		return nil
	})
	return reached
}

// Harness runs chapters.
type Harness struct {
	// FS is the workbook: chapters, exercises and solutions.
	FS fs.FS
	// Engines by name: Interp and GoTest.
	Engines map[EngineName]Engine
	// Limits of every run; zero fields take DefaultLimits.
	Limits Limits
}

// Request says what to run.
type Request struct {
	Chapter *chapter.Chapter
	Suite   chapter.Suite
	Engine  EngineName
	// Solution runs the reference solution instead of the learner's files.
	Solution bool
	// Files replace learner files by name (an editor's unsaved buffers).
	Files map[string][]byte
	// Seed picks a personal puzzle input; empty is the chapter's own.
	Seed string
	// Scale makes the puzzle input that many times larger, for chapters
	// whose generator uses puzzle.Scale; 0 or 1 is the chapter's own size.
	Scale int
	// Tests, when set, narrows the suite to the tests named.
	Tests []string
	// Part, when 1 or 2, narrows the suite to that part's tests (the page
	// runs only Part 1's while Part 2 is locked).
	Part int
}

// AfterTimeout is the message of the tests a run skips once one test has
// timed out: an endless loop usually hangs every test that calls the same
// code, and waiting out each deadline would only delay the report.
const AfterTimeout = "not run: an earlier test timed out (fix the endless loop, then run again)"

// ErrUsage marks a request that cannot be run as asked.
var ErrUsage = errors.New("usage")

// Run runs a request and reports every selected test.
func (h *Harness) Run(ctx context.Context, req Request) (*Report, error) {
	start := time.Now()
	ch := req.Chapter
	eng, ok := h.Engines[req.Engine]
	if !ok {
		return nil, fmt.Errorf("%w: unknown engine %q (want interp or go)", ErrUsage, req.Engine)
	}
	if req.Suite == "" {
		req.Suite = chapter.All
	}
	against := "exercise"
	if req.Solution {
		against = "solution"
	}
	rep := &Report{Chapter: ch.ID, Engine: req.Engine, Against: against, Suite: req.Suite, Seed: req.Seed,
		CompileErrors: []CompileError{}, Tests: []TestResult{}}
	defer func() { rep.DurationMS = time.Since(start).Milliseconds() }()

	files, err := ch.Package(req.Solution, req.Files)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUsage, err)
	}
	selected := ch.Select(req.Suite)
	if len(req.Tests) > 0 {
		var narrowed []chapter.Test
		for _, t := range selected {
			for _, name := range req.Tests {
				if t.Name == name {
					narrowed = append(narrowed, t)
				}
			}
		}
		if len(narrowed) == 0 {
			return nil, fmt.Errorf("%w: no test named %s in the %s suite of %s", ErrUsage, strings.Join(req.Tests, ", "), req.Suite, ch.ID)
		}
		selected = narrowed
	}
	if req.Part != 0 {
		var part []chapter.Test
		for _, t := range selected {
			if t.Part == req.Part {
				part = append(part, t)
			}
		}
		if len(part) == 0 {
			return nil, fmt.Errorf("%w: no test of Part %d in the %s suite of %s", ErrUsage, req.Part, req.Suite, ch.ID)
		}
		selected = part
	}

	// Preflight: what the engine would reject, said kindly and at the line.
	// The learner's files are held to what learner code may use; the
	// interpreter's gaps are looked for in every file.
	for _, d := range preflight.Check(files, ch.LearnerFiles, eng.Interpreted()) {
		rep.CompileErrors = append(rep.CompileErrors, CompileError{Kind: d.Kind, File: d.File, Line: d.Line, Col: d.Col, Message: d.Message, GoEngineRuns: d.GoEngineRuns})
	}
	if len(rep.CompileErrors) > 0 {
		h.notRun(rep, selected, notRunWhy(rep.CompileErrors))
		rep.tally()
		return rep, nil
	}

	args, err := h.puzzleArgs(ctx, eng, req)
	if err != nil {
		rep.Problem = err.Error()
		h.notRun(rep, selected, "not run: "+err.Error())
		rep.tally()
		return rep, nil
	}
	job := h.job(ch, files, selected, args)
	out, err := eng.Run(ctx, job)
	if err != nil {
		rep.Problem = err.Error()
		h.notRun(rep, selected, "not run: "+err.Error())
		rep.tally()
		return rep, nil
	}
	rep.CompileErrors = append(rep.CompileErrors, out.CompileErrors...)
	names := TypeNames(files)
	byName := map[string]TestResult{}
	for _, t := range out.Tests {
		byName[t.Name] = t
	}
	for _, t := range selected {
		r, ok := byName[t.Name]
		if !ok {
			r = TestResult{Name: t.Name, Status: Error, Message: "not run"}
			if len(out.CompileErrors) > 0 {
				r.Message = "not run: the code does not compile"
			}
		}
		r.Part, r.Suite = t.Part, t.Suite
		// Cleaned before it is clipped: the interpreter's testify traces are
		// long, and clipping them first cut off the messages of the later
		// assertions, which the go engine kept.
		msg, file, line := CleanMessage(names(r.Message), files)
		r.Message = ClipMessage(msg)
		if r.Status != Pass {
			if why := h.wroteTooMuch(out, r.Message); why != "" {
				r.Status = Error
				if !strings.HasPrefix(r.Message, "wrote too much") {
					r.Message = why + "\n" + r.Message
				}
			}
		}
		if r.File == "" {
			r.File, r.Line = file, line
		}
		rep.Tests = append(rep.Tests, r)
		if r.Status == Pass {
			rep.Answers = append(rep.Answers, answersIn(r)...)
		}
	}
	rep.tally()
	return rep, nil
}

// answersIn are the puzzle answers a passing test logged (see
// puzzle.Check): the learner's own, for the page to show.
func answersIn(t TestResult) []Answer {
	var out []Answer
	for _, m := range answerLine.FindAllStringSubmatch(t.Message+"\n"+t.Output, -1) {
		v, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil {
			continue
		}
		out = append(out, Answer{Part: int(m[1][len(m[1])-1] - '0'), Value: v})
	}
	return out
}

// wroteTooMuch says why a run that failed wrote too much, or "" if it did
// not: one file reached the file-size limit (the system refused the write,
// and a message may say so), or all of them the folder's cap.
func (h *Harness) wroteTooMuch(out Outcome, message string) string {
	l := h.limits()
	switch {
	case out.FolderLimit:
		return fmt.Sprintf("wrote too much: the run's files reached the workbook's limit of %d MiB in all, and the run was stopped", l.FolderBytes>>20)
	case out.FileLimit || strings.Contains(message, "wrote too much: a file reached"):
		return fmt.Sprintf("wrote too much: a file reached the workbook's limit of %d MiB", l.FileBytes>>20)
	}
	return ""
}

// MessageBytes is the most of a test's message a report keeps, in both
// engines alike: a 2 MiB panic is read by nobody.
const MessageBytes = 8 << 10

// ClipMessage cuts msg to MessageBytes, at a character boundary, saying how
// much was left out.
func ClipMessage(msg string) string {
	if len(msg) <= MessageBytes {
		return msg
	}
	cut := MessageBytes
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", msg[:cut], len(msg)-cut)
}

// notRunWhy says why no test ran: code that does not compile, or code the
// interpreter cannot run (which the go engine would).
func notRunWhy(errs []CompileError) string {
	for _, e := range errs {
		if !e.GoEngineRuns {
			return "not run: the code does not compile"
		}
	}
	return "not run: the interpreter cannot run this code (see above); the go engine runs it as it is"
}

func (h *Harness) notRun(rep *Report, tests []chapter.Test, why string) {
	for _, t := range tests {
		rep.Tests = append(rep.Tests, TestResult{Name: t.Name, Part: t.Part, Suite: t.Suite, Status: Error, Message: why})
	}
}

func (h *Harness) limits() Limits {
	l := h.Limits
	d := DefaultLimits
	if l.TestTimeout == 0 {
		l.TestTimeout = d.TestTimeout
	}
	if l.OutputBytes == 0 {
		l.OutputBytes = d.OutputBytes
	}
	if l.RunOutputBytes == 0 {
		l.RunOutputBytes = d.RunOutputBytes
	}
	if l.MemoryBytes == 0 {
		l.MemoryBytes = d.MemoryBytes
	}
	if l.FolderBytes == 0 {
		l.FolderBytes = d.FolderBytes
	}
	if l.FileBytes == 0 {
		l.FileBytes = d.FileBytes
	}
	return l
}

func (h *Harness) job(ch *chapter.Chapter, files map[string][]byte, tests []chapter.Test, args []string) Job {
	job := Job{Chapter: ch.ID, ImportPath: ch.ImportPath(), Files: files, Args: args, Limits: h.limits()}
	for _, t := range tests {
		job.Tests = append(job.Tests, t.Name)
	}
	if h.FS != nil {
		job.Support, _ = chapter.Support(h.FS)
		job.Module, _ = chapter.ModuleFiles(h.FS)
	}
	return job
}

var answerLine = regexp.MustCompile(`puzzle answer (part[12]): (-?\d+)`)

// puzzleArgs returns the test flags for a personal seed: the seed, and the
// answers the reference solution gives for it, learned by running it first.
func (h *Harness) puzzleArgs(ctx context.Context, eng Engine, req Request) ([]string, error) {
	var args []string
	if req.Seed != "" && req.Seed != "workbook" {
		args = append(args, "-seed="+req.Seed)
	}
	if req.Scale > 1 {
		args = append(args, "-scale="+strconv.Itoa(req.Scale))
	}
	ch := req.Chapter
	if len(args) == 0 || !usesPuzzle(ch) {
		return nil, nil
	}
	files, err := ch.Package(true, nil)
	if err != nil {
		return nil, err
	}
	var puzzles []chapter.Test
	for _, t := range ch.Select(chapter.Full) {
		if strings.Contains(t.Name, "Puzzle") {
			puzzles = append(puzzles, t)
		}
	}
	out, err := eng.Run(ctx, h.job(ch, files, puzzles, args))
	if err != nil {
		return nil, fmt.Errorf("compute the answers for %s: %w", strings.Join(args, " "), err)
	}
	answers := map[string]string{}
	for _, t := range out.Tests {
		for _, m := range answerLine.FindAllStringSubmatch(t.Message+"\n"+t.Output, -1) {
			answers[m[1]] = m[2]
		}
	}
	if len(answers) == 0 {
		return nil, fmt.Errorf("the reference solution gave no puzzle answers for %s", strings.Join(args, " "))
	}
	var want []string
	for k, v := range answers {
		want = append(want, k+"="+v)
	}
	sort.Strings(want)
	return append(args, "-want="+strings.Join(want, ",")), nil
}

func usesPuzzle(ch *chapter.Chapter) bool {
	for _, name := range ch.TestFiles() {
		if strings.Contains(string(ch.Exercise[name]), strconv.Quote(chapter.ExercisesModule+"/"+chapter.SupportDir)) {
			return true
		}
	}
	return false
}
