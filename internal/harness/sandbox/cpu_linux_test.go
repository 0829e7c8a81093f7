package sandbox_test

import (
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness/sandbox"
)

// A Go program ignores SIGXCPU unless it asks for it; LimitSelf does, so a
// spinning child ends at its soft limit and says why.
func TestCPULimitEndsASpinningChild(t *testing.T) {
	cmd := command(t, "spin")
	p, err := sandbox.Start(cmd, sandbox.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.Wait() }()
	select {
	case err := <-done:
		if _, cpu := sandbox.Signal(err); !cpu {
			t.Errorf("Signal(%v): cpuLimit = false, want the CPU limit named", err)
		}
	case <-time.After(30 * time.Second):
		p.Kill()
		<-done
		t.Fatal("a spinning child with a 1 s CPU limit ran for 30 s")
	}
}
