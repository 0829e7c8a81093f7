package workbook

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

// modulePath is the workbook's module, as learners go install it.
const modulePath = "github.com/cqrsworkbook/workbook"

// TestGoInstall publishes this working tree (what git would commit) as
// v0.1.0 on a module proxy in a folder, runs
//
//	go install github.com/cqrsworkbook/workbook/cmd/workbook@latest
//
// in an empty folder, as a learner would, and then runs the installed
// binary outside any clone with no Go toolchain on PATH: it lists the 16
// chapters, makes a learner folder, finds day 1's stub failing and day
// 16's reference solution passing. The public modules come from the usual
// proxy (or the module cache).
func TestGoInstall(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command: go install needs one")
	}
	const version = "v0.1.0"
	proxy := t.TempDir()
	publish(t, proxy, version)

	work := t.TempDir()
	empty, bin, home := filepath.Join(work, "empty"), filepath.Join(work, "bin"), filepath.Join(work, "home")
	for _, d := range []string{empty, bin, home} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A module cache of its own, so that this v0.1.0 is never mistaken for
	// another; the public modules come from the shared cache's downloads
	// (a proxy in the same layout), else from the usual proxy.
	cache := filepath.Join(work, "modcache")
	shared := filepath.Join(goEnv(t, goBin, "GOMODCACHE"), "cache", "download")
	install := exec.Command(goBin, "install", modulePath+"/cmd/workbook@latest")
	install.Dir = empty
	install.Env = append(os.Environ(),
		"GOPROXY="+fileURL(proxy)+","+fileURL(shared)+","+goEnv(t, goBin, "GOPROXY"),
		"GONOSUMDB="+modulePath,                    // published here only, so in no checksum database
		"GOMODCACHE="+cache, "GOFLAGS=-modcacherw", // so that t.TempDir can remove it
		"GOBIN="+bin, "GOWORK=off", "GOTOOLCHAIN=local")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install %s/cmd/workbook@latest: %v\n%s", modulePath, err, out)
	}
	exe := filepath.Join(bin, "workbook"+exeSuffix())

	// Outside any clone, with nothing on PATH.
	wb := func(dir string, args ...string) (string, error) {
		cmd := exec.Command(exe, args...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + home, "USERPROFILE=" + home, "PATH=" + filepath.Join(work, "nothing"), "NO_COLOR=1", "TMPDIR=" + os.TempDir()}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	steps := []struct {
		dir     string
		args    []string
		wantErr bool
		want    string
	}{
		{empty, []string{"version"}, false, `^workbook ` + version + ` `},
		{empty, []string{"list"}, false, `(?m)^16  16-capstone `},
		{empty, []string{"init", "my folder"}, false, `Made your workbook folder: .*my folder \(16 days\)`},
		{filepath.Join(empty, "my folder", "01-commands"), []string{"test", "1"}, true, `panic: TODO\(ch01\)`},
		{filepath.Join(empty, "my folder"), []string{"test", "16", "--against", "solution"}, false, `The reference solution passes\.`},
	}
	for _, s := range steps {
		out, err := wb(s.dir, s.args...)
		if (err != nil) != s.wantErr || !regexp.MustCompile(s.want).MatchString(out) {
			t.Errorf("workbook %s = error %v, output:\n%s\nwant error %v and output matching %s", strings.Join(s.args, " "), err, out, s.wantErr, s.want)
		}
	}
	out, _ := wb(empty, "list")
	if n := len(regexp.MustCompile(`(?m)^ ?\d+  \d\d-[a-z-]+ `).FindAllString(out, -1)); n != 16 {
		t.Errorf("workbook list lists %d chapters, want 16:\n%s", n, out)
	}
}

// publish writes this working tree as module version v on a proxy in
// folder proxy, in the layout GOPROXY=file://... reads.
func publish(t *testing.T, proxy, v string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git command: the module's files are those git would commit")
	}
	out, err := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var files []zip.File
	for _, p := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if _, err := os.Lstat(p); err == nil { // not deleted from the tree
			files = append(files, diskFile(p))
		}
	}
	dir := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	if err := zip.Create(&z, module.Version{Path: modulePath, Version: v}, files); err != nil {
		t.Fatalf("the module does not make a valid module zip: %v", err)
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":      []byte(v + "\n"),
		v + ".info": fmt.Appendf(nil, `{"Version":%q,"Time":%q}`, v, time.Now().UTC().Format(time.RFC3339)),
		v + ".mod":  mod,
		v + ".zip":  z.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// diskFile is a file of the working tree, by its slash path, for zip.Create.
type diskFile string

func (f diskFile) Path() string                 { return string(f) }
func (f diskFile) Lstat() (os.FileInfo, error)  { return os.Lstat(filepath.FromSlash(string(f))) }
func (f diskFile) Open() (io.ReadCloser, error) { return os.Open(filepath.FromSlash(string(f))) }

func goEnv(t *testing.T, goBin, name string) string {
	t.Helper()
	out, err := exec.Command(goBin, "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// fileURL is a folder as a file:// URL, as GOPROXY takes it on every OS.
func fileURL(dir string) string {
	return (&url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(filepath.ToSlash(dir), "/")}).String()
}

func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}
