//go:build ignore

package bank

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules of Part 2 the tests check, in the chapter's words.
const (
	ruleHeader      = "the first row is the given AuditHeader — day 11, Part 2"
	ruleHeaderAlone = "the first row is the given AuditHeader, and a moment before the store's first event gives the header alone — day 11, Part 2"
	ruleRows        = "one row for every event recorded at or before t, in position order — day 11, Part 2"
	ruleBoundaryIn  = "as in Part 1 the boundary is in: an event recorded exactly at t has its row; an event recorded after t has none, though the store holds it now — day 11, Part 2"
	ruleInstant     = "t is an instant and may come in any time zone — day 11, Part 2"
	ruleRecorded    = "position, stream and version as the store recorded them, numbers in decimal — day 11, Part 2"
	ruleUTC         = "at in RFC 3339 and in UTC, whatever the time zone of the store's clock or of t, so that every row of the report is on one clock — day 11, Part 2"
	ruleType        = "type, the event's EventType() — day 11, Part 2"
	ruleApply       = "account, amount and owner, from the event's data, where they apply; a cell that does not apply is empty, not 0, and amounts are written as recorded: a withdrawal of 120 is 120 — day 11, Part 2"
	ruleBalance     = "balance, the balance of the row's account right after its event: that event counted, and no later one; each account has a balance of its own, not a share of the bank's total — day 11, Part 2"
	ruleZero        = "every account event has a balance, and 0 is a balance: an account just opened, or just closed, shows 0 — day 11, Part 2"
	ruleNoAccount   = "an event of any other kind, such as a transfer's TransferRequested, belongs to no account: its account, amount, owner and balance cells are all empty — day 11, Part 2"
	ruleStateAtRow  = "each balance is what Part 1 gives for its account at its row's position — day 11, Part 2"
	ruleQuoting     = "let the csv.Writer do all the quoting: an owner with a comma, a quote or a line break in it comes out quoted, with its quotes doubled, and so does an owner that starts with a space — day 11, Part 2"
	ruleFlush       = "the writer buffers what you write, so Flush it at the end, and return its Error(): that is where a failure to write to w shows up — day 11, Part 2"
	ruleNothing     = "the first row is the given AuditHeader, and the csv.Writer buffers what you write until you Flush it at the end — day 11, Part 2"
	ruleAnswer2     = "the answer is the size of the file in bytes, newlines included — day 11, Part 2"
)

// writeAudit is the call of a failure's When.
func writeAudit(moment time.Time, w string) string {
	return "WriteAudit(store, " + moment.Format(time.RFC3339) + ", " + w + ")"
}

// cellRules are the rules of a row's cells, by column.
var cellRules = []string{ruleRecorded, ruleUTC, ruleRecorded, ruleRecorded, ruleType, ruleApply, ruleApply, ruleApply, ruleBalance}

// auditRule names the rule that got, an audit, breaks where it differs
// from want: the rule of the first cell that differs, ruleQuoting where a
// row does not read back into the cells it should, or otherwise, the
// caller's rule, where the rows agree as far as both go.
func auditRule(want, got, otherwise string) string {
	if got == "" {
		return "nothing arrived: " + ruleNothing
	}
	wantRows, err := csv.NewReader(strings.NewReader(want)).ReadAll()
	if err != nil {
		return otherwise
	}
	r := csv.NewReader(strings.NewReader(got))
	r.FieldsPerRecord = -1
	gotRows, err := r.ReadAll()
	if err != nil {
		return "the audit does not read back as CSV: " + ruleQuoting
	}
	for i := 0; i < len(wantRows) && i < len(gotRows); i++ {
		row := "row " + strconv.Itoa(i)
		if i == 0 {
			row = "the header"
		}
		if len(gotRows[i]) != len(wantRows[i]) {
			return fmt.Sprintf("%s reads back as %d cells, not %d: %s", row, len(gotRows[i]), len(wantRows[i]), ruleQuoting)
		}
		for j, cell := range wantRows[i] {
			if gotRows[i][j] == cell {
				continue
			}
			rule := cellRules[j]
			switch {
			case i == 0:
				rule = ruleHeader
			case wantRows[i][5] == "" && j >= 5:
				rule = ruleNoAccount
			case j == 8 && gotRows[i][j] == "":
				rule = ruleZero
			}
			return fmt.Sprintf("%s, cell %q: %s", row, AuditHeader[j], rule)
		}
	}
	if len(gotRows) == len(wantRows) && got != want {
		return "every cell reads back right, but not as the csv.Writer writes it: " + ruleQuoting
	}
	return otherwise
}

