//go:build ignore

package bank

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// audit returns WriteAudit's CSV of store, as lines without their "\n".
func audit(t *testing.T, store *EventStore) []string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, &buf), "WriteAudit")
	text := buf.String()
	require.True(t, strings.HasSuffix(text, "\n"), "the audit ends with a newline: %q", text)
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// TestPart2Example is the worked example of Part 2: the audit export of
// a day with owners whose names need quoting.
func TestPart2Example(t *testing.T) {
	day := []string{
		`2024-03-04T09:05:00Z open acc-12 Okafor, Chidi`,
		`2024-03-04T09:05:00Z open acc-14 Rosa "Ro" Lindqvist`,
		`2024-03-04T10:15:00Z deposit acc-12 500`,
		`2024-03-04T16:45:00Z withdraw acc-12 120`,
		`2024-03-04T17:30:00Z close acc-14`,
	}
	store, _ := runDay(day)
	want := []string{
		`position,at,stream,version,type,account,amount,owner`,
		`1,2024-03-04T09:05:00Z,acc-12,1,AccountOpened,acc-12,,"Okafor, Chidi"`,
		`2,2024-03-04T09:05:00Z,acc-14,1,AccountOpened,acc-14,,"Rosa ""Ro"" Lindqvist"`,
		`3,2024-03-04T10:15:00Z,acc-12,2,MoneyDeposited,acc-12,500,`,
		`4,2024-03-04T16:45:00Z,acc-12,3,MoneyWithdrawn,acc-12,120,`,
		`5,2024-03-04T17:30:00Z,acc-14,2,AccountClosed,acc-14,,`,
	}
	assert.Equal(t, want, audit(t, store), "the audit of the day")

	// Read back, the owners are as Ines typed them.
	rows, err := csv.NewReader(strings.NewReader(strings.Join(want, "\n") + "\n")).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, `Rosa "Ro" Lindqvist`, rows[2][7], "the owner of acc-14, read back")

	// Bytes, with each line's newline: 53 for the header, then
	// 70 + 78 + 59 + 59 + 55 for the rows; 53 + 321 = 374.
	assert.Equal(t, 374, part2Answer(day), "part2Answer(%q)", day)
}

func TestPart2FullEmptyStore(t *testing.T) {
	store := NewEventStore(&StepClock{})
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, &buf), "WriteAudit of an empty store")
	assert.Equal(t, "position,at,stream,version,type,account,amount,owner\n", buf.String(), "the audit of an empty store: the header alone")
}

func TestPart2FullCells(t *testing.T) {
	// Given events of every kind, recorded by a clock in Paris, when the
	// audit is written, then each has the cells that apply to it, and
	// times in UTC.
	paris := time.FixedZone("CET", 3600)
	store := NewEventStore(&StepClock{T: time.Date(2024, time.March, 5, 10, 0, 0, 0, paris), Step: 90 * time.Second})
	appends := []struct {
		stream string
		events []Event
	}{
		{"acc-1", []Event{AccountOpened{Account: "acc-1", Owner: `O'Brien, "Ned"`}, MoneyDeposited{Account: "acc-1", Amount: 2000}}},
		{"acc-2", []Event{AccountOpened{Account: "acc-2", Owner: " Lee"}}},
		{"transfer-t-1", []Event{TransferRequested{Transfer: "t-1", From: "acc-1", To: "acc-2", Amount: 700}}},
		{"acc-1", []Event{MoneyWithdrawn{Account: "acc-1", Amount: 700}}},
		{"acc-2", []Event{MoneyDeposited{Account: "acc-2", Amount: 700}}},
		{"transfer-t-1", []Event{TransferCompleted{Transfer: "t-1"}}},
		{"acc-3", []Event{AccountOpened{Account: "acc-3", Owner: "Kit\nCarson"}, AccountClosed{Account: "acc-3"}}},
	}
	for _, a := range appends {
		_, err := store.Append(a.stream, AnyVersion, a.events)
		require.NoError(t, err)
	}
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, &buf), "WriteAudit")
	want := `position,at,stream,version,type,account,amount,owner
1,2024-03-05T09:00:00Z,acc-1,1,AccountOpened,acc-1,,"O'Brien, ""Ned"""
2,2024-03-05T09:00:00Z,acc-1,2,MoneyDeposited,acc-1,2000,
3,2024-03-05T09:01:30Z,acc-2,1,AccountOpened,acc-2,," Lee"
4,2024-03-05T09:03:00Z,transfer-t-1,1,TransferRequested,,,
5,2024-03-05T09:04:30Z,acc-1,3,MoneyWithdrawn,acc-1,700,
6,2024-03-05T09:06:00Z,acc-2,2,MoneyDeposited,acc-2,700,
7,2024-03-05T09:07:30Z,transfer-t-1,2,TransferCompleted,,,
8,2024-03-05T09:09:00Z,acc-3,1,AccountOpened,acc-3,,"Kit
Carson"
9,2024-03-05T09:09:00Z,acc-3,2,AccountClosed,acc-3,,
`
	assert.Equal(t, want, buf.String(), "the audit")

	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, "reading the audit back")
	require.Len(t, rows, 10, "the rows read back: the header and 9 events")
	assert.Equal(t, `O'Brien, "Ned"`, rows[1][7], "the owner of acc-1, read back")
	assert.Equal(t, "Kit\nCarson", rows[8][7], "the owner of acc-3, read back")
}

// errDiskFull is what the failing writer's Write returns.
var errDiskFull = errors.New("disk full")

// failingWriter accepts ok bytes, then fails.
type failingWriter struct {
	ok      int
	written int
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.written+len(p) > w.ok {
		n := w.ok - w.written
		w.written = w.ok
		return n, errDiskFull
	}
	w.written += len(p)
	return len(p), nil
}

func TestPart2FullWriteError(t *testing.T) {
	// Given a store and a writer that fails, when the audit is written,
	// then WriteAudit returns the writer's error.
	store := history(t, AccountOpened{Account: "acc-1", Owner: "Ada"}, MoneyDeposited{Account: "acc-1", Amount: 10})
	for _, ok := range []int{0, 60, 100} {
		err := WriteAudit(store, &failingWriter{ok: ok})
		assert.ErrorIs(t, err, errDiskFull, "WriteAudit to a writer that fails after %d bytes", ok)
	}
	w := &failingWriter{ok: 1000}
	require.NoError(t, WriteAudit(store, w), "WriteAudit to a writer with room enough")
	// The header (53 bytes with its newline) and two rows of 56 each.
	assert.Equal(t, 165, w.written, "the bytes written")
}
