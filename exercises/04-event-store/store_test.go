//go:build ignore

package bank

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 4, 9, 0, 0, 0, time.UTC)

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// assertRecords checks that got, what the call described by what returned,
// holds the recorded events of want. It compares them by DescribeRecorded:
// stream, version, position, type name and fields.
func assertRecords(t *testing.T, want []string, got []RecordedEvent, what string) bool {
	t.Helper()
	return assert.Equal(t, want, DescribeRecorded(got), "%s", what)
}

// eventsArg writes events as an argument list: DescribeEvents, separated by
// commas, in brackets.
func eventsArg(events []Event) string {
	return "[" + strings.Join(DescribeEvents(events), ", ") + "]"
}

// appendRule1 is what a Part 1 append relies on.
const appendRule1 = "in this part every call passes AnyVersion, and Append adds the events to the end of the stream, in order — day 4, Part 1"

// minutesAfterOpening returns the At of each recorded event, in minutes
// after opening.
func minutesAfterOpening(records []RecordedEvent) []int {
	out := []int{}
	for _, r := range records {
		out = append(out, int(r.At.Sub(opening)/time.Minute))
	}
	return out
}

// TestPart1Example is the worked example of Part 1: four appends to two
// streams, each with AnyVersion.
func TestPart1Example(t *testing.T) {
	lines := []string{
		"teller-1 acc-1 expect=any open Ada Lovelace; deposit 500",
		"teller-2 acc-2 expect=any open Alan Turing",
		"teller-1 acc-1 expect=any withdraw 120",
		"teller-3 acc-2 expect=any deposit 75",
	}
	wantVersions := []int{2, 1, 3, 2}
	store := newStore()
	for i, a := range mustParseAttempts(lines) {
		got, err := store.Append(a.stream, AnyVersion, a.events)
		require.NoError(t, err, "Append(%q, AnyVersion, %s): %s", a.stream, eventsArg(a.events), appendRule1)
		assert.Equal(t, wantVersions[i], got, "Append(%q, AnyVersion, %s): Append returns the stream's new version — day 4, Part 1", a.stream, eventsArg(a.events))
	}
	all := store.ReadAll(1)
	assertRecords(t, []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:500}",
		"acc-2 v1 @3 AccountOpened{Account:acc-2 Owner:Alan Turing}",
		"acc-1 v3 @4 MoneyWithdrawn{Account:acc-1 Amount:120}",
		"acc-2 v2 @5 MoneyDeposited{Account:acc-2 Amount:75}",
	}, all, "ReadAll(1): the events get the next versions of their stream and the next positions of the store; each stream counts its own versions, while positions run through the whole store — day 4, Part 1")
	// One time per append: the first append's two events share minute 0.
	assert.Equal(t, []int{0, 0, 1, 2, 3}, minutesAfterOpening(all), "the At of ReadAll(1), in minutes after opening: ask the clock once per append, and every event of one call gets the same At — day 4, Part 1")
	assertRecords(t, []string{
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:500}",
		"acc-1 v3 @4 MoneyWithdrawn{Account:acc-1 Amount:120}",
	}, store.ReadStream("acc-1", 2), `ReadStream("acc-1", 2): ReadStream returns the stream's events with a version of at least from, in order — day 4, Part 1`)
	assertRecords(t, []string{
		"acc-1 v3 @4 MoneyWithdrawn{Account:acc-1 Amount:120}",
		"acc-2 v2 @5 MoneyDeposited{Account:acc-2 Amount:75}",
	}, store.ReadAll(4), "ReadAll(4): ReadAll returns the store's events with a position of at least from, in order — day 4, Part 1")
	assert.Equal(t, 3, store.Version("acc-1"), `Version("acc-1"): Version returns how many events the stream holds — day 4, Part 1`)
	assert.Equal(t, 2, store.Version("acc-2"), `Version("acc-2"): Version returns how many events the stream holds — day 4, Part 1`)
	assert.Equal(t, 0, store.Version("acc-3"), `Version("acc-3"): Version returns how many events the stream holds, 0 if it does not exist — day 4, Part 1`)
	assert.Empty(t, DescribeRecorded(store.ReadStream("acc-3", 1)), `ReadStream("acc-3", 1): a stream that does not exist has no events — day 4, Part 1`)
	// acc-1: position 4 × version 3 = 12; acc-2: position 5 × version 2 = 10; 12 + 10 = 22.
	assert.Equal(t, 22, part1Answer(lines), "part1Answer(%q): for every stream, the position of its last event times its version, all added up — day 4, Part 1", lines)
}