// audit returns WriteAudit's CSV of store as it stood at moment, as lines
// without their "\n", and the text itself; given is the failure's Given.
func audit(t *testing.T, given string, store *EventStore, moment time.Time) ([]string, string) {
	t.Helper()
	var buf bytes.Buffer
	when := writeAudit(moment, "a bytes.Buffer")
	require.NoError(t, WriteAudit(store, moment, &buf), gwt(given, when, "no error, since a bytes.Buffer never fails: "+ruleFlush))
	text := buf.String()
	rule := ruleFlush
	if text == "" {
		rule = "nothing arrived: " + ruleNothing
	}
	require.True(t, strings.HasSuffix(text, "\n"), gwt(given, when, fmt.Sprintf("the audit ends with a newline, as every row the csv.Writer writes does, and this one is %q: %s", text, rule)))
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n"), text
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
	given := "the worked example's day, the 4th: " + holds(store, true)
	lines, text := audit(t, given, store, moment)
	assert.Equal(t, want, lines, gwt(given, writeAudit(moment, "a bytes.Buffer"), "the books as they stood at the auditors' moment, each row with its account's balance right after it: "+auditRule(strings.Join(want, "\n")+"\n", text, ruleBoundaryIn)))
	assert.Len(t, store.ReadAll(1), 10, gwt(given, "store.ReadAll(1), after the audit", "the events in the store, Chidi's last withdrawal included: "+ruleBoundaryIn))

	// Each balance is Part 1's: acc-12 at position 5 has 500 - 120 = 380.
	assert.Equal(t, 380, StateAt(store, "acc-12", 5).Balance, gwt(given, stateAt("acc-12", 5)+".Balance", ruleStateAtRow))

	// Read back, the owners are as Ines typed them.
	rows, err := csv.NewReader(strings.NewReader(strings.Join(want, "\n") + "\n")).ReadAll()
	require.NoError(t, err, "the worked example's audit, read back with a csv.Reader")
	assert.Equal(t, `Rosa "Ro" Lindqvist`, rows[2][7], "the owner of acc-14 in the worked example's audit, read back: "+ruleQuoting)

	// Bytes, with each line's newline: 61 for the header, then
	// 72 + 80 + 63 + 60 + 63 + 63 + 60 + 61 + 57 = 579 for the rows;
	// 61 + 579 = 640.
	assert.Equal(t, 640, part2Answer(day, moment), gwt("the worked example's day", fmt.Sprintf("part2Answer(the day, %s)", moment.Format(time.RFC3339)), ruleAnswer2))
}

// later is a moment after every event of the tests' histories.
var later = time.Date(2024, time.December, 31, 0, 0, 0, 0, time.UTC)

