//go:build ignore

package bank

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules of Part 1 the tests check, in the chapter's words.
const (
	ruleStateAt       = "StateAt starts from Account{ID: id} and applies the events of the account's stream whose Position is at most position: both questions include their boundary — day 11, Part 1"
	ruleOtherAccounts = "other accounts' events at those positions change nothing: only the account's own stream counts — day 11, Part 1"
	ruleBeforeFirst   = "position 0, or any position before the account's first event, gives Account{ID: id} — day 11, Part 1"
	rulePastTheEnd    = "a position past the end of the store gives the account as it is now — day 11, Part 1"
	ruleAsOf          = "StateAsOf is the fold of the events of the account's stream whose At is at or before t — day 11, Part 1"
	ruleAsOfBoundary  = "\"as of noon\" includes what was recorded at noon: an event whose At is exactly t counts — day 11, Part 1"
	ruleNothingButID  = "before the account's first event, it is nothing but its id: Account{ID: id} — day 11, Part 1"
	ruleInstants      = "compare instants, not clock readings: t may come in another time zone — day 11, Part 1"
	ruleWhole         = "both return the whole Account, with its Owner, Opened, Closed and Version as they were then — day 11, Part 1"
	ruleShareMoment   = "two events can share a moment (all the events of one append do), and then no moment lies between them: as of that moment, both are in — day 11, Part 1"
	ruleApart         = "positions can always tell apart two events that share a moment — day 11, Part 1"
	ruleNeverChanges  = "a question about the past gets an answer that never changes: new events only ever go at the end, with a later position and a later time — day 11, Part 1"
	ruleOnlyReads     = "the past is a shorter fold: no new data and no new machinery, just a loop that stops early — day 11, Part 1"
	ruleNow           = "StateAt at the end of the store and StateAsOf after the last event both give the account as it is now — day 11, Part 1"
	ruleAnswer1       = "the answer is the sum of the balances Tomás's questions get — day 11, Part 1"
)

// gwt is a failure message: the situation, the call, and what it checks
// with the rule it comes from.
func gwt(given, when, then string) string {
	return "Given: " + given + "\nWhen: " + when + "\nThen: " + then
}

// holds describes what store holds for a failure's Given, one recorded
// event a line; withTimes adds when each was recorded, on the store's
// clock.
func holds(store *EventStore, withTimes bool) string {
	records := store.ReadAll(1)
	if len(records) == 0 {
		return "an empty store"
	}
	lines := DescribeRecorded(records)
	for i, r := range records {
		// An owner's line break would split the event over two lines.
		lines[i] = strings.ReplaceAll(lines[i], "\n", `\n`)
		if withTimes {
			lines[i] += " at " + r.At.Format(time.RFC3339)
		}
	}
	return "the store holds\n  " + strings.Join(lines, "\n  ")
}

// stateAt and stateAsOf are the calls of a failure's When.
func stateAt(id string, position int) string {
	return fmt.Sprintf("StateAt(store, %q, %d)", id, position)
}

func stateAsOf(id string, t time.Time) string {
	return fmt.Sprintf("StateAsOf(store, %q, %s)", id, t.Format(time.RFC3339))
}

