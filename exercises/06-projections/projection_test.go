//go:build ignore

package bank

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appendAll appends each event to its account's stream.
func appendAll(t *testing.T, store *EventStore, events ...Event) {
	t.Helper()
	for _, e := range events {
		_, err := store.Append(e.AccountID(), AnyVersion, []Event{e})
		require.NoError(t, err, "Append(%q, AnyVersion, %v)", e.AccountID(), DescribeEvents([]Event{e}))
	}
}

// balanceCase is a query and its answer.
type balanceCase struct {
	id    string
	want  int
	known bool
}

// checkBalances asks the view each query.
func checkBalances(t *testing.T, view *BalanceView, when string, tests ...balanceCase) {
	t.Helper()
	for _, tt := range tests {
		got, known := view.Balance(tt.id)
		assert.Equal(t, tt.want, got, "Balance(%q) %s", tt.id, when)
		assert.Equal(t, tt.known, known, "Balance(%q) %s: does the view know the account?", tt.id, when)
	}
}

// TestPart1Example is the worked example of Part 1: a view that catches
// up, lags, catches up again and is delivered an old event.
func TestPart1Example(t *testing.T) {
	store := newStore()
	view := NewBalanceView()
	assert.Equal(t, 0, view.Position(), "Position() of a new view")
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"},
		MoneyDeposited{Account: "acc-1", Amount: 500},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
		MoneyWithdrawn{Account: "acc-1", Amount: 120},
		MoneyDeposited{Account: "acc-2", Amount: 75},
	)
	assert.Equal(t, 5, view.CatchUp(store), "the first CatchUp")
	assert.Equal(t, 5, view.Position(), "Position() after the first CatchUp")
	// 500 - 120 = 380.
	checkBalances(t, view, "after the first CatchUp", balanceCase{"acc-1", 380, true})

	appendAll(t, store, MoneyWithdrawn{Account: "acc-2", Amount: 25})
	checkBalances(t, view, "before the view catches up", balanceCase{"acc-2", 75, true})
	assert.Equal(t, 1, view.CatchUp(store), "the second CatchUp")
	assert.Equal(t, 6, view.Position(), "Position() after the second CatchUp")
	// 75 - 25 = 50.
	checkBalances(t, view, "after the second CatchUp", balanceCase{"acc-2", 50, true})

	view.Project(store.ReadAll(4)[0])
	assert.Equal(t, 6, view.Position(), "Position() after position 4 is delivered again")
	checkBalances(t, view, "after position 4 is delivered again",
		balanceCase{"acc-1", 380, true},
		balanceCase{"acc-3", 0, false},
	)

	script := []string{
		"acc-1 open Ada Lovelace",
		"acc-1 deposit 500",
		"acc-2 open Alan Turing",
		"acc-1 withdraw 120",
		"acc-2 deposit 75",
		"catch up",
		"query acc-1",
		"acc-2 withdraw 25",
		"query acc-2",
		"catch up",
		"query acc-2",
		"redeliver 4",
		"query acc-1",
		"query acc-3",
	}
	// 380 + 75 + 50 + 380 + 0 = 885.
	assert.Equal(t, 885, part1Answer(script), "part1Answer(%q)", script)
}

func TestPart1FullProject(t *testing.T) {
	view := NewBalanceView()
	checkBalances(t, view, "of a new view", balanceCase{"acc-1", 0, false})
	records := []RecordedEvent{
		{StreamID: "acc-1", Version: 1, Position: 3, Event: AccountOpened{Account: "acc-1", Owner: "Ada"}},
		{StreamID: "acc-1", Version: 2, Position: 4, Event: MoneyDeposited{Account: "acc-1", Amount: 40}},
		{StreamID: "acc-1", Version: 3, Position: 7, Event: MoneyWithdrawn{Account: "acc-1", Amount: 15}},
		{StreamID: "acc-1", Version: 2, Position: 4, Event: MoneyDeposited{Account: "acc-1", Amount: 40}},
		{StreamID: "acc-1", Version: 3, Position: 7, Event: MoneyWithdrawn{Account: "acc-1", Amount: 15}},
		{StreamID: "acc-2", Version: 1, Position: 8, Event: MoneyDeposited{Account: "acc-2", Amount: 9}},
	}
	positions := []int{3, 4, 7, 7, 7, 8}
	balances := []int{0, 40, 25, 25, 25, 25}
	for i, r := range records {
		view.Project(r)
		assert.Equal(t, positions[i], view.Position(), "Position() after projecting %v", DescribeRecorded(records[:i+1]))
		checkBalances(t, view, "after projecting "+DescribeRecorded(records[i : i+1])[0], balanceCase{"acc-1", balances[i], true})
	}
	checkBalances(t, view, "after a deposit to an account never opened", balanceCase{"acc-2", 0, false})
}

func TestPart1FullCatchUp(t *testing.T) {
	store := newStore()
	view := NewBalanceView()
	assert.Equal(t, 0, view.CatchUp(store), "CatchUp with an empty store")
	assert.Equal(t, 0, view.Position(), "Position() after catching up with an empty store")
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		MoneyDeposited{Account: "acc-2", Amount: 30},
	)
	assert.Equal(t, 3, view.CatchUp(store), "the first CatchUp")
	assert.Equal(t, 0, view.CatchUp(store), "CatchUp again, with nothing new")
	appendAll(t, store,
		MoneyDeposited{Account: "acc-1", Amount: 11},
		MoneyWithdrawn{Account: "acc-2", Amount: 30},
		AccountClosed{Account: "acc-2"},
	)
	checkBalances(t, view, "before catching up again", balanceCase{"acc-1", 0, true}, balanceCase{"acc-2", 30, true})
	assert.Equal(t, 3, view.CatchUp(store), "the second CatchUp")
	assert.Equal(t, 6, view.Position(), "Position() after the second CatchUp")
	checkBalances(t, view, "after the second CatchUp", balanceCase{"acc-1", 11, true}, balanceCase{"acc-2", 0, true})

	// Events projected by hand count: CatchUp goes on after them.
	appendAll(t, store, MoneyDeposited{Account: "acc-1", Amount: 1}, MoneyDeposited{Account: "acc-1", Amount: 2})
	view.Project(store.ReadAll(7)[0])
	assert.Equal(t, 1, view.CatchUp(store), "CatchUp after position 7 was projected by hand")
	checkBalances(t, view, "at the end", balanceCase{"acc-1", 14, true})
}