func TestPart2FullEmptyStore(t *testing.T) {
	store := NewEventStore(&StepClock{})
	given := holds(store, true)
	when := writeAudit(later, "a bytes.Buffer")
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, later, &buf), gwt(given, when, "no error, since a bytes.Buffer never fails: "+ruleFlush))
	header := "position,at,stream,version,type,account,amount,owner,balance\n"
	assert.Equal(t, header, buf.String(), gwt(given, when, "the header alone: "+auditRule(header, buf.String(), ruleHeaderAlone)))
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
	given := "a clock in Paris: " + holds(store, true)
	when := writeAudit(later, "a bytes.Buffer")
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, later, &buf), gwt(given, when, "no error, since a bytes.Buffer never fails: "+ruleFlush))
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
	assert.Equal(t, want, buf.String(), gwt(given, when, "the audit, every event with the cells that apply to it: "+auditRule(want, buf.String(), ruleRows)))

	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, gwt(given, when, "the audit, read back with a csv.Reader: "+ruleQuoting))
	rule := ruleQuoting
	if len(rows) == 0 {
		rule = "nothing arrived: " + ruleNothing
	}
	require.Len(t, rows, 12, gwt(given, when, "the rows read back, the header and 11 events: "+rule))
	assert.Equal(t, `O'Brien, "Ned"`, rows[1][7], gwt(given, when, "the owner of acc-1, read back: "+ruleQuoting))
	assert.Equal(t, " Lee", rows[3][7], gwt(given, when, "the owner of acc-2, read back: "+ruleQuoting))
	assert.Equal(t, "Kit\nCarson", rows[8][7], gwt(given, when, "the owner of acc-3, read back: "+ruleQuoting))
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
	given := holds(store, true)
	tests := []struct {
		name   string
		moment time.Time
		events int // the rows after the header
		rule   string
	}{
		{"a moment before the first event: the header alone", minute(-1, 0), 0, ruleHeaderAlone},
		{"a second before the first event", minute(0, -1), 0, ruleHeaderAlone},
		{"exactly at the first event: it is in", minute(0, 0), 1, ruleBoundaryIn},
		{"between two events", minute(0, 59), 1, ruleRows},
		{"exactly at an append of two: both are in", minute(3, 0), 5, ruleBoundaryIn},
		{"a second before the append of two: neither is in", minute(2, 59), 3, ruleBoundaryIn},
		{"10:02 in Paris is 09:02 in UTC", time.Date(2024, time.March, 1, 10, 2, 0, 0, cet), 3, ruleInstant},
		{"10:01:59 in Paris is before 09:02 in UTC", time.Date(2024, time.March, 1, 10, 1, 59, 0, cet), 2, ruleInstant},
		{"after the last event: every event", later, 6, ruleRows},
	}
	for _, tt := range tests {
		lines, text := audit(t, given, store, tt.moment)
		want := strings.Join(rows[:tt.events+1], "\n") + "\n"
		assert.Equal(t, rows[:tt.events+1], lines, gwt(given, writeAudit(tt.moment, "a bytes.Buffer"), "the rows of the events recorded at or before it ("+tt.name+"): "+auditRule(want, text, tt.rule)))
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
	all := store.ReadAll(1)
	given := fmt.Sprintf("the books of two busy weeks of the branch, %d events from %s to %s, with transfers", len(all), all[0].At.Format(time.RFC3339), all[len(all)-1].At.Format(time.RFC3339))
	when := writeAudit(later, "a bytes.Buffer")
	var buf bytes.Buffer
	require.NoError(t, WriteAudit(store, later, &buf), gwt(given, when, "no error, since a bytes.Buffer never fails: "+ruleFlush))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, gwt(given, when, "the audit, read back with a csv.Reader: "+ruleQuoting))
	require.Len(t, rows, len(all)+1, gwt(given, when, "the rows read back, the header and every event: "+ruleRows))
	wrong := 0
	for i, r := range all {
		row := rows[i+1]
		require.Len(t, row, 9, gwt(given, when, fmt.Sprintf("row %d's cells, one for each column of AuditHeader: %s", i+1, ruleQuoting)))
		want := ""
		if row[5] != "" {
			want = strconv.Itoa(balanceAt(store, row[5], r.Position))
		}
		if row[8] != want {
			wrong++
			if wrong <= 3 {
				rule := ruleBalance
				switch {
				case want == "":
					rule = ruleNoAccount
				case row[8] == "":
					rule = ruleZero
				}
				assert.Equal(t, want, row[8], gwt(given, when, fmt.Sprintf("the balance of row %d, %s: %s", r.Position, strings.Join(row, ","), rule)))
			}
		}
	}
	assert.Zero(t, wrong, gwt(given, when, "the rows whose balance is not their account's balance right after their event: "+ruleBalance))
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
	given := holds(store, true)
	for _, ok := range []int{0, 60, 100} {
		err := WriteAudit(store, later, &failingWriter{ok: ok})
		assert.ErrorIs(t, err, errDiskFull, gwt(given, writeAudit(later, fmt.Sprintf("a writer that fails with %q after %d bytes", errDiskFull, ok)), "the writer's error: "+ruleFlush))
	}
	w := &failingWriter{ok: 1000}
	when := writeAudit(later, "a writer with room for 1000 bytes")
	require.NoError(t, WriteAudit(store, later, w), gwt(given, when, "no error, since the writer never fails: "+ruleFlush))
	// The header (61 bytes with its newline) and rows of 58 and 59.
	rule := ruleFlush
	if w.written == 0 {
		rule = "nothing arrived: " + ruleNothing
	}
	assert.Equal(t, 178, w.written, gwt(given, when, "the bytes written, the header and the rows 1,2024-03-01T09:00:00Z,acc-1,1,AccountOpened,acc-1,,Ada,0 and 2,2024-03-01T09:01:00Z,acc-1,2,MoneyDeposited,acc-1,10,,10, each with its newline, all of them through to w: "+rule))

	// A long audit fails part of the way through, with rows still to
	// write.
	events := []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}
	for i := 0; i < 200; i++ {
		events = append(events, MoneyDeposited{Account: "acc-1", Amount: 10})
	}
	long := history(t, events...)
	given = "a long history, acc-1 opened by Ada, then 200 deposits of 10 at a minute apart"
	assert.ErrorIs(t, WriteAudit(long, later, &failingWriter{ok: 5000}), errDiskFull, gwt(given, writeAudit(later, fmt.Sprintf("a writer that fails with %q after 5000 bytes, with rows still to write", errDiskFull)), "the writer's error: "+ruleFlush))
}
