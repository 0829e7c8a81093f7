package server

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// LauncherName is the launcher file's name inside its private folder.
const LauncherName = "open-workbook.html"

// Launcher is a private HTML file that sends a browser on to the sign-in
// link, so that the desktop's opener is given a file's path and the token
// never appears on any process's command line (where other users can read
// it). It lives in a folder of its own (0700; the file 0600) until Remove.
type Launcher struct {
	// Path is the file to open.
	Path string
	dir  string
}

// NewLauncher writes a launcher for link, an http or https URL.
func NewLauncher(link string) (*Launcher, error) {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("launcher: %q is not an http URL", link)
	}
	sweepLaunchers(os.TempDir(), time.Now().Add(-staleLauncher))
	dir, err := os.MkdirTemp("", launcherPrefix+"*")
	if err != nil {
		return nil, fmt.Errorf("launcher: %w", err)
	}
	l := &Launcher{Path: filepath.Join(dir, LauncherName), dir: dir}
	if err := os.Chmod(dir, 0o700); err != nil {
		_ = l.Remove()
		return nil, fmt.Errorf("launcher: %w", err)
	}
	f, err := os.OpenFile(l.Path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		_ = l.Remove()
		return nil, fmt.Errorf("launcher: %w", err)
	}
	href := html.EscapeString(u.String())
	_, err = fmt.Fprintf(f, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=%s">
<title>Opening the CQRS Workbook</title>
</head>
<body>
<p>Opening the CQRS Workbook… If it does not open, <a href="%s">follow this link</a>.</p>
</body>
</html>
`, href, href)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = l.Remove()
		return nil, fmt.Errorf("launcher: %w", err)
	}
	return l, nil
}

// launcherPrefix starts the name of a launcher's folder.
const launcherPrefix = "workbook-launch-"

// staleLauncher is the age past which a launcher's folder is litter: a
// workbook that was killed (and so could not remove it) left it, and its
// token was spent or died with that workbook.
const staleLauncher = time.Hour

// sweepLaunchers removes from dir the launcher folders last changed before
// cutoff that hold nothing but a launcher file; anything else is left be.
func sweepLaunchers(dir string, cutoff time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), launcherPrefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(cutoff) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		inside, err := os.ReadDir(p)
		if err != nil || len(inside) > 1 || len(inside) == 1 && (inside[0].Name() != LauncherName || !inside[0].Type().IsRegular()) {
			continue
		}
		_ = os.RemoveAll(p)
	}
}

// Remove deletes the launcher and its folder. It is safe to call more than
// once.
func (l *Launcher) Remove() error { return os.RemoveAll(l.dir) }
