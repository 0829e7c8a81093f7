package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

func TestSync(t *testing.T) {
	isLearner := func(p string) bool { return p == "01-commands/parse.go" }
	v1 := fstest.MapFS{
		"go.mod":               {Data: []byte("module x\n")},
		"01-commands/parse.go": {Data: []byte("stub 1\n")},
		"01-commands/given.go": {Data: []byte("given 1\n")},
	}
	v2 := fstest.MapFS{
		"go.mod":               {Data: []byte("module x\n")},
		"01-commands/parse.go": {Data: []byte("stub 2\n")},
		"01-commands/given.go": {Data: []byte("given 2\n")},
		"02-events/execute.go": {Data: []byte("day 2\n")},
	}
	tests := []struct {
		name             string
		mine             string // the learner's parse.go before the second Sync; "" leaves it
		removeStubRecord bool
		want             map[string]string
		wantRep          Report
	}{
		{
			name:    "untouched stub follows upstream",
			want:    map[string]string{"01-commands/parse.go": "stub 2\n", "01-commands/given.go": "given 2\n", "02-events/execute.go": "day 2\n"},
			wantRep: Report{Added: []string{"02-events"}, Updated: []string{"01-commands/parse.go"}},
		},
		{
			name:    "changed stub is kept and the new one put aside",
			mine:    "mine\n",
			want:    map[string]string{"01-commands/parse.go": "mine\n", UpstreamPath("01-commands/parse.go"): "stub 2\n", "01-commands/given.go": "given 2\n"},
			wantRep: Report{Added: []string{"02-events"}, Kept: []string{"01-commands/parse.go"}},
		},
		{
			name:    "line ends changed by an editor on Windows are no change",
			mine:    "stub 1\r\n",
			want:    map[string]string{"01-commands/parse.go": "stub 2\n"},
			wantRep: Report{Added: []string{"02-events"}, Updated: []string{"01-commands/parse.go"}},
		},
		{
			name:             "a folder without stub records keeps the learner's file",
			removeStubRecord: true,
			want:             map[string]string{"01-commands/parse.go": "stub 1\n"},
			wantRep:          Report{Added: []string{"02-events"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "my workbook ñ")
			rep, err := Sync(dir, v1, isLearner)
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Created {
				t.Errorf("first Sync: Created = false, want true")
			}
			if tt.mine != "" {
				os.WriteFile(filepath.Join(dir, "01-commands", "parse.go"), []byte(tt.mine), 0o644)
			}
			if tt.removeStubRecord {
				os.RemoveAll(filepath.Join(dir, ".workbook"))
			}
			rep, err = Sync(dir, v2, isLearner)
			if err != nil {
				t.Fatal(err)
			}
			if !reportsEqual(rep, tt.wantRep) {
				t.Errorf("second Sync = %+v, want %+v", rep, tt.wantRep)
			}
			for p, want := range tt.want {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
				if err != nil || string(got) != want {
					t.Errorf("after Sync, %s = %q (%v), want %q", p, got, err, want)
				}
			}
			// What was said is not said again.
			if rep, err = Sync(dir, v2, isLearner); err != nil || !reportsEqual(rep, Report{}) {
				t.Errorf("third Sync = %+v, %v; want nothing to report", rep, err)
			}
		})
	}
}

func TestSyncIntoEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	rep, err := Sync(dir, fstest.MapFS{"02-events/execute.go": {Data: []byte("day 2\n")}}, func(string) bool { return false })
	if err != nil || !reportsEqual(rep, Report{Created: true}) {
		t.Errorf("Sync(empty folder) = %+v, %v; want Created and no day listed as new", rep, err)
	}
}

func reportsEqual(a, b Report) bool {
	return a.Created == b.Created && slices.Equal(a.Added, b.Added) && slices.Equal(a.Updated, b.Updated) && slices.Equal(a.Kept, b.Kept)
}

var errBusy = errors.New("busy")

func TestRetry(t *testing.T) {
	transient := func(err error) bool { return errors.Is(err, errBusy) }
	tests := []struct {
		name      string
		failures  int
		err       error
		wantCalls int
		wantErr   error
	}{
		{"succeeds at once", 0, nil, 1, nil},
		{"succeeds after the file is closed", 3, errBusy, 4, nil},
		{"gives up on a file held open", renameAttempts + 5, errBusy, renameAttempts, errBusy},
		{"does not retry a real error", 5, os.ErrPermission, 1, os.ErrPermission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			var slept time.Duration
			err := retry(func() error {
				calls++
				if calls <= tt.failures {
					return tt.err
				}
				return nil
			}, transient, func(d time.Duration) { slept += d })
			if !errors.Is(err, tt.wantErr) || calls != tt.wantCalls {
				t.Errorf("retry: %d calls, err %v; want %d calls, err %v", calls, err, tt.wantCalls, tt.wantErr)
			}
			if slept > 3*time.Second {
				t.Errorf("retry slept %v in all, want at most 3s", slept)
			}
		})
	}
}

// TestSyncStaysInside: a folder or file of the learner's folder replaced
// by a link to somewhere else never makes Sync write there.
func TestSyncStaysInside(t *testing.T) {
	src := fstest.MapFS{
		"go.mod":               {Data: []byte("module x\n")},
		"01-commands/parse.go": {Data: []byte("stub\n")},
		"01-commands/given.go": {Data: []byte("given 2\n")},
	}
	isLearner := func(p string) bool { return p == "01-commands/parse.go" }
	tests := []struct {
		name string
		link func(t *testing.T, dir, outside string)
	}{
		{"a day folder linked elsewhere", func(t *testing.T, dir, outside string) {
			os.RemoveAll(filepath.Join(dir, "01-commands"))
			if err := os.Symlink(outside, filepath.Join(dir, "01-commands")); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
		}},
		{"a given file linked elsewhere", func(t *testing.T, dir, outside string) {
			p := filepath.Join(dir, "01-commands", "given.go")
			os.Remove(p)
			if err := os.Symlink(filepath.Join(outside, "given.go"), p); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
		}},
		{"the state folder linked elsewhere", func(t *testing.T, dir, outside string) {
			os.RemoveAll(filepath.Join(dir, ".workbook"))
			os.Remove(filepath.Join(dir, "01-commands", "parse.go"))
			if err := os.Symlink(outside, filepath.Join(dir, ".workbook")); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, outside := filepath.Join(t.TempDir(), "wb"), t.TempDir()
			if err := os.WriteFile(filepath.Join(outside, "given.go"), []byte("someone else's\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Sync(dir, fstest.MapFS{"go.mod": {Data: []byte("module x\n")}, "01-commands/parse.go": {Data: []byte("stub\n")}, "01-commands/given.go": {Data: []byte("given 1\n")}}, isLearner); err != nil {
				t.Fatal(err)
			}
			tt.link(t, dir, outside)
			_, err := Sync(dir, src, isLearner) // an error is fine; a write outside is not
			entries, _ := os.ReadDir(outside)
			if len(entries) != 1 {
				t.Errorf("after Sync (err %v), the folder outside holds %d entries, want only its own given.go", err, len(entries))
			}
			if got, _ := os.ReadFile(filepath.Join(outside, "given.go")); string(got) != "someone else's\n" {
				t.Errorf("after Sync (err %v), the file outside = %q: Sync wrote through a link", err, got)
			}
		})
	}
}
