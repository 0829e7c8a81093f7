//go:build ignore

package bank

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	}, DescribeRecorded(store.ReadAll(1)), "the week's events: the withdrawal of 5000 was refused")

	// Now: 1200 - 300 + 450 - 700 = 650.
	okafor := Account{ID: "acc-7", Owner: "Ngozi Okafor", Balance: 650, Opened: true, Version: 5}
	assert.Equal(t, okafor, StateAt(store, "acc-7", 7), "StateAt(acc-7, 7): as she is now")

	// On the 3rd at noon: 1200 - 300 + 450 = 1350; the deposit recorded
	// at noon counts.
	okafor.Balance, okafor.Version = 1350, 4
	assert.Equal(t, okafor, StateAsOf(store, "acc-7", at("2024-03-03T12:00:00Z")), "StateAsOf(acc-7, the 3rd at noon)")
	assert.Equal(t, okafor, StateAt(store, "acc-7", 6), "StateAt(acc-7, 6)")

	// A minute before noon: 1200 - 300 = 900.
	okafor.Balance, okafor.Version = 900, 3
	assert.Equal(t, okafor, StateAsOf(store, "acc-7", at("2024-03-03T11:59:00Z")), "StateAsOf(acc-7, a minute before noon)")
	assert.Equal(t, okafor, StateAt(store, "acc-7", 4), "StateAt(acc-7, 4)")
	assert.Equal(t, okafor, StateAt(store, "acc-7", 5), "StateAt(acc-7, 5): position 5 is acc-9's")

	// Before she opened it, the account is nothing but its id.
	assert.Equal(t, Account{ID: "acc-7"}, StateAsOf(store, "acc-7", at("2024-03-01T09:00:00Z")), "StateAsOf(acc-7, before it was opened)")

	questions := append(week,
		"balance acc-7 2024-03-03T12:00:00Z",
		"balance acc-7 2024-03-03T11:59:00Z",
		"balance acc-7 @5",
		"balance acc-9 @5",
		"balance acc-7 2024-03-01T09:00:00Z",
	)
	// 1350 + 900 + 900 + 80 + 0 = 3230.
	assert.Equal(t, 3230, part1Answer(questions), "part1Answer(%q)", questions)
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
	tests := []struct {
		id       string
		position int
		want     Account
	}{
		{"acc-1", -1, Account{ID: "acc-1"}},
		{"acc-1", 0, Account{ID: "acc-1"}},
		{"acc-1", 1, Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}},
		{"acc-1", 2, Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}},
		{"acc-1", 4, Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}},
		{"acc-1", 5, Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}},
		{"acc-1", 7, Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}},
		{"acc-1", 8, Account{ID: "acc-1", Owner: "Ada", Balance: 75, Opened: true, Version: 4}},
		{"acc-1", 1000, Account{ID: "acc-1", Owner: "Ada", Balance: 75, Opened: true, Version: 4}},
		{"acc-2", 2, Account{ID: "acc-2"}},
		{"acc-2", 4, Account{ID: "acc-2", Owner: "Alan", Balance: 40, Opened: true, Version: 2}},
		{"acc-2", 6, Account{ID: "acc-2", Owner: "Alan", Opened: true, Version: 3}},
		{"acc-2", 7, Account{ID: "acc-2", Owner: "Alan", Opened: true, Closed: true, Version: 4}},
		{"acc-3", 8, Account{ID: "acc-3"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, StateAt(store, tt.id, tt.position), "StateAt(%s, %d)", tt.id, tt.position)
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
	minute := func(m, s int) time.Time { return time.Date(2024, time.March, 1, 9, m, s, 0, time.UTC) }
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		t    time.Time
		want Account
	}{
		{minute(-1, 0), Account{ID: "acc-1"}},
		{minute(0, -1), Account{ID: "acc-1"}},
		{minute(0, 0), Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}},
		{minute(0, 59), Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}},
		{minute(1, 0), Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}},
		{minute(2, 30), Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}},
		{minute(3, 0), Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}},
		{minute(600, 0), Account{ID: "acc-1", Owner: "Ada", Balance: 70, Opened: true, Version: 3}},
		// 10:01 in Paris is 09:01 in UTC: the same moment.
		{time.Date(2024, time.March, 1, 10, 1, 0, 0, cet), Account{ID: "acc-1", Owner: "Ada", Balance: 100, Opened: true, Version: 2}},
		{time.Date(2024, time.March, 1, 10, 0, 59, 0, cet), Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, StateAsOf(store, "acc-1", tt.t), "StateAsOf(acc-1, %s)", tt.t.Format(time.RFC3339))
	}
	assert.Equal(t, Account{ID: "acc-3"}, StateAsOf(store, "acc-3", minute(600, 0)), "StateAsOf of an account never opened")
}

func TestPart1FullOneAppendOneMoment(t *testing.T) {
	// Given an append of two events, which share one moment, when asked
	// as of that moment, then StateAsOf has both; StateAt can still tell
	// them apart by position.
	store := NewEventStore(&StepClock{T: time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC), Step: time.Minute})
	_, err := store.Append("acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}, MoneyDeposited{Account: "acc-1", Amount: 50}})
	require.NoError(t, err)
	nine := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	both := Account{ID: "acc-1", Owner: "Ada", Balance: 50, Opened: true, Version: 2}
	assert.Equal(t, both, StateAsOf(store, "acc-1", nine), "StateAsOf(acc-1, 09:00)")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}, StateAt(store, "acc-1", 1), "StateAt(acc-1, 1)")
	assert.Equal(t, both, StateAt(store, "acc-1", 2), "StateAt(acc-1, 2)")
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
	assert.Equal(t, before, StateAt(store, "acc-1", 2), "StateAt(acc-1, 2) after later events")
	assert.Equal(t, then, StateAsOf(store, "acc-1", time.Date(2024, time.March, 1, 9, 1, 0, 0, time.UTC)), "StateAsOf(acc-1, 09:01) after later events")
	assert.Equal(t, 70, StateAt(store, "acc-1", 5).Balance, "the balance now")
	assert.Len(t, store.ReadAll(1), 5, "the events in the store")
	assert.Equal(t, fmt.Sprint(StateAt(store, "acc-1", 5)), fmt.Sprint(StateAsOf(store, "acc-1", time.Date(2024, time.March, 2, 0, 0, 0, 0, time.UTC))), "StateAt the end and StateAsOf the next day")
}
