package server_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
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
// workspace the variable names, for the crash tests, which kill it.
const childServeEnv = "WORKBOOK_TEST_SERVE_WORKSPACE"

// TestMain lets this test binary serve as the interpreter's worker, and as
// a server to kill.
func TestMain(m *testing.M) {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain(supportsyms.Table()))
	}
	if dir := os.Getenv(childServeEnv); dir != "" {
		os.Exit(childServe(dir))
	}
	os.Exit(m.Run())
}

func childServe(dir string) int {
	root, _ := filepath.Abs("../..")
	fsys := os.DirFS(root)
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