// TestPart1Example is the worked example of Part 1: Mrs Okafor's balance
// on the 3rd at noon, and other questions about the past.
func TestPart1Example(t *testing.T) {
	week := []string{
		"2024-03-01T09:12:00Z open acc-7 Ngozi Okafor",
		"2024-03-01T09:40:00Z open acc-9 Dieter Brandt",
		"2024-03-01T10:30:00Z deposit acc-7 1200",
		"2024-03-02T14:05:00Z withdraw acc-7 300",
		"2024-03-03T11:58:00Z deposit acc-9 80",
		"2024-03-03T12:00:00Z deposit acc-7 450",
		"2024-03-03T12:00:00Z withdraw acc-7 5000",
		"2024-03-03T15:20:00Z withdraw acc-7 700",
	}
	store, _ := runDay(week)
	require.Equal(t, []string{
		"acc-7 v1 @1 AccountOpened{Account:acc-7 Owner:Ngozi Okafor}",
		"acc-9 v1 @2 AccountOpened{Account:acc-9 Owner:Dieter Brandt}",
		"acc-7 v2 @3 MoneyDeposited{Account:acc-7 Amount:1200}",
		"acc-7 v3 @4 MoneyWithdrawn{Account:acc-7 Amount:300}",
		"acc-9 v2 @5 MoneyDeposited{Account:acc-9 Amount:80}",
		"acc-7 v4 @6 MoneyDeposited{Account:acc-7 Amount:450}",
		"acc-7 v5 @7 MoneyWithdrawn{Account:acc-7 Amount:700}",
	}, DescribeRecorded(store.ReadAll(1)), "the week's events, as chapter 5's router records them: the withdrawal of 5000 was refused, so nothing was recorded")
	given := "the worked example's week: " + holds(store, true)

	// Now: 1200 - 300 + 450 - 700 = 650.
	okafor := Account{ID: "acc-7", Owner: "Ngozi Okafor", Balance: 650, Opened: true, Version: 5}
	assert.Equal(t, okafor, StateAt(store, "acc-7", 7), gwt(given, stateAt("acc-7", 7), "acc-7 as she is now, at the end of the store: "+ruleStateAt))

	// On the 3rd at noon: 1200 - 300 + 450 = 1350; the deposit recorded
	// at noon counts.
	okafor.Balance, okafor.Version = 1350, 4
	noon := at("2024-03-03T12:00:00Z")
	assert.Equal(t, okafor, StateAsOf(store, "acc-7", noon), gwt(given, stateAsOf("acc-7", noon), "acc-7 on the 3rd at noon, with the deposit recorded at noon: "+ruleAsOfBoundary))
	assert.Equal(t, okafor, StateAt(store, "acc-7", 6), gwt(given, stateAt("acc-7", 6), "acc-7 with the deposit at that position: "+ruleStateAt))

	// A minute before noon: 1200 - 300 = 900.
	okafor.Balance, okafor.Version = 900, 3
	before := at("2024-03-03T11:59:00Z")
	assert.Equal(t, okafor, StateAsOf(store, "acc-7", before), gwt(given, stateAsOf("acc-7", before), "acc-7 a minute before noon: "+ruleAsOf))
	assert.Equal(t, okafor, StateAt(store, "acc-7", 4), gwt(given, stateAt("acc-7", 4), "acc-7 with the withdrawal at that position: "+ruleStateAt))
	assert.Equal(t, okafor, StateAt(store, "acc-7", 5), gwt(given, stateAt("acc-7", 5), "acc-7, where that position is acc-9's deposit: "+ruleOtherAccounts))

	// Before she opened it, the account is nothing but its id.
	early := at("2024-03-01T09:00:00Z")
	assert.Equal(t, Account{ID: "acc-7"}, StateAsOf(store, "acc-7", early), gwt(given, stateAsOf("acc-7", early), "acc-7 before she opened it: "+ruleNothingButID))

	questions := append(week,
		"balance acc-7 2024-03-03T12:00:00Z",
		"balance acc-7 2024-03-03T11:59:00Z",
		"balance acc-7 @5",
		"balance acc-9 @5",
		"balance acc-7 2024-03-01T09:00:00Z",
	)
	// 1350 + 900 + 900 + 80 + 0 = 3230.
	assert.Equal(t, 3230, part1Answer(questions), gwt("the worked example's week", fmt.Sprintf("part1Answer(the week, then %q)", questions[len(week):]), ruleAnswer1))
}

// history returns a store with these events, appended one at a time at
// 09:00, 09:01, 09:02 ... of 1 March 2024, except for the pairs the
// caller appends itself.
func history(t *testing.T, events ...Event) *EventStore {
	t.Helper()
	store := NewEventStore(&StepClock{T: time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC), Step: time.Minute})
	for _, e := range events {
		_, err := store.Append(e.AccountID(), AnyVersion, []Event{e})
		require.NoError(t, err)
	}
	return store
}

