package watch

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestSaveLikeAnEditor saves a watched file the way editors do — write a
// temporary file, rename it over the original — and expects exactly one
// rerun, within half a second; a save that changes nothing, and a change to
// a file not watched, rerun nothing.
func TestSaveLikeAnEditor(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "parse.go")
	if err := os.WriteFile(file, []byte("package bank\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int32
	ran := make(chan time.Time, 10)
	w := &Watcher{Dir: dir, Files: []string{"parse.go"}, Run: func(context.Context) {
		runs.Add(1)
		ran <- time.Now()
	}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = w.Watch(ctx) }()
	<-ran // the first run, at start

	save := func(content string) time.Time {
		tmp := filepath.Join(dir, ".parse.go.swp")
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(tmp, 0o644); err != nil {
			t.Fatal(err)
		}
		saved := time.Now()
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
		return saved
	}
	saved := save("package bank // edited\n")
	select {
	case at := <-ran:
		if d := at.Sub(saved); d > 500*time.Millisecond {
			t.Errorf("the rerun came %s after the save, want within 500ms", d)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no rerun after a save")
	}
	time.Sleep(400 * time.Millisecond)
	if n := runs.Load(); n != 2 {
		t.Fatalf("%d runs after one save, want 2 (start + one rerun)", n)
	}

	save("package bank // edited\n") // same content
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if n := runs.Load(); n != 2 {
		t.Errorf("%d runs after saves that changed nothing watched, want still 2", n)
	}
}
