package harness_test

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/chapter"
	"github.com/cqrsworkbook/workbook/harness"
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
	loop := map[string][]byte{"sqlstore.go": []byte(`package bank

type SQLEventStore struct{}

func NewSQLEventStore(db DB, dialect string, clock Clock) (*SQLEventStore, error) {
	if err := CreateSchema(db, dialect); err != nil {
		return nil, err
	}
	for {
	}
}

func (s *SQLEventStore) Append(stream string, expected int, events []Event) (int, error) { return 0, nil }
func (s *SQLEventStore) ReadStream(stream string, from int) ([]RecordedEvent, error)  { return nil, nil }
func (s *SQLEventStore) ReadAll(from int) ([]RecordedEvent, error)                    { return nil, nil }
func (s *SQLEventStore) Version(stream string) (int, error)                            { return 0, nil }
`)}
	for _, engine := range []string{"interp", "go"} {
		t.Run(engine, func(t *testing.T) {
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