func TestPart1FullStateAt(t *testing.T) {
	// Given this history, when StateAt asks for an account at a position,
	// then it is the fold of its events up to that position.
	store := history(t,
		AccountOpened{Account: "acc-1", Owner: "Ada"},  // @1
		MoneyDeposited{Account: "acc-1", Amount: 100},  // @2
		AccountOpened{Account: "acc-2", Owner: "Alan"}, // @3
		MoneyDeposited{Account: "acc-2", Amount: 40},   // @4
		MoneyWithdrawn{Account: "acc-1", Amount: 30},   // @5
		MoneyWithdrawn{Account: "acc-2", Amount: 40},   // @6
		AccountClosed{Account: "acc-2"},                // @7
		MoneyDeposited{Account: "acc-1", Amount: 5},    // @8
	)
	given := holds(store, false)
	tests := []struct {
		id       string
		position int
		want     Account
		rule     string
	}{
		{"acc-1", -1, Account{ID: "acc-1"}, ruleBeforeFirst},
		{"acc-1", 0, Account{ID: "acc-1"}, ruleBeforeFirst},
		{"acc-1", 1, Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}, ruleStateAt},
		{"acc-1", 2, Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}, ruleStateAt},
		{"acc-1", 4, Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}, ruleOtherAccounts},
		{"acc-1", 5, Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}, ruleStateAt},
		{"acc-1", 7, Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}, ruleOtherAccounts},
		{"acc-1", 8, Account{ID: "acc-1", Owner: "Ada", Balance: 75, Opened: true, Version: 4}, ruleStateAt},
		{"acc-1", 1000, Account{ID: "acc-1", Owner: "Ada", Balance: 75, Opened: true, Version: 4}, rulePastTheEnd},
		{"acc-2", 2, Account{ID: "acc-2"}, ruleBeforeFirst},
		{"acc-2", 4, Account{ID: "acc-2", Owner: "Alan", Balance: 40, Opened: true, Version: 2}, ruleStateAt},
		{"acc-2", 6, Account{ID: "acc-2", Owner: "Alan", Opened: true, Version: 3}, ruleStateAt},
		{"acc-2", 7, Account{ID: "acc-2", Owner: "Alan", Opened: true, Closed: true, Version: 4}, ruleWhole},
		{"acc-3", 8, Account{ID: "acc-3"}, ruleBeforeFirst},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, StateAt(store, tt.id, tt.position), gwt(given, stateAt(tt.id, tt.position), tt.id+" as of that position: "+tt.rule))
	}
}

func TestPart1FullStateAsOf(t *testing.T) {
	// Given this history at 09:00, 09:01 ... of 1 March 2024, when
	// StateAsOf asks for an account at a moment, then it is the fold of
	// its events recorded at or before that moment.
	store := history(t,
		AccountOpened{Account: "acc-1", Owner: "Ada"},  // 09:00
		MoneyDeposited{Account: "acc-1", Amount: 100},  // 09:01
		AccountOpened{Account: "acc-2", Owner: "Alan"}, // 09:02
		MoneyWithdrawn{Account: "acc-1", Amount: 30},   // 09:03
	)
	given := holds(store, true)
	minute := func(m, s int) time.Time { return time.Date(2024, time.March, 1, 9, m, s, 0, time.UTC) }
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		t    time.Time
		want Account
		rule string
	}{
		{minute(-1, 0), Account{ID: "acc-1"}, ruleNothingButID},
		{minute(0, -1), Account{ID: "acc-1"}, ruleNothingButID},
		{minute(0, 0), Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}, ruleAsOfBoundary},
		{minute(0, 59), Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}, ruleAsOf},
		{minute(1, 0), Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}, ruleAsOfBoundary},
		{minute(2, 30), Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}, ruleAsOf},
		{minute(3, 0), Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}, ruleAsOfBoundary},
		{minute(600, 0), Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}, ruleAsOf},
		// 10:01 in Paris is 09:01 in UTC: the same moment.
		{time.Date(2024, time.March, 1, 10, 1, 0, 0, cet), Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}, ruleInstants},
		{time.Date(2024, time.March, 1, 10, 0, 59, 0, cet), Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}, ruleInstants},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, StateAsOf(store, "acc-1", tt.t), gwt(given, stateAsOf("acc-1", tt.t), "acc-1 as of that moment: "+tt.rule))
	}
	assert.Equal(t, Account{ID: "acc-3"}, StateAsOf(store, "acc-3", minute(600, 0)), gwt(given, stateAsOf("acc-3", minute(600, 0)), "an account never opened: "+ruleNothingButID))
}

