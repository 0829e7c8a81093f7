package server_test

import (
	"context"
	"fmt"
	workbook "github.com/cqrsworkbook/workbook"
	fixturebook "github.com/cqrsworkbook/workbook/internal/fixture"
	"net"
	"net/http"
	"os"
	"os/signal"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/server"
	"github.com/cqrsworkbook/workbook/internal/supportsyms"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// childServeEnv makes this test binary a workbook server over the
// workspace the variable names, for the crash tests, which kill it. It
// serves the fixture workbook, or the curriculum if childCurriculumEnv is
// set too.
const (
	childServeEnv      = "WORKBOOK_TEST_SERVE_WORKSPACE"
	childCurriculumEnv = "WORKBOOK_TEST_SERVE_CURRICULUM"
)

// TestMain lets this test binary serve as the interpreter's worker, and as
// a server to kill.
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain(supportsyms.Table()))
	}
	if dir := os.Getenv(childServeEnv); dir != "" {
		os.Exit(childServe(dir))
	}
	// Under -race, the race runtime sleeps a second before a process
	// exits, to let other goroutines report; every worker and command a
	// test starts would wait it out. Races are still reported as they
	// happen, and a child that found one still exits non-zero.
	if os.Getenv("GORACE") == "" {
		os.Setenv("GORACE", "atexit_sleep_ms=0")
	}
	os.Exit(m.Run())
}

func childServe(dir string) int {
	fsys := fixturebook.FS()
	if os.Getenv(childCurriculumEnv) != "" {
		fsys = workbook.Content()
	}
	chs, err := chapter.Load(fsys)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	h := &harness.Harness{FS: fsys, Engines: map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}},
		Limits: harness.Limits{TestTimeout: 30 * time.Second}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	srv, err := server.New(server.Config{Chapters: chs, Harness: h, Workspace: ws, Renderer: render.New(), Token: testToken, Port: ln.Addr().(*net.TCPAddr).Port})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	hs := &http.Server{Handler: srv.Handler()}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt)
		<-c
		srv.Shutdown()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(ctx)
	}()
	fmt.Printf("PORT %d\n", ln.Addr().(*net.TCPAddr).Port)
	if err := hs.Serve(ln); err != nil && err != http.ErrServerClosed {
		return 1
	}
	return 0
}
