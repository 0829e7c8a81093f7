package harness_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
)

// BenchmarkExampleSuite runs each chapter's example suite against the
// reference solution, in the interpreter (a fresh worker process per run)
// and with warm go test (build cache filled by the first run), in one
// benchmark run so the two can be compared as a ratio:
//
//	go test -run '^$' -bench ExampleSuite -benchtime 10x ./internal/harness/
func BenchmarkExampleSuite(b *testing.B) {
	benchSuite(b, chapter.Example)
}

// BenchmarkFullSuite does the same for the full suite, puzzle input and all.
func BenchmarkFullSuite(b *testing.B) {
	benchSuite(b, chapter.Full)
}

func benchSuite(b *testing.B, suite chapter.Suite) {
	chapters, h := workbook(b, 10*time.Second)
	for _, ch := range chapters {
		for _, engine := range harness.EngineNames {
			b.Run(ch.ID+"/"+engine.String(), func(b *testing.B) {
				req := harness.Request{Chapter: ch, Suite: suite, Engine: engine, Solution: true}
				if _, err := h.Run(context.Background(), req); err != nil { // warm the build cache
					b.Fatal(err)
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					rep, err := h.Run(context.Background(), req)
					if err != nil {
						b.Fatal(err)
					}
					if rep.Status != harness.Pass {
						b.Fatalf("%s %s: %s", ch.ID, engine, rep.Status)
					}
				}
			})
		}
	}
}

// BenchmarkWorkerMemory reports the peak resident memory of an interpreter
// worker running each chapter's full suite against the reference solution
// (the kernel's maximum RSS of this process's waited-for children, which
// are only those workers), as a share of the worker's memory limit:
//
//	go test -run '^$' -bench WorkerMemory -benchtime 1x ./internal/harness/
//
// Run it on its own: the figure is a maximum over the whole process, so the
// chapters run from the smallest to the largest and each reports the peak
// so far.
func BenchmarkWorkerMemory(b *testing.B) {
	chapters, h := workbook(b, 10*time.Second)
	for _, ch := range chapters {
		b.Run(ch.ID, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Suite: chapter.Full, Engine: "interp", Solution: true})
				if err != nil {
					b.Fatal(err)
				}
				if rep.Status != harness.Pass {
					b.Fatalf("%s: %s", ch.ID, rep.Status)
				}
			}
			mib, ok := childPeakMiB(b)
			if !ok {
				return // this system does not say
			}
			b.ReportMetric(mib, "peak-MiB")
			b.ReportMetric(mib*(1<<20)/float64(harness.DefaultLimits.MemoryBytes), "of-limit")
		})
	}
}

// BenchmarkPuzzleScaling runs chapter 4's puzzle (its generator multiplies
// its 1,500 lines by puzzle.Scale) at 1×, 4× and 16× its input in both
// engines, and reports the puzzle tests' own time (the report's durations,
// so neither the worker's start nor the compile counts):
//
//	go test -run '^$' -bench PuzzleScaling -benchtime 3x ./internal/harness/
func BenchmarkPuzzleScaling(b *testing.B) {
	chapters, h := workbook(b, 60*time.Second)
	ch, err := chapter.Lookup(chapters, "04")
	if err != nil {
		b.Fatal(err)
	}
	var puzzles []string
	for _, t := range ch.Select(chapter.Full) {
		if strings.Contains(t.Name, "Puzzle") {
			puzzles = append(puzzles, t.Name)
		}
	}
	for _, scale := range []int{1, 4, 16} {
		for _, engine := range harness.EngineNames {
			b.Run("x"+strconv.Itoa(scale)+"/"+engine.String(), func(b *testing.B) {
				req := harness.Request{Chapter: ch, Suite: chapter.Full, Engine: engine, Solution: true, Scale: scale, Tests: puzzles}
				var ms float64
				for i := 0; i < b.N; i++ {
					rep, err := h.Run(context.Background(), req)
					if err != nil {
						b.Fatal(err)
					}
					if rep.Status != harness.Pass {
						b.Fatalf("%s ×%d %s: %s %+v", ch.ID, scale, engine, rep.Status, rep.Tests)
					}
					for _, t := range rep.Tests {
						ms += float64(t.DurationMS)
					}
				}
				b.ReportMetric(ms/float64(b.N), "puzzle-ms/op")
			})
		}
	}
}

