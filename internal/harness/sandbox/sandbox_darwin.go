package sandbox

import (
	"bytes"
	"os/exec"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Darwin has no parent-death signal and does not enforce RLIMIT_AS, so the
// parent watches the child's resident memory and ends its group over the
// limit; the child's own stdin watch (WatchParent) covers a dead parent.
type sysProcess struct {
	done chan struct{}
	over atomic.Bool
}

// watchEvery is how often the parent samples the child's memory.
const watchEvery = 100 * time.Millisecond

func (p *Process) start(l Limits) error {
	if p.cmd.SysProcAttr == nil {
		p.cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	p.cmd.SysProcAttr.Setpgid = true
	if err := p.cmd.Start(); err != nil {
		return err
	}
	p.sys.done = make(chan struct{})
	if l.MemoryBytes > 0 {
		go p.watchMemory(l.MemoryBytes)
	}
	return nil
}

func (p *Process) watchMemory(limit int64) {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	for {
		select {
		case <-p.sys.done:
			return
		case <-t.C:
		}
		if rss, ok := residentBytes(p.cmd.Process.Pid); ok && rss > limit {
			p.sys.over.Store(true)
			p.kill()
			return
		}
	}
}

// residentBytes asks ps for a process's resident set size.
func residentBytes(pid int) (int64, bool) {
	out, err := exec.Command("/bin/ps", "-o", "rss=", "-p", strconv.Itoa(pid)).Output()
	if err != nil {
		return 0, false
	}
	kb, err := strconv.ParseInt(string(bytes.TrimSpace(out)), 10, 64)
	return kb << 10, err == nil
}

func (p *Process) release() {
	if p.sys.done != nil {
		close(p.sys.done)
		p.sys.done = nil
	}
}

func (p *Process) overMemory() bool { return p.sys.over.Load() }

func limitSelf(l Limits) error {
	if err := setrlimit(unix.RLIMIT_CORE, 0); err != nil {
		return err
	}
	if l.FileBytes > 0 {
		if err := setrlimit(unix.RLIMIT_FSIZE, uint64(l.FileBytes)); err != nil {
			return err
		}
	}
	if l.CPU > 0 {
		onCPULimit()
		cpu := uint64(l.CPU/time.Second) + 1
		return syscall.Setrlimit(unix.RLIMIT_CPU, &syscall.Rlimit{Cur: cpu, Max: cpu + 5})
	}
	return nil
}