func TestPart1FullEmpty(t *testing.T) {
	store := newStore()
	assert.Equal(t, 0, store.Version("acc-1"), `Version("acc-1") of an empty store: Version returns 0 for a stream that does not exist — day 4, Part 1`)
	assert.Empty(t, DescribeRecorded(store.ReadStream("acc-1", 1)), `ReadStream("acc-1", 1) of an empty store: a stream that does not exist has no events — day 4, Part 1`)
	assert.Empty(t, DescribeRecorded(store.ReadAll(1)), "ReadAll(1) of an empty store: NewEventStore returns an empty store — day 4, Part 1")
	assert.Empty(t, DescribeRecorded(store.ReadAll(0)), "ReadAll(0) of an empty store: NewEventStore returns an empty store — day 4, Part 1")
}

func TestPart1FullAppend(t *testing.T) {
	store := newStore()
	steps := []struct {
		stream string
		events []Event
		want   int
	}{
		{"acc-1", []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}, 1},
		{"acc-2", []Event{AccountOpened{Account: "acc-2", Owner: "Alan"}, MoneyDeposited{Account: "acc-2", Amount: 10}}, 2},
		{"acc-1", []Event{MoneyDeposited{Account: "acc-1", Amount: 20}, MoneyDeposited{Account: "acc-1", Amount: 30}, MoneyWithdrawn{Account: "acc-1", Amount: 5}}, 4},
		{"acc-2", []Event{AccountClosed{Account: "acc-2"}}, 3},
	}
	for _, s := range steps {
		got, err := store.Append(s.stream, AnyVersion, s.events)
		require.NoError(t, err, "Append(%q, AnyVersion, %s): %s", s.stream, eventsArg(s.events), appendRule1)
		assert.Equal(t, s.want, got, "Append(%q, AnyVersion, %s): Append returns the stream's new version — day 4, Part 1", s.stream, eventsArg(s.events))
	}
	all := []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada}",
		"acc-2 v1 @2 AccountOpened{Account:acc-2 Owner:Alan}",
		"acc-2 v2 @3 MoneyDeposited{Account:acc-2 Amount:10}",
		"acc-1 v2 @4 MoneyDeposited{Account:acc-1 Amount:20}",
		"acc-1 v3 @5 MoneyDeposited{Account:acc-1 Amount:30}",
		"acc-1 v4 @6 MoneyWithdrawn{Account:acc-1 Amount:5}",
		"acc-2 v3 @7 AccountClosed{Account:acc-2}",
	}
	assertRecords(t, all, store.ReadAll(1), "ReadAll(1): the events get the next versions of their stream and the next positions of the store; each stream counts its own versions, while positions run through the whole store — day 4, Part 1")
	assertRecords(t, all, store.ReadAll(0), "ReadAll(0): from the start, as ReadAll(1): a from of 1 or less means everything — day 4, Part 1")
	assertRecords(t, all[5:], store.ReadAll(6), "ReadAll(6): ReadAll returns the store's events with a position of at least from, in order — day 4, Part 1")
	assertRecords(t, []string{}, store.ReadAll(8), "ReadAll(8), past the end: ReadAll returns the store's events with a position of at least from, so none — day 4, Part 1")
	assertRecords(t, []string{}, store.ReadAll(100), "ReadAll(100), far past the end: ReadAll returns the store's events with a position of at least from, so none — day 4, Part 1")
	assertRecords(t, []string{all[0], all[3], all[4], all[5]}, store.ReadStream("acc-1", 1), `ReadStream("acc-1", 1): ReadStream returns the stream's events with a version of at least from, in order — day 4, Part 1`)
	assertRecords(t, []string{all[0], all[3], all[4], all[5]}, store.ReadStream("acc-1", 0), `ReadStream("acc-1", 0): from the start, as from 1: every event of the stream has a version of at least 0 — day 4, Part 1`)
	assertRecords(t, []string{all[4], all[5]}, store.ReadStream("acc-1", 3), `ReadStream("acc-1", 3): ReadStream returns the stream's events with a version of at least from, in order — day 4, Part 1`)
	assertRecords(t, []string{}, store.ReadStream("acc-1", 5), `ReadStream("acc-1", 5), past the end: ReadStream returns the stream's events with a version of at least from, so none — day 4, Part 1`)
	assertRecords(t, []string{all[1], all[2], all[6]}, store.ReadStream("acc-2", 1), `ReadStream("acc-2", 1): ReadStream returns the stream's events with a version of at least from, in order — day 4, Part 1`)
	assert.Equal(t, 4, store.Version("acc-1"), `Version("acc-1"): Version returns how many events the stream holds — day 4, Part 1`)
	assert.Equal(t, 3, store.Version("acc-2"), `Version("acc-2"): Version returns how many events the stream holds — day 4, Part 1`)
}

