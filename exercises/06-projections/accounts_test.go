//go:build ignore

package bank

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPart2Example is the worked example of Part 2: the account list and
// the money held.
func TestPart2Example(t *testing.T) {
	script := []string{
		"acc-3 open Grace Hopper",
		"acc-1 open Ada Lovelace",
		"acc-2 open Ada Lovelace",
		"acc-3 deposit 1200",
		"acc-1 deposit 500",
		"acc-2 deposit 40",
		"acc-2 withdraw 40",
		"acc-2 close",
		"catch up",
	}
	store, view := runScript(script, func(int, bool) {})
	want := []AccountSummary{
		{ID: "acc-1", Owner: "Ada Lovelace", Balance: 500},
		{ID: "acc-2", Owner: "Ada Lovelace", Balance: 0, Closed: true},
		{ID: "acc-3", Owner: "Grace Hopper", Balance: 1200},
	}
	assert.Equal(t, want, view.Accounts(), "Accounts()")
	// 500 + 1200 = 1700 in open accounts.
	assert.Equal(t, 1700, view.Total(), "Total()")

	// A fresh view, caught up one event at a time, says the same.
	fresh := NewBalanceView()
	for _, r := range store.ReadAll(1) {
		fresh.Project(r)
	}
	assert.Equal(t, want, fresh.Accounts(), "Accounts() of a view that projected every event by hand")

	// 1 × 500 + 2 × 0 + 3 × 1200 = 4100.
	assert.Equal(t, 4100, part2Answer(script), "part2Answer(%q)", script)
}

func TestPart2FullAccounts(t *testing.T) {
	view := NewBalanceView()
	assert.Empty(t, view.Accounts(), "Accounts() of a new view")
	assert.Equal(t, 0, view.Total(), "Total() of a new view")
	store := newStore()
	appendAll(t, store,
		AccountOpened{Account: "acc-9", Owner: "Barbara Liskov"},
		AccountOpened{Account: "acc-10", Owner: "Barbara Liskov"},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
		AccountOpened{Account: "acc-1", Owner: "Barbara"},
		MoneyDeposited{Account: "acc-9", Amount: 60},
		MoneyDeposited{Account: "acc-10", Amount: 7},
		MoneyDeposited{Account: "acc-2", Amount: 5},
		MoneyWithdrawn{Account: "acc-2", Amount: 5},
		AccountClosed{Account: "acc-2"},
		MoneyDeposited{Account: "acc-1", Amount: 3},
	)
	view.CatchUp(store)
	want := []AccountSummary{
		{ID: "acc-2", Owner: "Alan Turing", Balance: 0, Closed: true},
		{ID: "acc-1", Owner: "Barbara", Balance: 3},
		{ID: "acc-10", Owner: "Barbara Liskov", Balance: 7},
		{ID: "acc-9", Owner: "Barbara Liskov", Balance: 60},
	}
	got := view.Accounts()
	assert.Equal(t, want, got, "Accounts(): by owner, then by id as strings")
	assert.Equal(t, 70, view.Total(), "Total()")

	if len(got) > 0 {
		got[0].Balance = 1000
		got[0].Closed = false
	}
	assert.Equal(t, want, view.Accounts(), "Accounts() after the caller changed what an earlier Accounts returned")
	assert.Equal(t, 70, view.Total(), "Total() after the caller changed what Accounts returned")
}

// TestPart2FullRebuild: a view is only a cache of the events. Built from
// zero in one CatchUp, in many small steps or with events delivered
// twice, it gives the same answers.
func TestPart2FullRebuild(t *testing.T) {
	lines := puzzleScript("rebuild")[:400]
	store, stepped := runScript(lines, func(int, bool) {})
	stepped.CatchUp(store)

	once := NewBalanceView()
	once.CatchUp(store)

	twice := NewBalanceView()
	all := store.ReadAll(1)
	for i, r := range all {
		twice.Project(r)
		twice.Project(r)
		if i > 0 {
			twice.Project(all[i-1])
		}
	}

	assert.Equal(t, once.Accounts(), stepped.Accounts(), "Accounts() of the script's view and of a view rebuilt in one CatchUp")
	assert.Equal(t, once.Accounts(), twice.Accounts(), "Accounts() of a view rebuilt in one CatchUp and of one delivered every event twice")
	assert.Equal(t, once.Total(), stepped.Total(), "Total() of the script's view and of a view rebuilt in one CatchUp")
	assert.Equal(t, once.Position(), twice.Position(), "Position() of both rebuilt views")
	assert.Equal(t, len(all), once.Position(), "Position() of a view rebuilt in one CatchUp")
}
