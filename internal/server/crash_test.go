package server_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// child is a workbook server in a process of its own, to be killed.
type child struct {
	cmd    *exec.Cmd
	base   string
	cookie *http.Cookie // its session, signed in with the token link
}

func startChild(t testing.TB, dir string) *child {
	t.Helper()
	return startChildOn(t, dir, false)
}

// startChildOn is startChild, serving the curriculum if curriculum is set
// and the fixture workbook if not.
func startChildOn(t testing.TB, dir string, curriculum bool) *child {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childServeEnv+"="+dir)
	if curriculum {
		cmd.Env = append(cmd.Env, childCurriculumEnv+"=1")
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "PORT ") {
		_ = cmd.Process.Kill()
		t.Fatalf("child server did not start: %q %v", line, err)
	}
	// A child the test did not end (a failed sign-in, say) is killed.
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	c := &child{cmd: cmd, base: "http://127.0.0.1:" + strings.TrimSpace(strings.TrimPrefix(line, "PORT "))}
	c.cookie = signIn(t, c.base, testToken)
	return c
}

func (c *child) put(path string, body []byte) {
	req, _ := http.NewRequest("PUT", c.base+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(c.cookie)
	res, err := http.DefaultClient.Do(req)
	if err == nil {
		res.Body.Close()
	}
}

// crashRounds is how many times TestCrashDuringSave kills the server;
// WORKBOOK_CRASH_ROUNDS asks for more (issue 7's long form).
func crashRounds() int {
	if n, err := strconv.Atoi(os.Getenv("WORKBOOK_CRASH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 15
}

// TestCrashDuringSave kills the server with SIGKILL at random moments while
// a page saves large versions of a file as fast as it can: every time, the
// file is whole (one of the versions sent, or the stub), and so is every
// version in its history.
func TestCrashDuringSave(t *testing.T) {
	t.Parallel() // beside the other long tests; none of them counts workers
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	f.ts.Close() // the child serves this workspace
	file := filepath.Join(f.dir, "01-tally", "tally.go")
	stub, _ := os.ReadFile(file)
	versions := map[string]bool{string(stub): true}
	body := func(i int) []byte {
		content := fmt.Sprintf("package tally // version %d\n%s\n", i, strings.Repeat(fmt.Sprintf("// %c\n", 'a'+i%26), 20000))
		versions[content] = true
		return []byte(fmt.Sprintf(`{"content":%q}`, content))
	}
	rng := rand.New(rand.NewSource(1))
	n, cut := 0, 0
	defer func() { t.Logf("%d of %d kills landed in the middle of writing a file", cut, crashRounds()) }()
	for round := 0; round < crashRounds(); round++ {
		c := startChild(t, f.dir)
		bodies := make([][]byte, 40)
		for i := range bodies {
			bodies[i] = body(n)
			n++
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, b := range bodies {
				c.put("/api/chapters/01-tally/files/tally.go", b)
			}
		}()
		time.Sleep(time.Duration(rng.Intn(40)+1) * time.Millisecond)
		_ = c.cmd.Process.Signal(syscall.SIGKILL)
		_ = c.cmd.Wait()
		<-done

		if tmp, _ := filepath.Glob(filepath.Join(f.dir, "01-tally", ".tally.go.tmp-*")); len(tmp) > 0 {
			cut++ // killed in the middle of writing a new version
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !versions[string(got)] {
			t.Fatalf("round %d: tally.go is torn (%d bytes, starts %q)", round, len(got), firstLineOf(got))
		}
		ws, err := workspace.Open(f.dir)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := ws.History("01-tally", "tally.go")
		if err != nil {
			t.Fatalf("round %d: history: %v", round, err)
		}
		for _, v := range vs {
			data, err := ws.ReadVersion("01-tally", "tally.go", v.ID)
			if err != nil || !versions[string(data)] {
				t.Fatalf("round %d: history version %s is torn (%d bytes, %v)", round, v.ID, len(data), err)
			}
		}
		if _, err := ws.Progress(); err != nil {
			t.Fatalf("round %d: progress: %v", round, err)
		}
		ws.Close()
	}
}

func firstLineOf(b []byte) string {
	l, _, _ := strings.Cut(string(b), "\n")
	return l
}

// TestNoWorkerOutlivesTheServer starts a run that loops forever, then kills
// the server (SIGKILL, then in a second round a clean Ctrl-C): its worker
// must not survive it.
func TestNoWorkerOutlivesTheServer(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	f.ts.Close()
	loop := `{"suite":"example","files":{"tally.go":"package tally\n\nfunc Total(lines []string) int {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n"}}`
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		c := startChild(t, f.dir)
		go func() {
			req, _ := http.NewRequest("POST", c.base+"/api/chapters/01-tally/run", strings.NewReader(loop))
			req.Header.Set("Content-Type", "application/json")
			req.AddCookie(c.cookie)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if res, err := http.DefaultClient.Do(req.WithContext(ctx)); err == nil {
				res.Body.Close()
			}
		}()
		deadline := time.Now().Add(5 * time.Second)
		for workers(t) == 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if workers(t) == 0 {
			t.Fatalf("%v: no worker started", sig)
		}
		_ = c.cmd.Process.Signal(sig)
		_ = c.cmd.Wait()
		deadline = time.Now().Add(3 * time.Second)
		for workers(t) > 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if n := workers(t); n > 0 {
			t.Errorf("after %v to the server, %d worker processes are still alive", sig, n)
		}
	}
}

// workers counts live worker processes started from this test binary.
func workers(t *testing.T) int {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir("/proc")
	n := 0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe"))
		if err != nil || exe != self {
			continue
		}
		env, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		zombie := strings.Contains(string(stat), ") Z ")
		if bytes.Contains(env, []byte("WORKBOOK_INTERP_WORKER=1")) && !zombie {
			n++
		}
	}
	return n
}
