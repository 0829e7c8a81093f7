//go:build ignore

package bank

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// audit returns WriteAudit's CSV of store as it stood at moment, as lines
// without their "\n".
func audit(t *testing.T, store *EventStore, moment time.Time) []string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, moment, &buf), "WriteAudit")
	text := buf.String()
	require.True(t, strings.HasSuffix(text, "\n"), "the audit ends with a newline: %q", text)
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// TestPart2Example is the worked example of Part 2: the books of the 4th
// as they stood at the auditors' moment, with each row's running balance.
func TestPart2Example(t *testing.T) {
	day := []string{
		`2024-03-04T09:05:00Z open acc-12 Okafor, Chidi`,
		`2024-03-04T09:05:00Z open acc-14 Rosa "Ro" Lindqvist`,
		`2024-03-04T10:15:00Z deposit acc-12 500`,
		`2024-03-04T16:45:00Z transfer t-1 acc-12 acc-14 120`,
		`2024-03-04T17:00:00Z withdraw acc-14 120`,
		`2024-03-04T17:00:00Z close acc-14`,
		`2024-03-04T17:20:00Z withdraw acc-12 30`,
	}
	store, _ := runDay(day)
	// The auditors' moment, 18:00 in Paris, is 17:00 in UTC.
	moment := at("2024-03-04T18:00:00+01:00")
	want := []string{
		`position,at,stream,version,type,account,amount,owner,balance`,
		`1,2024-03-04T09:05:00Z,acc-12,1,AccountOpened,acc-12,,"Okafor, Chidi",0`,
		`2,2024-03-04T09:05:00Z,acc-14,1,AccountOpened,acc-14,,"Rosa ""Ro"" Lindqvist",0`,
		`3,2024-03-04T10:15:00Z,acc-12,2,MoneyDeposited,acc-12,500,,500`,
		`4,2024-03-04T16:45:00Z,transfer-t-1,1,TransferRequested,,,,`,
		`5,2024-03-04T16:45:00Z,acc-12,3,MoneyWithdrawn,acc-12,120,,380`,
		`6,2024-03-04T16:45:00Z,acc-14,2,MoneyDeposited,acc-14,120,,120`,
		`7,2024-03-04T16:45:00Z,transfer-t-1,2,TransferCompleted,,,,`,
		`8,2024-03-04T17:00:00Z,acc-14,3,MoneyWithdrawn,acc-14,120,,0`,
		`9,2024-03-04T17:00:00Z,acc-14,4,AccountClosed,acc-14,,,0`,
	}
	// Chapter 8's transfer manager records the transfer's events at 16:45.
	// Rosa's withdrawal and closing at 17:00 are in; Chidi's withdrawal of
	// 30 at 17:20, position 10, is in the store but not in the books, so
	// his last balance is 380, not 350. Row 6 shows Rosa's 120, not the
	// 500 the bank held in all.
	assert.Equal(t, want, audit(t, store, moment), "the books as they stood at 17:00 UTC, each row with its account's balance right after it")
	assert.Len(t, store.ReadAll(1), 10, "the events in the store")

	// Each balance is Part 1's: acc-12 at position 5 has 500 - 120 = 380.
	assert.Equal(t, 380, StateAt(store, "acc-12", 5).Balance, "StateAt(acc-12, 5)")

	// Read back, the owners are as Ines typed them.
	rows, err := csv.NewReader(strings.NewReader(strings.Join(want, "\n") + "\n")).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, `Rosa "Ro" Lindqvist`, rows[2][7], "the owner of acc-14, read back")

	// Bytes, with each line's newline: 61 for the header, then
	// 72 + 80 + 63 + 60 + 63 + 63 + 60 + 61 + 57 = 579 for the rows;
	// 61 + 579 = 640.
	assert.Equal(t, 640, part2Answer(day, moment), "part2Answer(%q, %s)", day, moment)
}

// later is a moment after every event of the tests' histories.
var later = time.Date(2024, time.December, 31, 0, 0, 0, 0, time.UTC)

