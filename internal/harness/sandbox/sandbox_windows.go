package sandbox

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows the child runs in a Job Object of its own: closing the job's
// last handle (the parent dying included) kills every process in it, and the
// job caps memory, processor time and the number of processes.
type sysProcess struct {
	job windows.Handle
}

func (p *Process) start(l Limits) error {
	if p.cmd.SysProcAttr == nil {
		p.cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	p.cmd.SysProcAttr.CreationFlags |= windows.CREATE_NEW_PROCESS_GROUP
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return fmt.Errorf("create a job object: %w", err)
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{}
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | windows.JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
	if l.MemoryBytes > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_PROCESS_MEMORY
		info.ProcessMemoryLimit = uintptr(l.MemoryBytes)
	}
	if l.Processes > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
		info.BasicLimitInformation.ActiveProcessLimit = uint32(l.Processes)
	}
	if l.CPU > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_PROCESS_TIME
		info.BasicLimitInformation.PerProcessUserTimeLimit = l.CPU.Nanoseconds() / 100
	}
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return fmt.Errorf("limit the job object: %w", err)
	}
	if err := p.cmd.Start(); err != nil {
		windows.CloseHandle(job)
		return err
	}
	h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(p.cmd.Process.Pid))
	if err == nil {
		err = windows.AssignProcessToJobObject(job, h)
		windows.CloseHandle(h)
	}
	if err != nil {
		_ = p.cmd.Process.Kill()
		windows.CloseHandle(job)
		return fmt.Errorf("put the child in its job object: %w", err)
	}
	p.sys.job = job
	return nil
}

func (p *Process) kill() {
	if p.sys.job != 0 {
		_ = windows.TerminateJobObject(p.sys.job, 1)
	} else if p.cmd.Process != nil {
		_ = p.cmd.Process.Kill()
	}
}

func (p *Process) release() {
	if p.sys.job != 0 {
		windows.CloseHandle(p.sys.job)
		p.sys.job = 0
	}
}

func (p *Process) overMemory() bool { return false }

func passResults(cmd *exec.Cmd, w *os.File) error {
	h := windows.Handle(w.Fd())
	if err := windows.SetHandleInformation(h, windows.HANDLE_FLAG_INHERIT, windows.HANDLE_FLAG_INHERIT); err != nil {
		return fmt.Errorf("share the results pipe: %w", err)
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.AdditionalInheritedHandles = append(cmd.SysProcAttr.AdditionalInheritedHandles, syscall.Handle(h))
	cmd.Env = append(cmd.Env, resultsEnv+"="+strconv.FormatUint(uint64(h), 10))
	return nil
}

func openResults() (*os.File, error) {
	v, err := strconv.ParseUint(os.Getenv(resultsEnv), 10, 64)
	if err != nil {
		return nil, ErrNoResults
	}
	return os.NewFile(uintptr(v), "results"), nil
}

func signalOf(ee *exec.ExitError) (string, bool) { return "", false }

// limitSelf has nothing to do: the job object holds the limits.
func limitSelf(Limits) error { return nil }