func TestPart1FullOneAppendOneMoment(t *testing.T) {
	// Given an append of two events, which share one moment, when asked
	// as of that moment, then StateAsOf has both; StateAt can still tell
	// them apart by position.
	store := NewEventStore(&StepClock{T: time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC), Step: time.Minute})
	_, err := store.Append("acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}, MoneyDeposited{Account: "acc-1", Amount: 50}})
	require.NoError(t, err)
	given := "one append of two events: " + holds(store, true)
	nine := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	both := Account{ID: "acc-1", Owner: "Ada", Balance: 50, Opened: true, Version: 2}
	assert.Equal(t, both, StateAsOf(store, "acc-1", nine), gwt(given, stateAsOf("acc-1", nine), "acc-1 with both events: "+ruleShareMoment))
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}, StateAt(store, "acc-1", 1), gwt(given, stateAt("acc-1", 1), "acc-1 with the first event only: "+ruleApart))
	assert.Equal(t, both, StateAt(store, "acc-1", 2), gwt(given, stateAt("acc-1", 2), "acc-1 with both events: "+ruleApart))
}

func TestPart1FullThePastStaysPut(t *testing.T) {
	// Given answers about the past, when more events are recorded, then
	// the same questions get the same answers, and the store is unchanged.
	store := history(t,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 100},
	)
	before := StateAt(store, "acc-1", 2)
	then := StateAsOf(store, "acc-1", time.Date(2024, time.March, 1, 9, 1, 0, 0, time.UTC))
	for i := 0; i < 3; i++ {
		_, err := store.Append("acc-1", AnyVersion, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 10}})
		require.NoError(t, err)
	}
	given := "StateAt and StateAsOf were asked about acc-1 before @3, @4 and @5 were recorded; now " + holds(store, true)
	nineOne := time.Date(2024, time.March, 1, 9, 1, 0, 0, time.UTC)
	assert.Equal(t, before, StateAt(store, "acc-1", 2), gwt(given, stateAt("acc-1", 2), "the answer it got before the later events: "+ruleNeverChanges))
	assert.Equal(t, then, StateAsOf(store, "acc-1", time.Date(2024, time.March, 1, 9, 1, 0, 0, time.UTC)), gwt(given, stateAsOf("acc-1", nineOne), "the answer it got before the later events: "+ruleNeverChanges))
	assert.Equal(t, 70, StateAt(store, "acc-1", 5).Balance, gwt(given, stateAt("acc-1", 5)+".Balance", "the balance now, at the end of the store: "+ruleStateAt))
	assert.Len(t, store.ReadAll(1), 5, gwt(given, "store.ReadAll(1), after the questions", "the events in the store, the five appended and no more: "+ruleOnlyReads))
	nextDay := time.Date(2024, time.March, 2, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, fmt.Sprint(StateAt(store, "acc-1", 5)), fmt.Sprint(StateAsOf(store, "acc-1", time.Date(2024, time.March, 2, 0, 0, 0, 0, time.UTC))), gwt(given, stateAt("acc-1", 5)+" and "+stateAsOf("acc-1", nextDay), "the same account: "+ruleNow))
}
