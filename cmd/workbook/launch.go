package main

import (
	"os/exec"
	"runtime"

	"github.com/cqrsworkbook/workbook/internal/server"
)

// openBrowser writes a launcher file that sends the browser on to link and
// asks the desktop to open that file, so that the token in link is on no
// command line. It returns the launcher, to be removed when the server
// stops; without a desktop the printed link is enough, so a failure to
// start the opener is not an error.
func openBrowser(link string) (*server.Launcher, error) {
	l, err := server.NewLauncher(link)
	if err != nil {
		return nil, err
	}
	_ = startOpener(l.Path)
	return l, nil
}

// startOpener starts the desktop's opener on a file; tests replace it.
var startOpener = func(path string) error {
	args := openerArgs(runtime.GOOS, path)
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// openerArgs is the command that opens a file in its default application
// (a browser, for .html) on goos.
func openerArgs(goos, path string) []string {
	switch goos {
	case "darwin":
		return []string{"open", path}
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", path}
	default:
		return []string{"xdg-open", path}
	}
}
