package check

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/testdb"
	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// capstoneID is the chapter whose SQL event store the race test drives.
const capstoneID = "16-capstone"

// TestCapstoneTwoProcesses runs two separate processes that append to one
// stream of the same database at the same expected version, through the
// capstone's reference solution, on SQLite and on PostgreSQL: in every
// round exactly one append succeeds and the other is refused as a
// concurrency conflict, and the stream holds the winner's event alone.
// The database, not a lock in one process, is what decides.
func TestCapstoneTwoProcesses(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	chapters, err := chapter.Load(os.DirFS(root))
	if err != nil {
		t.Fatalf("chapter.Load: %v", err)
	}
	ch, err := chapter.Lookup(chapters, capstoneID)
	if err != nil {
		t.Fatalf("the capstone chapter: %v", err)
	}
	bin := buildAppendRace(t, root, chapters, ch)

	const rounds = 8
	for _, dialect := range testdb.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			d := testdb.Open(t, dialect)
			if out, err := exec.Command(bin, "-dialect", dialect, "-dsn", d.DSN(), "-init").CombinedOutput(); err != nil {
				t.Fatalf("appendrace -init: %v\n%s", err, out)
			}
			for round := 1; round <= rounds; round++ {
				stream := fmt.Sprintf("acc-race-%d", round)
				got := race(t, bin, dialect, d.DSN(), stream)
				if got["appended"] != 1 || got["conflict"] != 1 {
					t.Fatalf("round %d on %s: outcomes %v, want exactly one appended and one conflict", round, dialect, got)
				}
				var n int
				if err := d.DB.QueryRow("SELECT COUNT(*) FROM events WHERE stream_id = $1", stream).Scan(&n); err != nil {
					t.Fatalf("count the events of %s: %v", stream, err)
				}
				if n != 1 {
					t.Errorf("round %d on %s: stream %s holds %d events, want the winner's 1", round, dialect, stream, n)
				}
			}
		})
	}
}

// race starts two appendrace processes on one stream, lets both open the
// database, releases them together and counts their outcomes.
func race(t *testing.T, bin, dialect, dsn, stream string) map[string]int {
	t.Helper()
	type racer struct {
		cmd   *exec.Cmd
		stdin io.WriteCloser
		out   *bufio.Reader
	}
	var racers []racer
	for _, owner := range []string{"Ada Lovelace", "Grace Hopper"} {
		cmd := exec.Command(bin, "-dialect", dialect, "-dsn", dsn, "-stream", stream, "-owner", owner)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		r := racer{cmd, stdin, bufio.NewReader(stdout)}
		if line, err := r.out.ReadString('\n'); strings.TrimSpace(line) != "ready" {
			t.Fatalf("appendrace did not get ready: %q %v", line, err)
		}
		racers = append(racers, r)
	}
	var wg sync.WaitGroup
	lines := make([]string, len(racers))
	for i, r := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.stdin.Write([]byte("go\n"))
			r.stdin.Close()
			line, _ := r.out.ReadString('\n')
			lines[i] = strings.TrimSpace(line)
			r.cmd.Wait()
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatalf("the racers on %s did not finish within a minute", stream)
	}
	got := map[string]int{}
	for _, l := range lines {
		got[l]++
	}
	return got
}

// buildAppendRace builds testdata/appendrace in a learner folder whose
// capstone files are the reference solution, as the go engine does.
func buildAppendRace(t *testing.T, root string, chapters []*chapter.Chapter, ch *chapter.Chapter) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command: the race test builds a program")
	}
	content := chapter.View(os.DirFS(root))
	folder := t.TempDir()
	if _, err := workspace.Prepare(folder, content, chapters); err != nil {
		t.Fatalf("workspace.Prepare: %v", err)
	}
	files := map[string]string{
		path.Join("appendrace", "main.go"): path.Join("internal", "check", "testdata", "appendrace", "main.go"),
	}
	for _, f := range ch.Meta.LearnerFiles {
		files[path.Join(ch.ID, f)] = path.Join(chapter.SolutionsDir, ch.ID, f)
	}
	for dst, src := range files {
		data, err := fs.ReadFile(content, src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(folder, filepath.Dir(dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, filepath.FromSlash(dst)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(t.TempDir(), "appendrace")
	cmd := exec.Command("go", "build", "-o", bin, "./appendrace")
	cmd.Dir = folder
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build appendrace: %v\n%s", err, out)
	}
	return bin
}
