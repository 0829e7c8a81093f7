package harness_test

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
)

// TestRunsLeaveNoFiles: a run's temporary files (here the capstone's
// SQLite database, made in the test's t.TempDir before the learner's code
// loops for ever) are removed by the workbook, not by the child, which is
// killed at its deadline and cleans up nothing. After the run, the
// temporary folder holds nothing, in both engines.
func TestRunsLeaveNoFiles(t *testing.T) {
	chapters, h := workbook(t, time.Second)
	ch, err := chapter.Lookup(chapters, "16")
	if err != nil {
		t.Fatal(err)
	}
	loop := capstoneStore(`package bank

type SQLEventStore struct{}

func NewSQLEventStore(db DB, dialect string, clock Clock) (*SQLEventStore, error) {
	if err := CreateSchema(db, dialect); err != nil {
		return nil, err
	}
	for {
	}
}
`)
	for _, engine := range harness.EngineNames {
		t.Run(engine.String(), func(t *testing.T) {
			if _, err := exec.LookPath("go"); err != nil && engine == "go" {
				t.Skip("no go command")
			}
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Engine: engine, Suite: chapter.Example, Files: loop, Tests: []string{"TestPart1Example"}})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got := rep.Tests[0].Status; got != harness.Timeout {
				t.Errorf("status = %s, want timeout (message %q)", got, rep.Tests[0].Message)
			}
			entries, err := os.ReadDir(tmp)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				t.Errorf("left behind in the temporary folder: %s", e.Name())
			}
		})
	}
}

// TestRunsWriteNoMoreThanTheLimit: learner code that fills the capstone's
// database past the file-size limit ends with a clear "wrote too much", in
// both engines, where the system enforces the limit.
func TestRunsWriteNoMoreThanTheLimit(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no per-file size limit for a process")
	}
	chapters, h := workbook(t, 5*time.Second)
	h.Limits.FileBytes = 1 << 20
	ch, err := chapter.Lookup(chapters, "16")
	if err != nil {
		t.Fatal(err)
	}
	fill := capstoneStore(`package bank

import "strings"

type SQLEventStore struct{}

func NewSQLEventStore(db DB, dialect string, clock Clock) (*SQLEventStore, error) {
	if err := CreateSchema(db, dialect); err != nil {
		return nil, err
	}
	for i := 0; i < 8; i++ {
		_, err := db.Exec("INSERT INTO profiles (member_id, name, email) VALUES ($1, $2, $3)", strings.Repeat("m", i+1), strings.Repeat("x", 1<<20), "x")
		if err != nil {
			return nil, err
		}
	}
	return &SQLEventStore{}, nil
}
`)
	for _, engine := range harness.EngineNames {
		t.Run(engine.String(), func(t *testing.T) {
			if _, err := exec.LookPath("go"); err != nil && engine == "go" {
				t.Skip("no go command")
			}
			rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Engine: engine, Suite: chapter.Example, Files: fill, Tests: []string{"TestPart1Example"}})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			got := rep.Tests[0]
			if got.Status != harness.Error || !strings.HasPrefix(got.Message, "wrote too much") {
				t.Errorf("status %s, message %q; want error, wrote too much", got.Status, got.Message)
			}
		})
	}
}

// TestRunsWriteNoMoreThanTheFolderCap: learner code whose files together
// outgrow the run's folder cap, each of them below the file-size limit, is
// stopped with a clear "wrote too much", in both engines and on every
// system (the parent watches the folder; no system limit is involved).
func TestRunsWriteNoMoreThanTheFolderCap(t *testing.T) {
	chapters, h := workbook(t, 10*time.Second)
	h.Limits.FileBytes = 1 << 30
	h.Limits.FolderBytes = 4 << 20
	ch, err := chapter.Lookup(chapters, "16")
	if err != nil {
		t.Fatal(err)
	}
	// 40 MiB in all if nobody stops it, after which the test fails on the
	// stubbed store (not "wrote too much").
	fill := capstoneStore(`package bank

import "strings"

type SQLEventStore struct{}

func NewSQLEventStore(db DB, dialect string, clock Clock) (*SQLEventStore, error) {
	if err := CreateSchema(db, dialect); err != nil {
		return nil, err
	}
	for i := 0; i < 40; i++ {
		_, err := db.Exec("INSERT INTO profiles (member_id, name, email) VALUES ($1, $2, $3)", strings.Repeat("m", i+1), strings.Repeat("x", 1<<20), "x")
		if err != nil {
			return nil, err
		}
	}
	return &SQLEventStore{}, nil
}
`)
	for _, engine := range harness.EngineNames {
		t.Run(engine.String(), func(t *testing.T) {
			if _, err := exec.LookPath("go"); err != nil && engine == "go" {
				t.Skip("no go command")
			}
			rep, err := h.Run(context.Background(), harness.Request{Chapter: ch, Engine: engine, Suite: chapter.Example, Files: fill, Tests: []string{"TestPart1Example"}})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			got := rep.Tests[0]
			if got.Status != harness.Error || !strings.HasPrefix(got.Message, "wrote too much: the run's files reached the workbook's limit of 4 MiB in all") {
				t.Errorf("status %s, message %q; want error, wrote too much in all", got.Status, got.Message)
			}
		})
	}
}

// capstoneStore is day 16's sqlstore.go as src begins it (the type and its
// constructor), with the store's methods stubbed out after it.
func capstoneStore(src string) map[string][]byte {
	return map[string][]byte{"sqlstore.go": []byte(src + `
func (s *SQLEventStore) Append(stream string, expected int, events []Event) (int, error) { return 0, nil }
func (s *SQLEventStore) ReadStream(stream string, from int) ([]RecordedEvent, error)  { return nil, nil }
func (s *SQLEventStore) ReadAll(from int) ([]RecordedEvent, error)                    { return nil, nil }
func (s *SQLEventStore) Version(stream string) (int, error)                            { return 0, nil }
`)}
}
