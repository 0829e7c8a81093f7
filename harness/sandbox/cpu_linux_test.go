package sandbox_test

import (
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/harness/sandbox"
)

// A Go program ignores the soft limit's SIGXCPU, so the hard limit (five
// seconds later) is what ends it, with SIGKILL.
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
		if name, _ := sandbox.Signal(err); name == "" {
			t.Errorf("Signal(%v) names no signal, want the child killed by its limit", err)
		}
	case <-time.After(30 * time.Second):
		p.Kill()
		<-done
		t.Fatal("a spinning child with a 1 s CPU limit ran for 30 s")
	}
}
