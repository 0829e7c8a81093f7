package harness_test

import (
	"context"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/chapter"
	"github.com/cqrsworkbook/workbook/harness"
)

// BenchmarkExampleSuite runs each chapter's example suite against the
// reference solution, in the interpreter (a fresh worker process per run)
// and with warm go test (build cache filled by the first run), in one
// benchmark run so the two can be compared as a ratio:
//
//	go test -run '^$' -bench ExampleSuite -benchtime 10x ./harness/
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
		for _, engine := range []string{"interp", "go"} {
			b.Run(ch.ID+"/"+engine, func(b *testing.B) {
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