func TestPart1FullClock(t *testing.T) {
	store := newStore()
	appends := [][]Event{
		{AccountOpened{Account: "acc-1", Owner: "Ada"}, MoneyDeposited{Account: "acc-1", Amount: 10}},
		{AccountOpened{Account: "acc-2", Owner: "Alan"}},
		nil, // nothing to store, so no time is asked
		{MoneyDeposited{Account: "acc-1", Amount: 20}, MoneyWithdrawn{Account: "acc-1", Amount: 5}, MoneyDeposited{Account: "acc-1", Amount: 1}},
	}
	streams := []string{"acc-1", "acc-2", "acc-2", "acc-1"}
	for i, events := range appends {
		_, err := store.Append(streams[i], AnyVersion, events)
		require.NoError(t, err, "Append(%q, AnyVersion, %s): %s", streams[i], eventsArg(events), appendRule1)
	}
	assert.Equal(t, 1, store.Version("acc-2"), `Version("acc-2") after appending no events to it: an append of no events stores nothing — day 4, Part 1`)
	assert.Equal(t, []int{0, 0, 1, 2, 2, 2}, minutesAfterOpening(store.ReadAll(1)),
		"the At of each event in minutes after opening: ask the clock once per append, every event of one call gets the same At, and an append of no events asks no time — day 4, Part 1")
}

func TestPart1FullCopies(t *testing.T) {
	store := newStore()
	events := []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}, MoneyDeposited{Account: "acc-1", Amount: 10}}
	_, err := store.Append("acc-1", AnyVersion, events)
	require.NoError(t, err, "Append(\"acc-1\", AnyVersion, %s): %s", eventsArg(events), appendRule1)
	want := []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada}",
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:10}",
	}

	copy(events[1:], []Event{MoneyWithdrawn{Account: "acc-1", Amount: 99}})
	assertRecords(t, want, store.ReadAll(1), "ReadAll(1) after the caller changed the slice it appended: changing the slice that was passed to Append must not change the store — day 4, Part 1")

	got := store.ReadStream("acc-1", 1)
	require.Len(t, DescribeRecorded(got), 2, `ReadStream("acc-1", 1): ReadStream returns the stream's events with a version of at least from — day 4, Part 1`)
	got[0].Version = 7
	got[1] = RecordedEvent{StreamID: "acc-1", Version: 2, Position: 2, Event: MoneyWithdrawn{Account: "acc-1", Amount: 99}}
	assertRecords(t, want, store.ReadStream("acc-1", 1), `ReadStream("acc-1", 1) after the caller changed what an earlier ReadStream returned: whatever a read returns belongs to the caller, and changing it must not change the store — day 4, Part 1`)

	got = store.ReadAll(1)
	require.Len(t, DescribeRecorded(got), 2, "ReadAll(1): ReadAll returns the store's events with a position of at least from — day 4, Part 1")
	got[0].Position = 7
	got[1].StreamID = "acc-2"
	got = append(got[:1], RecordedEvent{StreamID: "acc-1", Version: 3, Position: 3, Event: AccountClosed{Account: "acc-1"}})
	assertRecords(t, want, store.ReadAll(1), "ReadAll(1) after the caller changed what an earlier ReadAll returned: whatever a read returns belongs to the caller, and changing it must not change the store — day 4, Part 1")
	assert.Equal(t, 2, store.Version("acc-1"), `Version("acc-1") after the caller changed what ReadAll returned: whatever a read returns belongs to the caller, and changing it must not change the store — day 4, Part 1`)
	_ = got

	_, err = store.Append("acc-1", AnyVersion, []Event{AccountClosed{Account: "acc-1"}})
	require.NoError(t, err, "Append(\"acc-1\", AnyVersion, [AccountClosed{Account:acc-1}]): %s", appendRule1)
	assertRecords(t, append(want, "acc-1 v3 @3 AccountClosed{Account:acc-1}"), store.ReadAll(1), "ReadAll(1) after one more append, which the caller's change to an earlier read must not touch: whatever a read returns belongs to the caller — day 4, Part 1")
}
