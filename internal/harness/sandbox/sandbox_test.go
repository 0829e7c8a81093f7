package sandbox_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness/sandbox"
	"go.uber.org/goleak"
)

// The test binary doubles as the child: SANDBOX_CHILD names what it does.
func TestMain(m *testing.M) {
	if what := os.Getenv("SANDBOX_CHILD"); what != "" {
		os.Exit(child(what))
	}
	// Under -race, the race runtime sleeps a second before a process
	// exits, to let other goroutines report; every worker and command a
	// test starts would wait it out. Races are still reported as they
	// happen, and a child that found one still exits non-zero.
	if os.Getenv("GORACE") == "" {
		os.Setenv("GORACE", "atexit_sleep_ms=0")
	}
	goleak.VerifyTestMain(m)
}

func child(what string) int {
	switch what {
	case "results":
		f, err := sandbox.OpenResults()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Fprintln(os.Stdout, "done: forged on stdout")
		fmt.Fprintln(f, "done: from the results pipe")
		return 0
	case "sleep":
		time.Sleep(time.Minute)
		return 0
	case "grandchild":
		// A child that starts a child of its own, then waits: Kill must end both.
		exe, _ := os.Executable()
		gc := exec.Command(exe)
		gc.Env = append(os.Environ(), "SANDBOX_CHILD=sleep")
		if err := gc.Start(); err != nil {
			return 2
		}
		fmt.Println(gc.Process.Pid)
		_ = gc.Wait()
		return 0
	case "watch":
		sandbox.WatchParent(os.Stdin)
		time.Sleep(time.Minute)
		return 0
	case "fill":
		// Many files, each well below any file-size limit, written slowly
		// enough for the parent to look in between; it ends on its own
		// (status 0) if nobody stops it at fillFiles MiB.
		dir := os.Getenv("SANDBOX_FOLDER")
		chunk := make([]byte, 1<<20)
		for i := range fillFiles {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d", i)), chunk, 0o600); err != nil {
				return 2
			}
			time.Sleep(5 * time.Millisecond)
		}
		return 0
	case "spin":
		if err := sandbox.LimitSelf(sandbox.Limits{CPU: time.Second}); err != nil {
			return 2
		}
		for {
		}
	}
	return 2
}

// fillFiles is how many MiB the "fill" child writes at most.
const fillFiles = 64

func command(t *testing.T, what string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "SANDBOX_CHILD="+what)
	return cmd
}

func TestResultsPipe(t *testing.T) {
	cmd := command(t, "results")
	var stdout strings.Builder
	cmd.Stdout = &stdout
	r, w, err := sandbox.ResultsPipe(cmd)
	if err != nil {
		t.Fatal(err)
	}
	p, err := sandbox.Start(cmd, sandbox.Limits{})
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if err := p.Wait(); err != nil {
		t.Fatalf("Wait() = %v", err)
	}
	if string(got) != "done: from the results pipe\n" {
		t.Errorf("results pipe = %q, want only the line written to it", got)
	}
	if stdout.String() != "done: forged on stdout\n" {
		t.Errorf("stdout = %q", stdout.String())
	}
}

func TestOpenResultsWithoutPipe(t *testing.T) {
	t.Setenv("WORKBOOK_RESULTS_PIPE", "")
	if _, err := sandbox.OpenResults(); !errors.Is(err, sandbox.ErrNoResults) {
		t.Errorf("OpenResults() = %v, want ErrNoResults", err)
	}
}

func TestKillEndsTheWholeGroup(t *testing.T) {
	cmd := command(t, "grandchild")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p, err := sandbox.Start(cmd, sandbox.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var pid int
	if _, err := fmt.Fscan(bufio.NewReader(out), &pid); err != nil {
		t.Fatal(err)
	}
	p.Kill()
	p.Kill() // twice is harmless
	if err := p.Wait(); err == nil {
		t.Fatal("Wait() after Kill = nil, want the child killed")
	}
	deadline := time.Now().Add(5 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("grandchild %d still running 5 s after Kill", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestWatchParentEndsChildWhenStdinCloses(t *testing.T) {
	cmd := command(t, "watch")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	p, err := sandbox.Start(cmd, sandbox.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	in.Close()
	done := make(chan error, 1)
	go func() { done <- p.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 3 {
			t.Errorf("Wait() = %v, want exit status 3", err)
		}
	case <-time.After(10 * time.Second):
		p.Kill()
		<-done
		t.Fatal("child still running 10 s after its stdin closed")
	}
}

func TestFolderCapEndsTheChild(t *testing.T) {
	for _, tc := range []struct {
		limit    int64
		wantOver bool
	}{
		{limit: 8 << 20, wantOver: true},
		{limit: 2 * fillFiles << 20, wantOver: false},
	} {
		dir := t.TempDir()
		cmd := command(t, "fill")
		cmd.Env = append(cmd.Env, "SANDBOX_FOLDER="+dir)
		p, err := sandbox.Start(cmd, sandbox.Limits{Folder: dir, FolderBytes: tc.limit})
		if err != nil {
			t.Fatal(err)
		}
		err = p.Wait()
		size := sandbox.FolderSize(dir)
		if got := p.OverFolder(); got != tc.wantOver {
			t.Errorf("FolderBytes %d MiB: OverFolder() = %v, want %v (the folder holds %d MiB; Wait() = %v)", tc.limit>>20, got, tc.wantOver, size>>20, err)
		}
		if tc.wantOver {
			if err == nil {
				t.Errorf("FolderBytes %d MiB: Wait() = nil, want the child killed", tc.limit>>20)
			}
			// Killed soon after the cap, not at the end of its writing.
			if size >= fillFiles<<20 {
				t.Errorf("FolderBytes %d MiB: the child wrote all %d MiB", tc.limit>>20, size>>20)
			}
		} else if err != nil || size != fillFiles<<20 {
			t.Errorf("FolderBytes %d MiB: Wait() = %v with %d MiB written, want a clean exit after %d MiB", tc.limit>>20, err, size>>20, fillFiles)
		}
	}
}

func TestFolderSize(t *testing.T) {
	dir := t.TempDir()
	if got := sandbox.FolderSize(dir); got != 0 {
		t.Errorf("FolderSize(empty) = %d, want 0", got)
	}
	if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{"x": 10, "a/y": 20, "a/b/z": 30} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), make([]byte, n), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got := sandbox.FolderSize(dir); got != 60 {
		t.Errorf("FolderSize(three files in nested folders) = %d, want 60", got)
	}
	if got := sandbox.FolderSize(filepath.Join(dir, "missing")); got != 0 {
		t.Errorf("FolderSize(missing) = %d, want 0", got)
	}
}

func TestSignalOfPlainExit(t *testing.T) {
	if name, cpu := sandbox.Signal(errors.New("not an exit")); name != "" || cpu {
		t.Errorf("Signal(other error) = %q, %v; want none", name, cpu)
	}
}
