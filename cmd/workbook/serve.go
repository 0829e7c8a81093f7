package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"syscall"
	"time"

	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/server"
)

// defaultAddr is where the web workbook listens unless told otherwise; when
// the port is taken it falls back to any free one.
const defaultAddr = "127.0.0.1:7878"

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := flags.String("addr", defaultAddr, "listen on HOST:PORT")
	wsFlag := flags.String("workspace", "", "your workbook folder")
	noOpen := flags.Bool("no-open", false, "do not open a browser")
	if _, err := parseArgs(flags, args); err != nil {
		return err
	}
	wb, err := open()
	if err != nil {
		return err
	}
	ws, lf, rep, err := wb.openFolder(*wsFlag)
	if err != nil {
		return err
	}
	defer ws.Close()
	printFolderNotes(stdout, lf, rep)
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{
		Chapters:  wb.chapters,
		Harness:   wb.h,
		Workspace: ws,
		Renderer:  render.New(render.For(render.Browser)),
		Port:      ln.Addr().(*net.TCPAddr).Port,
		Logger:    slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		ln.Close()
		return err
	}
	url := fmt.Sprintf("http://%s/?token=%s", ln.Addr(), srv.Token())
	fmt.Fprintf(stdout, "Workbook running at %s\n", url)
	fmt.Fprintf(stdout, "Your files: %s\nPress Ctrl-C to stop.\n", displayDir(ws.Dir()))

	stop := make(chan struct{})
	go func() {
		if err := srv.Watch(stop); err != nil {
			fmt.Fprintln(stderr, "workbook: watching your files:", err)
		}
	}()
	hs := server.HTTPServer(srv.Handler(), server.DefaultTimeouts)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if !*noOpen {
		// The launcher file holds the token: removed once the browser spent
		// it, or when the server stops.
		if l, err := openBrowser(url); err == nil {
			defer l.Remove()
			go func() {
				select {
				case <-srv.TokenSpent():
					_ = l.Remove()
				case <-stop:
				}
			}()
		} else {
			fmt.Fprintln(stderr, "workbook: could not open a browser; open the link above:", err)
		}
	}
	select {
	case err := <-errc:
		close(stop)
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "\nStopping the workbook…")
	close(stop)
	srv.Shutdown() // ends runs, which kills their workers
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutCtx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// listen listens on addr, or on a free port of the same host when the
// default port is taken.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	if addr != defaultAddr || !errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	host, _, _ := net.SplitHostPort(addr)
	return net.Listen("tcp", net.JoinHostPort(host, "0"))
}
