// Package interp is the interpreter engine: it runs a chapter's tests with
// yaegi in a worker child process (the workbook binary re-executed), never
// in the calling process. The worker sets its own resource limits before any
// learner code runs; the parent enforces each test's deadline by killing the
// worker's process group, names what killed it, and starts a fresh worker for
// the tests that remain, so every test gets a status.
//
// Results travel on a pipe of their own (file descriptor 3), which the
// learner's code cannot reach: nothing it prints can pass for a result.
package interp

import (
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
)

// WorkerEnv marks a process started as a worker.
const WorkerEnv = "WORKBOOK_INTERP_WORKER"

// job is what the parent sends the worker on its standard input.
type job struct {
	ImportPath string
	Files      map[string][]byte
	Support    map[string]map[string][]byte
	Tests      []string
	Args       []string
	Limits     harness.Limits
	// RunBudget bounds the worker's CPU time, a backstop for the deadline.
	RunBudget time.Duration
	// Locate marks a locate run: the files call the checks of
	// locateExports, which the worker gives the interpreter.
	Locate bool
}

// panicReport is a test's panic as the worker saw it.
type panicReport struct {
	Kind    faultKind `json:"kind,omitempty"`
	Message string    `json:"message"` // in go test's words, as far as they are known
	// File and Line are where it happened: the panic's own line when Exact,
	// else the first statement of the function it happened in (Func), at
	// Col, which is all yaegi says.
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	Col   int    `json:"col,omitempty"`
	Func  string `json:"func,omitempty"`
	Exact bool   `json:"exact,omitempty"`
}

// event is one line the worker writes on the results pipe.
type event struct {
	Type string `json:"type"` // loaded, compile, start, end, message, done
	Test string `json:"test,omitempty"`

	Status     harness.Status         `json:"status,omitempty"`
	DurationMS int64                  `json:"duration_ms,omitempty"`
	Output     string                 `json:"output,omitempty"`
	Message    string                 `json:"message,omitempty"`
	File       string                 `json:"file,omitempty"`
	Line       int                    `json:"line,omitempty"`
	Errors     []harness.CompileError `json:"errors,omitempty"`
	Panic      *panicReport           `json:"panic,omitempty"`
}
