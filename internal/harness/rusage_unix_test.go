//go:build darwin || linux

package harness_test

import (
	"runtime"
	"syscall"
	"testing"
)

// childPeakMiB is the largest resident size of any child this process
// waited for.
func childPeakMiB(b *testing.B) (float64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		b.Fatal(err)
	}
	if runtime.GOOS == "darwin" { // the one place the unit differs
		return float64(ru.Maxrss) / (1 << 20), true // bytes
	}
	return float64(ru.Maxrss) / 1024, true // KiB
}
