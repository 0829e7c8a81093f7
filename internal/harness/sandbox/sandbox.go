// Package sandbox starts, limits, watches and ends the workbook's children:
// the interpreter's worker and the compiled test binary. It is the one place
// that knows how each operating system contains a process; the engines only
// call Start, Kill and Wait.
//
//	             Linux                 macOS                    Windows
//	group        process group         process group            Job Object
//	kill         SIGKILL to the group  SIGKILL to the group     TerminateJobObject
//	memory       RLIMIT_AS             parent watches RSS       job memory limit
//	CPU          RLIMIT_CPU            RLIMIT_CPU (self)        job user-time limit
//	processes    —                     —                        active-process limit
//	file size    RLIMIT_FSIZE          RLIMIT_FSIZE (self)      — (the folder cap only)
//	folder       parent sums it        parent sums it           parent sums it
//	parent death Pdeathsig + stdin     stdin closes             kill-on-job-close + stdin
//
// A worker also ends itself when its stdin closes (see WatchParent), which is
// how a child notices a parent that died without a chance to kill it.
package sandbox

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"time"
)

// Limits bound one child process and everything it starts.
type Limits struct {
	// MemoryBytes caps the child's memory; zero means no cap.
	MemoryBytes int64
	// CPU caps the processor time it may use; zero means no cap.
	CPU time.Duration
	// Processes caps how many processes the child's group may hold at once
	// where the system can enforce it (Windows); zero means no cap.
	Processes int
	// FileBytes caps the size of any one file the child writes (Linux and
	// macOS, RLIMIT_FSIZE: a write past it fails with "file too large");
	// zero means no cap.
	FileBytes int64
	// FolderBytes caps the total size of the files under Folder, the
	// child's private temporary folder, on every system: the parent sums
	// them every folderEvery and ends the child's group over the cap (see
	// OverFolder). Zero, or no Folder, means no cap.
	Folder      string
	FolderBytes int64
}

// Process is a started child in a group of its own.
type Process struct {
	cmd    *exec.Cmd
	sys    sysProcess
	folder folderWatch
}

// Start starts cmd in a new process group (a Job Object on Windows) with
// the limits applied. The caller must call Wait.
func Start(cmd *exec.Cmd, l Limits) (*Process, error) {
	p := &Process{cmd: cmd}
	if err := p.start(l); err != nil {
		return nil, err
	}
	if l.Folder != "" && l.FolderBytes > 0 {
		p.folder.watch(l.Folder, l.FolderBytes, p.kill)
	}
	return p, nil
}

// Pid is the child's process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Kill ends the child and every process it started. It is safe to call
// more than once and after the child has exited.
func (p *Process) Kill() { p.kill() }

// Wait waits for the child to exit and releases what Start held. Its error
// is exec.Cmd.Wait's.
func (p *Process) Wait() error {
	err := p.cmd.Wait()
	p.folder.stop()
	p.release()
	return err
}

// OverMemory reports whether the parent ended the child for using more
// memory than its limit (on systems where the parent watches it).
func (p *Process) OverMemory() bool { return p.overMemory() }

// OverFolder reports whether the parent ended the child because the files
// in its folder outgrew Limits.FolderBytes.
func (p *Process) OverFolder() bool { return p.folder.over.Load() }

// ErrNoResults is returned by OpenResults in a process started without a
// results pipe.
var ErrNoResults = errors.New("no results pipe")

// ResultsPipe gives cmd, before it starts, a pipe besides stdout and stderr
// on which the child writes results that nothing it prints can forge. The
// caller closes w once the child has started and reads r.
func ResultsPipe(cmd *exec.Cmd) (r, w *os.File, err error) {
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	r, w, err = os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	if err := passResults(cmd, w); err != nil {
		r.Close()
		w.Close()
		return nil, nil, err
	}
	return r, w, nil
}

// OpenResults opens, in the child, the pipe ResultsPipe passed it.
func OpenResults() (*os.File, error) { return openResults() }

// WatchParent ends this process with code 3 once stdin reaches its end,
// which happens when the parent closes it or dies. Call it after reading
// what the parent sent on stdin.
func WatchParent(stdin io.Reader) {
	go func() {
		_, _ = io.Copy(io.Discard, stdin)
		os.Exit(3)
	}()
}

// LimitSelf applies l to this process, for a worker to call before it runs
// any learner code: no core files, and memory and CPU where the system
// enforces them on itself.
func LimitSelf(l Limits) error { return limitSelf(l) }

// Signal describes how a child ended, from exec.Cmd.Wait's error: the
// signal that killed it (empty if none) and whether it reached the CPU
// limit it set with LimitSelf.
func Signal(waitErr error) (name string, cpuLimit bool) {
	var ee *exec.ExitError
	if !errors.As(waitErr, &ee) {
		return "", false
	}
	return signalOf(ee)
}
