//go:build darwin || linux

package sandbox

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"
)

// resultsFD is where the child finds its results pipe: the first of
// exec.Cmd.ExtraFiles.
const resultsFD = 3

func passResults(cmd *exec.Cmd, w *os.File) error {
	if len(cmd.ExtraFiles) != 0 {
		return fmt.Errorf("sandbox: cmd already has extra files")
	}
	cmd.ExtraFiles = []*os.File{w}
	cmd.Env = append(cmd.Env, resultsEnv+"="+strconv.Itoa(resultsFD))
	return nil
}

func openResults() (*os.File, error) {
	if os.Getenv(resultsEnv) != strconv.Itoa(resultsFD) {
		return nil, ErrNoResults
	}
	f := os.NewFile(resultsFD, "results")
	if f == nil {
		return nil, ErrNoResults
	}
	return f, nil
}

func (p *Process) kill() {
	if p.cmd.Process != nil {
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	}
}

func signalOf(ee *exec.ExitError) (string, bool) {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return "", ee.ExitCode() == exitCPU
	}
	return ws.Signal().String(), ws.Signal() == syscall.SIGXCPU
}

// exitCPU is the status of a process that reached its soft CPU limit.
const exitCPU = 4

// onCPULimit makes the soft CPU limit's SIGXCPU end this process with
// exitCPU: a Go program otherwise ignores it, and only the hard limit's
// SIGKILL, which says nothing of why, would end it.
func onCPULimit() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGXCPU)
	go func() {
		<-c
		fmt.Fprintln(os.Stderr, "the CPU time limit was reached")
		os.Exit(exitCPU)
	}()
}

func setrlimit(res int, v uint64) error {
	return syscall.Setrlimit(res, &syscall.Rlimit{Cur: v, Max: v})
}