func TestPart2FullEmptyStore(t *testing.T) {
	store := NewEventStore(&StepClock{})
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, later, &buf), "WriteAudit of an empty store")
	assert.Equal(t, "position,at,stream,version,type,account,amount,owner,balance\n", buf.String(), "the audit of an empty store: the header alone")
}

func TestPart2FullCells(t *testing.T) {
	// Given events of every kind, recorded by a clock in Paris, when the
	// audit is written, then each has the cells that apply to it, times
	// in UTC, and a balance for every account event, 0 included.
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
		{"transfer-t-2", []Event{TransferRequested{Transfer: "t-2", From: "acc-3", To: "acc-1", Amount: 5}, TransferFailed{Transfer: "t-2", Reason: "account is closed"}}},
	}
	for _, a := range appends {
		_, err := store.Append(a.stream, AnyVersion, a.events)
		require.NoError(t, err)
	}
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, later, &buf), "WriteAudit")
	want := `position,at,stream,version,type,account,amount,owner,balance
1,2024-03-05T09:00:00Z,acc-1,1,AccountOpened,acc-1,,"O'Brien, ""Ned""",0
2,2024-03-05T09:00:00Z,acc-1,2,MoneyDeposited,acc-1,2000,,2000
3,2024-03-05T09:01:30Z,acc-2,1,AccountOpened,acc-2,," Lee",0
4,2024-03-05T09:03:00Z,transfer-t-1,1,TransferRequested,,,,
5,2024-03-05T09:04:30Z,acc-1,3,MoneyWithdrawn,acc-1,700,,1300
6,2024-03-05T09:06:00Z,acc-2,2,MoneyDeposited,acc-2,700,,700
7,2024-03-05T09:07:30Z,transfer-t-1,2,TransferCompleted,,,,
8,2024-03-05T09:09:00Z,acc-3,1,AccountOpened,acc-3,,"Kit
Carson",0
9,2024-03-05T09:09:00Z,acc-3,2,AccountClosed,acc-3,,,0
10,2024-03-05T09:10:30Z,transfer-t-2,1,TransferRequested,,,,
11,2024-03-05T09:10:30Z,transfer-t-2,2,TransferFailed,,,,
`
	assert.Equal(t, want, buf.String(), "the audit: empty cells where a cell does not apply, amounts as recorded, 0 where a balance is 0, times in UTC")

	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, "reading the audit back")
	require.Len(t, rows, 12, "the rows read back: the header and 11 events")
	assert.Equal(t, `O'Brien, "Ned"`, rows[1][7], "the owner of acc-1, read back")
	assert.Equal(t, " Lee", rows[3][7], "the owner of acc-2, read back")
	assert.Equal(t, "Kit\nCarson", rows[8][7], "the owner of acc-3, read back")
}