// BenchmarkStart measures what a run costs before any test runs: starting
// an interpreter worker on a package with one empty test, beside the
// baseline of one cold go test of chapter 1's example suite (an empty
// build cache, as on a learner's first run with the go engine), measured
// once in the same run:
//
//	go test -run '^$' -bench Start -benchtime 10x ./internal/harness/
func BenchmarkStart(b *testing.B) {
	b.Run("interp-worker", func(b *testing.B) {
		job := harness.Job{Chapter: "empty", ImportPath: "example.com/empty", Limits: harness.DefaultLimits,
			Files: map[string][]byte{
				"empty.go":      []byte("package empty\n"),
				"empty_test.go": []byte("package empty\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n"),
			},
			Tests: []string{"TestNothing"}}
		for i := 0; i < b.N; i++ {
			out, err := (&interp.Engine{}).Run(context.Background(), job)
			if err != nil {
				b.Fatal(err)
			}
			if len(out.Tests) != 1 || out.Tests[0].Status != harness.Pass {
				b.Fatalf("the empty package's test: %+v", out)
			}
		}
	})
	b.Run("baseline/go-test-cold", func(b *testing.B) {
		chapters, h := workbook(b, 10*time.Minute)
		ch, err := chapter.Lookup(chapters, "1")
		if err != nil {
			b.Fatal(err)
		}
		b.Setenv("GOCACHE", b.TempDir())
		req := harness.Request{Chapter: ch, Suite: chapter.Example, Engine: "go", Solution: true}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			if err := os.Setenv("GOCACHE", b.TempDir()); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			rep, err := h.Run(context.Background(), req)
			if err != nil || rep.Status != harness.Pass {
				b.Fatalf("cold go test: %v %+v", err, rep)
			}
		}
	})
}

// BenchmarkFirstRun measures the first run of a fresh process (as the
// first run after the workbook starts: chapter 1's example suite in the
// interpreter, the chapters already loaded) against the warm run that
// follows it in the same process, each in a child process of its own:
//
//	go test -run '^$' -bench FirstRun -benchtime 5x ./internal/harness/
func BenchmarkFirstRun(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	var first, warm time.Duration
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(exe, "-test.run=^TestFirstRunChild$", "-test.v")
		cmd.Env = append(os.Environ(), firstRunEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		m := regexp.MustCompile(`first=(\d+)us warm=(\d+)us`).FindSubmatch(out)
		if m == nil {
			b.Fatalf("child said:\n%s", out)
		}
		f, _ := strconv.Atoi(string(m[1]))
		w, _ := strconv.Atoi(string(m[2]))
		first += time.Duration(f) * time.Microsecond
		warm += time.Duration(w) * time.Microsecond
	}
	b.ReportMetric(float64(first.Milliseconds())/float64(b.N), "first-ms")
	b.ReportMetric(float64(warm.Milliseconds())/float64(b.N), "warm-ms")
	b.ReportMetric(float64(first)/float64(warm), "first/warm")
}

const firstRunEnv = "HARNESS_FIRST_RUN_CHILD"

// TestFirstRunChild is BenchmarkFirstRun's child; it does nothing in a
// plain test run.
func TestFirstRunChild(t *testing.T) {
	if os.Getenv(firstRunEnv) == "" {
		t.Skip("run by BenchmarkFirstRun")
	}
	chapters, h := workbook(t, 5*time.Second)
	ch, err := chapter.Lookup(chapters, "1")
	if err != nil {
		t.Fatal(err)
	}
	req := harness.Request{Chapter: ch, Engine: "interp", Suite: chapter.Example, Solution: true}
	var took [2]time.Duration
	for i := range took {
		t0 := time.Now()
		rep, err := h.Run(context.Background(), req)
		took[i] = time.Since(t0)
		if err != nil || rep.Status != harness.Pass {
			t.Fatalf("run %d: %v %+v", i, err, rep)
		}
	}
	fmt.Printf("first=%dus warm=%dus\n", took[0].Microseconds(), took[1].Microseconds())
}
