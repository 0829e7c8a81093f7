package server_test

import (
	workbook "github.com/cqrsworkbook/workbook"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/gotest"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
)

// BenchmarkRunRequest measures a run request for chapter 1's example suite
// against the solution's code, through the whole server (HTTP, preflight,
// worker, report, stars), beside the baseline of warm `go test` of the
// same package in the same workspace, in one benchmark run:
//
//	go test -run '^$' -bench RunRequest -benchtime 10x ./internal/server/
func BenchmarkRunRequest(b *testing.B) {
	f := newCurriculumFixture(b, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}, "go": &gotest.Engine{}}, 1, 1)
	ch := chapter.Find(curriculum, "01-commands")
	var files []string
	for _, name := range ch.LearnerFiles {
		files = append(files, strconv.Quote(name)+":"+strconv.Quote(string(ch.Solution[name])))
	}
	body := `{"suite":"example","engine":"interp","files":{` + strings.Join(files, ",") + `}}`
	b.Run("request/interp", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			status, out, _ := f.do(b, "POST", "/api/chapters/01-commands/run", body, nil)
			if status != http.StatusOK || !strings.Contains(out, `"status":"pass"`) {
				b.Fatalf("run = %d %.200s", status, out)
			}
		}
	})
	b.Run("baseline/go-test-warm", func(b *testing.B) {
		if _, err := exec.LookPath("go"); err != nil {
			b.Skip("no go toolchain")
		}
		// The solution, written into the workspace, as a learner would have it.
		for _, name := range ch.LearnerFiles {
			if err := os.WriteFile(filepath.Join(f.dir, ch.ID, name), ch.Solution[name], 0o644); err != nil {
				b.Fatal(err)
			}
		}
		cmd := func() {
			c := exec.Command("go", "test", "-count=1", "-run", "Example", "./"+ch.ID+"/")
			c.Dir = f.dir
			c.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
			if out, err := c.CombinedOutput(); err != nil {
				b.Fatalf("go test: %v\n%s", err, out)
			}
		}
		cmd() // warm the build cache
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			cmd()
		}
	})
}

// BenchmarkPageWeight reports what a day's page weighs as served to a
// browser that accepts gzip: the page itself, and the script, editor bundle
// and styles it loads (the raw sizes too, for comparison).
func BenchmarkPageWeight(b *testing.B) {
	f := newCurriculumFixture(b, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	var page, assets, raw int
	for i := 0; i < b.N; i++ {
		page, assets, raw = 0, 0, 0
		_, body, _ := f.do(b, "GET", "/chapters/08-process-managers", "", map[string]string{"Accept-Encoding": "gzip"})
		page = len(body)
		for _, name := range []string{"app.js", "editor.js", "app.css", "code.css"} {
			status, body, hdr := f.do(b, "GET", "/static/"+name, "", map[string]string{"Accept-Encoding": "gzip"})
			if status != 200 || hdr.Get("Content-Encoding") != "gzip" {
				b.Fatalf("GET /static/%s = %d, %q", name, status, hdr.Get("Content-Encoding"))
			}
			assets += len(body)
			_, plain, _ := f.do(b, "GET", "/static/"+name, "", map[string]string{"Accept-Encoding": "identity"})
			raw += len(plain)
		}
	}
	b.ReportMetric(float64(page), "page-bytes")
	b.ReportMetric(float64(assets), "assets-bytes")
	b.ReportMetric(float64(page+assets), "served-bytes")
	b.ReportMetric(float64(raw), "assets-raw-bytes")
}

// BenchmarkIdleMemory starts a workbook server in a process of its own,
// loads the home page and a chapter page, lets it settle, and reports its
// resident memory (VmRSS).
func BenchmarkIdleMemory(b *testing.B) {
	f := newCurriculumFixture(b, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, 1, 1)
	var rss int
	for i := 0; i < b.N; i++ {
		c := startChildOn(b, f.dir, true)
		for _, p := range []string{"/", "/chapters/01-commands", "/api/chapters/01-commands"} {
			req, _ := http.NewRequest("GET", c.base+p, nil)
			req.AddCookie(c.cookie)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			res.Body.Close()
		}
		time.Sleep(500 * time.Millisecond)
		status, _ := os.ReadFile("/proc/" + strconv.Itoa(c.cmd.Process.Pid) + "/status")
		for _, l := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(l, "VmRSS:") {
				rss, _ = strconv.Atoi(strings.Fields(l)[1])
			}
		}
		_ = c.cmd.Process.Kill()
		_ = c.cmd.Wait()
	}
	b.ReportMetric(float64(rss)/1024, "MiB-rss")
}

// BenchmarkSaturation measures how many run requests the server completes
// per second when more learners press Run at once than it has workers (one
// per CPU; the rest wait in its queue, and a full queue answers 429, after
// which a client waits a moment and tries again), against the baseline of
// one learner running alone in the same benchmark run:
//
//	go test -run '^$' -bench Saturation -benchtime 3x ./internal/server/
func BenchmarkSaturation(b *testing.B) {
	ch := chapter.Find(mustChapters(b), "01-commands")
	var files []string
	for _, name := range ch.LearnerFiles {
		files = append(files, strconv.Quote(name)+":"+strconv.Quote(string(ch.Solution[name])))
	}
	body := `{"suite":"example","engine":"interp","files":{` + strings.Join(files, ",") + `}}`
	const runs = 40
	for _, clients := range []int{1, 4 * runtime.NumCPU()} {
		b.Run("clients="+strconv.Itoa(clients), func(b *testing.B) {
			f := newCurriculumFixture(b, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, runtime.NumCPU(), 8)
			var rejected atomic.Int64
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				next := make(chan int, runs)
				for r := 0; r < runs; r++ {
					next <- r
				}
				close(next)
				start := time.Now()
				var wg sync.WaitGroup
				for c := 0; c < clients; c++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for range next {
							for {
								status, out, _ := f.do(b, "POST", "/api/chapters/01-commands/run", body, nil)
								if status == http.StatusTooManyRequests {
									rejected.Add(1)
									time.Sleep(20 * time.Millisecond)
									continue
								}
								if status != http.StatusOK || !strings.Contains(out, `"status":"pass"`) {
									b.Errorf("run = %d %.200s", status, out)
								}
								break
							}
						}
					}()
				}
				wg.Wait()
				elapsed += time.Since(start)
			}
			b.ReportMetric(float64(runs*b.N)/elapsed.Seconds(), "runs/s")
			b.ReportMetric(float64(rejected.Load())/float64(b.N), "429s/op")
		})
	}
}

// The benchmarks measure the curriculum's own first day.
var (
	curriculumOnce  sync.Once
	curriculum      []*chapter.Chapter
	curriculumError error
)

// mustChapters loads the workbook's chapters once.
func mustChapters(t testing.TB) []*chapter.Chapter {
	t.Helper()
	curriculumOnce.Do(func() { curriculum, curriculumError = chapter.Load(workbook.Content()) })
	if curriculumError != nil {
		t.Fatal(curriculumError)
	}
	return curriculum
}

// newCurriculumFixture is newFixture over the curriculum.
func newCurriculumFixture(t testing.TB, engines map[harness.EngineName]harness.Engine, runs, queue int) *fixture {
	t.Helper()
	return newFixtureOn(t, workbook.Content(), mustChapters(t), engines, runs, queue)
}
