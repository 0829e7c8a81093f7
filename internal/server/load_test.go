package server_test

import (
	"encoding/json"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
)

// solvedRun is a run request for chapter 1's example suite with the
// reference solution in the page's buffers.
func solvedRun(t testing.TB, page string) string {
	t.Helper()
	ch := chapter.Find(chapters, "01-tally")
	files := map[string]string{}
	for _, name := range ch.LearnerFiles {
		files[name] = string(ch.Solution[name])
	}
	body, err := json.Marshal(map[string]any{"suite": "example", "files": files, "page": page})
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// TestLoad sends 50 run requests at once to a server that allows 2 runs
// and 8 waiting: every request ends in a report or a 429 with Retry-After,
// never more workers are alive than runs allowed, and the server's heap is
// about where it started.
func TestLoad(t *testing.T) {
	const runs, queue, requests = 2, 8, 50
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, runs, queue)
	heapBefore := heapInUse()

	var maxWorkers atomic.Int32
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			if n := int32(workers(t)); n > maxWorkers.Load() {
				maxWorkers.Store(n)
			}
		}
	}()

	var ok, busy, other atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < requests; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			status, body, hdr := f.do(t, "POST", "/api/chapters/01-tally/run", solvedRun(t, "page-"+strconv.Itoa(i)), nil)
			switch {
			case status == http.StatusOK && strings.Contains(body, `"status":"pass"`):
				ok.Add(1)
			case status == http.StatusTooManyRequests && hdr.Get("Retry-After") != "":
				busy.Add(1)
			default:
				other.Add(1)
				t.Errorf("request %d: %d %.200s", i, status, body)
			}
		}(i)
	}
	wg.Wait()
	close(stop)
	<-sampled
	t.Logf("%d reports, %d busy (429), %d other; at most %d workers alive at once", ok.Load(), busy.Load(), other.Load(), maxWorkers.Load())
	if ok.Load() < runs || ok.Load()+busy.Load() != requests {
		t.Errorf("%d reports and %d 429s of %d requests, want every request answered, at least %d with a report", ok.Load(), busy.Load(), requests, runs)
	}
	if m := maxWorkers.Load(); m > runs {
		t.Errorf("%d workers alive at once, more than the %d runs allowed", m, runs)
	}
	if grown := heapInUse() - heapBefore; grown > 64<<20 {
		t.Errorf("the server's heap grew by %d MiB under load", grown>>20)
	}
}

// heapInUse is the heap in use after a full collection.
func heapInUse() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

// soakRuns is how many runs TestSoak makes; WORKBOOK_SOAK_RUNS asks for the
// long form (1,000).
func soakRuns() int {
	if n, err := strconv.Atoi(os.Getenv("WORKBOOK_SOAK_RUNS")); err == nil && n > 0 {
		return n
	}
	return 60
}

// TestSoak makes many runs in a row and checks that the server's memory
// settles: after the first fifth of the runs, the heap stays within 10% (or
// 4 MiB, for a heap this small) of where it settled.
func TestSoak(t *testing.T) {
	n := soakRuns()
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, 1, 1)
	body := solvedRun(t, "soak")
	var settled, peak int64
	for i := 1; i <= n; i++ {
		status, out, _ := f.do(t, "POST", "/api/chapters/01-tally/run", body, nil)
		if status != http.StatusOK || !strings.Contains(out, `"status":"pass"`) {
			t.Fatalf("run %d: %d %.200s", i, status, out)
		}
		switch {
		case i == n/5:
			settled = heapInUse()
		case i > n/5 && i%10 == 0:
			if h := heapInUse(); h > peak {
				peak = h
			}
		}
	}
	allowed := settled / 10
	if allowed < 4<<20 {
		allowed = 4 << 20
	}
	t.Logf("%d runs: heap settled at %.1f MiB, peaked at %.1f MiB after", n, float64(settled)/(1<<20), float64(peak)/(1<<20))
	if peak > settled+allowed {
		t.Errorf("the heap grew from %.1f MiB to %.1f MiB over %d runs: a leak?", float64(settled)/(1<<20), float64(peak)/(1<<20), n)
	}
	if w := workers(t); w != 0 {
		t.Errorf("%d workers alive after the soak", w)
	}
}
