package main

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestBrowserOpensTheLauncherNotTheLink: the desktop's opener is given the
// path of a private launcher file, never the link with its token, and the
// file sends the browser on to the link.
func TestBrowserOpensTheLauncherNotTheLink(t *testing.T) {
	const token = "0123456789abcdef0123456789abcdef0123456789abcdef"
	link := "http://127.0.0.1:7878/?token=" + token
	var opened []string
	defer func(f func(string) error) { startOpener = f }(startOpener)
	startOpener = func(path string) error {
		opened = append(opened, path)
		return nil
	}
	l, err := openBrowser(link)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Remove()
	if len(opened) != 1 || opened[0] != l.Path {
		t.Fatalf("the opener was given %q, want the launcher %q", opened, l.Path)
	}
	for _, goos := range []string{"linux", "darwin", "windows", "freebsd"} {
		args := openerArgs(goos, opened[0])
		if strings.Contains(strings.Join(args, " "), token) {
			t.Errorf("on %s the opener's command line carries the token: %q", goos, args)
		}
	}
	data, err := os.ReadFile(l.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `content="0;url=`+link+`"`) || !strings.Contains(string(data), `href="`+link+`"`) {
		t.Errorf("the launcher does not send the browser on to %s:\n%s", link, data)
	}
	if fi, err := os.Stat(l.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the launcher's mode: %v %v, want 0600", fi.Mode().Perm(), err)
	}
	if err := l.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(l.Path); !os.IsNotExist(err) {
		t.Errorf("the launcher is still there after Remove: %v", err)
	}
}

// TestOpenerArgs: the opener of each desktop, given the file's path.
func TestOpenerArgs(t *testing.T) {
	p := "/tmp/workbook-1/open-workbook.html"
	for goos, want := range map[string][]string{
		"darwin":  {"open", p},
		"windows": {"rundll32", "url.dll,FileProtocolHandler", p},
		"linux":   {"xdg-open", p},
		"freebsd": {"xdg-open", p},
	} {
		if got := openerArgs(goos, p); !reflect.DeepEqual(got, want) {
			t.Errorf("openerArgs(%s) = %q, want %q", goos, got, want)
		}
	}
}
