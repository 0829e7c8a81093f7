//go:build ignore

package bank

import (
	"strconv"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/testdb"
)

// The capstone's throughput: appends and loads per second on SQLite and
// PostgreSQL, beside chapter 4's in-memory store in the same run. Run them
// on your own store with go test (the workbook runs tests, not
// benchmarks):
//
//	cd work && go test -run '^$' -bench . ./16-capstone/
//
// The workbook measures its reference solution the same way
// (scripts/benchmarks.sh).

// appender is what both stores have in common for the benchmarks.
type appender interface {
	Append(stream string, expected int, events []Event) (int, error)
}

// benchStores runs bench once with chapter 4's in-memory store and once
// per database dialect with the SQL store.
func benchStores(b *testing.B, bench func(b *testing.B, s appender, load func(stream string) int)) {
	clock := func() *StepClock {
		return &StepClock{T: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC), Step: time.Millisecond}
	}
	b.Run("memory", func(b *testing.B) {
		s := NewEventStore(clock())
		bench(b, s, func(stream string) int { return len(s.ReadStream(stream, 1)) })
	})
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			d := testdb.Open(b, dialect)
			s, err := NewSQLEventStore(d.DB, dialect, clock())
			if err != nil {
				b.Fatal(err)
			}
			bench(b, s, func(stream string) int {
				events, err := s.ReadStream(stream, 1)
				if err != nil {
					b.Fatal(err)
				}
				return len(events)
			})
		})
	}
}

// BenchmarkAppend appends one deposit per operation, each its own
// transaction at the version the writer knows, spread over 100 accounts.
func BenchmarkAppend(b *testing.B) {
	benchStores(b, func(b *testing.B, s appender, _ func(string) int) {
		versions := map[string]int{}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			id := "acc-" + strconv.Itoa(i%100)
			v, err := s.Append(id, versions[id], []Event{MoneyDeposited{Account: id, Amount: 1 + i%500}})
			if err != nil {
				b.Fatal(err)
			}
			versions[id] = v
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
	})
}

// BenchmarkLoad reads one account's stream of 100 events per operation:
// the load before every command.
func BenchmarkLoad(b *testing.B) {
	benchStores(b, func(b *testing.B, s appender, load func(string) int) {
		events := []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}}
		for i := 1; i < 100; i++ {
			events = append(events, MoneyDeposited{Account: "acc-1", Amount: i})
		}
		if _, err := s.Append("acc-1", NoStream, events); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if n := load("acc-1"); n != 100 {
				b.Fatalf("loaded %d events, want 100", n)
			}
		}
		b.ReportMetric(float64(b.N)*100/b.Elapsed().Seconds(), "events/s")
	})
}
