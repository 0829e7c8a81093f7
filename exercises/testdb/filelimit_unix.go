//go:build unix

package testdb

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// A write past the workbook's file-size limit (RLIMIT_FSIZE) fails, and
// the system signals SIGXFSZ, which is how the error learns why.
var xfsz = make(chan os.Signal, 1)

func init() { signal.Notify(xfsz, syscall.SIGXFSZ) }

// reachedFileLimit reports whether a write of this process was refused at
// the file-size limit. The signal comes with the failed write but reaches
// the channel a moment later, so a caller holding an I/O error waits for
// it, briefly.
func reachedFileLimit(ioError bool) bool {
	if fileLimit.Load() {
		return true
	}
	select {
	case <-xfsz:
		fileLimit.Store(true)
		return true
	default:
	}
	if !ioError {
		return false
	}
	select {
	case <-xfsz:
		fileLimit.Store(true)
		return true
	case <-time.After(200 * time.Millisecond):
		return false
	}
}