func TestPart2FullMoment(t *testing.T) {
	// Given events at 09:00, 09:01 and 09:02 of 1 March 2024, then an
	// append of two that share 09:03, when the audit is written as of a
	// moment, then it has the rows of the events recorded at or before
	// that moment, whatever its time zone, with the same balances as in
	// the whole export.
	store := history(t,
		AccountOpened{Account: "acc-1", Owner: "Ada"},  // 09:00
		MoneyDeposited{Account: "acc-1", Amount: 100},  // 09:01
		AccountOpened{Account: "acc-2", Owner: "Alan"}, // 09:02
	)
	_, err := store.Append("acc-1", AnyVersion, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 30}, MoneyDeposited{Account: "acc-1", Amount: 5}}) // 09:03
	require.NoError(t, err)
	_, err = store.Append("acc-2", AnyVersion, []Event{MoneyDeposited{Account: "acc-2", Amount: 40}}) // 09:04
	require.NoError(t, err)
	rows := []string{
		"position,at,stream,version,type,account,amount,owner,balance",
		"1,2024-03-01T09:00:00Z,acc-1,1,AccountOpened,acc-1,,Ada,0",
		"2,2024-03-01T09:01:00Z,acc-1,2,MoneyDeposited,acc-1,100,,100",
		"3,2024-03-01T09:02:00Z,acc-2,1,AccountOpened,acc-2,,Alan,0",
		"4,2024-03-01T09:03:00Z,acc-1,3,MoneyWithdrawn,acc-1,30,,70",
		"5,2024-03-01T09:03:00Z,acc-1,4,MoneyDeposited,acc-1,5,,75",
		"6,2024-03-01T09:04:00Z,acc-2,2,MoneyDeposited,acc-2,40,,40",
	}
	minute := func(m, s int) time.Time { return time.Date(2024, time.March, 1, 9, m, s, 0, time.UTC) }
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		name   string
		moment time.Time
		events int // the rows after the header
	}{
		{"a moment before the first event: the header alone", minute(-1, 0), 0},
		{"a second before the first event", minute(0, -1), 0},
		{"exactly at the first event: it is in", minute(0, 0), 1},
		{"between two events", minute(0, 59), 1},
		{"exactly at an append of two: both are in", minute(3, 0), 5},
		{"a second before the append of two: neither is in", minute(2, 59), 3},
		{"10:02 in Paris is 09:02 in UTC", time.Date(2024, time.March, 1, 10, 2, 0, 0, cet), 3},
		{"10:01:59 in Paris is before 09:02 in UTC", time.Date(2024, time.March, 1, 10, 1, 59, 0, cet), 2},
		{"after the last event: every event", later, 6},
	}
	for _, tt := range tests {
		assert.Equal(t, rows[:tt.events+1], audit(t, store, tt.moment), "WriteAudit as of %s (%s): the events recorded at or before it", tt.moment.Format(time.RFC3339), tt.name)
	}
}

// balanceAt is Part 1's question, asked the slow way: the balance of
// account id right after the event at position, from its stream.
func balanceAt(store *EventStore, id string, position int) int {
	state := Account{ID: id}
	for _, r := range store.ReadStream(id, 1) {
		if r.Position <= position {
			state.Apply(r.Event)
		}
	}
	return state.Balance
}

func TestPart2FullRunningBalances(t *testing.T) {
	// Given two busy weeks of the branch, with transfers, when the audit
	// is written, then the balance of every account event's row is its
	// own account's balance right after that event, and the other rows
	// have none.
	store, _ := books("balances", time.Date(2024, time.January, 12, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, later, &buf), "WriteAudit")
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, "reading the audit back")
	all := store.ReadAll(1)
	require.Len(t, rows, len(all)+1, "the rows: the header and every event")
	wrong := 0
	for i, r := range all {
		row := rows[i+1]
		require.Len(t, row, 9, "row %d's cells", i+1)
		want := ""
		if row[5] != "" {
			want = strconv.Itoa(balanceAt(store, row[5], r.Position))
		}
		if row[8] != want {
			wrong++
			if wrong <= 3 {
				assert.Equal(t, want, row[8], "the balance of row %d, %s: %s's balance right after its event, or empty for an event of no account", r.Position, strings.Join(row, ","), row[5])
			}
		}
	}
	assert.Zero(t, wrong, "the rows whose balance is not their account's balance right after their event")
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
		err := WriteAudit(store, later, &failingWriter{ok: ok})
		assert.ErrorIs(t, err, errDiskFull, "WriteAudit to a writer that fails after %d bytes", ok)
	}
	w := &failingWriter{ok: 1000}
	require.NoError(t, WriteAudit(store, later, w), "WriteAudit to a writer with room enough")
	// The header (61 bytes with its newline) and rows of 58 and 59.
	assert.Equal(t, 178, w.written, "the bytes written")

	// A long audit fails part of the way through, with rows still to
	// write.
	events := []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}
	for i := 0; i < 200; i++ {
		events = append(events, MoneyDeposited{Account: "acc-1", Amount: 10})
	}
	long := history(t, events...)
	assert.ErrorIs(t, WriteAudit(long, later, &failingWriter{ok: 5000}), errDiskFull, "WriteAudit of 201 events to a writer that fails after 5000 bytes")
}
