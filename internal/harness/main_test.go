package harness_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/gotest"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/supportsyms"
	"go.uber.org/goleak"
)

// TestMain lets this test binary serve as the interpreter's worker, and
// fails the run if an engine leaves a goroutine behind (a reader of a
// killed child's pipe, say).
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain(supportsyms.Table()))
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

var (
	loadOnce sync.Once
	chapters []*chapter.Chapter
	loadErr  error
)

// workbook returns the repository's chapters and a harness over them.
func workbook(t testing.TB, timeout time.Duration) ([]*chapter.Chapter, *harness.Harness) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	loadOnce.Do(func() { chapters, loadErr = chapter.Load(os.DirFS(root)) })
	if loadErr != nil {
		t.Fatalf("chapter.Load: %v", loadErr)
	}
	h := &harness.Harness{
		FS: os.DirFS(root),
		Engines: map[harness.EngineName]harness.Engine{
			"interp": &interp.Engine{},
			"go":     &gotest.Engine{},
		},
		Limits: harness.Limits{TestTimeout: timeout},
	}
	return chapters, h
}
