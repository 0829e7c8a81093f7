package sandbox

import (
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

type sysProcess struct{}

func (p *Process) start(l Limits) error {
	if p.cmd.SysProcAttr == nil {
		p.cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	p.cmd.SysProcAttr.Setpgid = true
	p.cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	if err := p.cmd.Start(); err != nil {
		return err
	}
	// The limits pass on to everything the child starts after this.
	pid := p.cmd.Process.Pid
	set := func(res int, v uint64) {
		_ = unix.Prlimit(pid, res, &unix.Rlimit{Cur: v, Max: v}, nil)
	}
	set(unix.RLIMIT_CORE, 0)
	if l.MemoryBytes > 0 {
		set(unix.RLIMIT_AS, addressSpace(l.MemoryBytes))
	}
	if l.CPU > 0 {
		set(unix.RLIMIT_CPU, cpuSeconds(l.CPU))
	}
	if l.FileBytes > 0 {
		set(unix.RLIMIT_FSIZE, uint64(l.FileBytes))
	}
	return nil
}

func (p *Process) release()         {}
func (p *Process) overMemory() bool { return false }

// addressSpace is the RLIMIT_AS for a memory cap: Go reserves address space
// well beyond what it uses, so the limit leaves it room.
func addressSpace(mem int64) uint64 { return uint64(mem) + 2<<30 }

func cpuSeconds(d time.Duration) uint64 { return uint64(d/time.Second) + 1 }

func limitSelf(l Limits) error {
	if err := setrlimit(unix.RLIMIT_CORE, 0); err != nil {
		return err
	}
	if l.MemoryBytes > 0 {
		if err := setrlimit(unix.RLIMIT_AS, addressSpace(l.MemoryBytes)); err != nil {
			return err
		}
	}
	if l.FileBytes > 0 {
		if err := setrlimit(unix.RLIMIT_FSIZE, uint64(l.FileBytes)); err != nil {
			return err
		}
	}
	if l.CPU > 0 {
		onCPULimit()
		cpu := cpuSeconds(l.CPU)
		return syscall.Setrlimit(unix.RLIMIT_CPU, &syscall.Rlimit{Cur: cpu, Max: cpu + 5})
	}
	return nil
}
