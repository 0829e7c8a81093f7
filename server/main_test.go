package server_test

import (
	"os"
	"testing"

	"github.com/cqrsworkbook/workbook/harness/interp"
)

// TestMain lets this test binary serve as the interpreter's worker.
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain())
	}
	os.Exit(m.Run())
}
