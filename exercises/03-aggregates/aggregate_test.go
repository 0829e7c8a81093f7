//go:build ignore

package bank

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPart1Example is the worked example of Part 1: the history of three
// accounts, interleaved.
func TestPart1Example(t *testing.T) {
	history := []Event{
		AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
		MoneyDeposited{Account: "acc-1", Amount: 500},
		MoneyDeposited{Account: "acc-2", Amount: 75},
		MoneyWithdrawn{Account: "acc-1", Amount: 120},
		MoneyWithdrawn{Account: "acc-2", Amount: 75},
		AccountClosed{Account: "acc-2"},
		AccountOpened{Account: "acc-3", Owner: "Grace Hopper"},
		MoneyDeposited{Account: "acc-3", Amount: 1200},
	}
	want := map[string]*Account{
		"acc-1": {ID: "acc-1", Owner: "Ada Lovelace", Balance: 380, Opened: true, Version: 3},
		"acc-2": {ID: "acc-2", Owner: "Alan Turing", Balance: 0, Opened: true, Closed: true, Version: 4},
		"acc-3": {ID: "acc-3", Owner: "Grace Hopper", Balance: 1200, Opened: true, Version: 2},
	}
	assert.Equal(t, snapshot(want), snapshot(Rebuild(history)), "Rebuild([%s]): Rebuild picks each account's events out of the stream and folds them — day 3, Part 1", eventList(history))
	// (380 + 1200) held in 2 live accounts.
	assert.Equal(t, 3160, part1Answer(history), "part1Answer([%s]): the money held in the live accounts (opened and not closed), times how many of them there are — day 3, Part 1", eventList(history))
}

func TestPart1FullApply(t *testing.T) {
	tests := []struct {
		name  string
		given []Event
		want  Account
		rule  string
	}{
		{"nothing happened", nil, Account{},
			"start from an empty account and apply the events one at a time, in order: with no events, it stays the zero Account"},
		{"opened", []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}},
			Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1},
			"AccountOpened sets ID, Owner and Opened, and every event, whichever it is, adds one to Version"},
		{"deposits add up", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			MoneyDeposited{Account: "acc-1", Amount: 50},
			MoneyDeposited{Account: "acc-1", Amount: 25},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: 75, Opened: true, Version: 3},
			"MoneyDeposited adds its amount to Balance, and every event, whichever it is, adds one to Version"},
		{"withdrawals subtract", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			MoneyDeposited{Account: "acc-1", Amount: 50},
			MoneyWithdrawn{Account: "acc-1", Amount: 20},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: 30, Opened: true, Version: 3},
			"MoneyWithdrawn subtracts its amount, and every event, whichever it is, adds one to Version"},
		{"closed", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			AccountClosed{Account: "acc-1"},
		}, Account{ID: "acc-1", Owner: "Ada", Opened: true, Closed: true, Version: 2},
			"AccountClosed sets Closed, and every event, whichever it is, adds one to Version"},
		// Facts are never refused, even facts the rules would have refused.
		{"an overdraft is recorded", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			MoneyWithdrawn{Account: "acc-1", Amount: 40},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: -40, Opened: true, Version: 2},
			"Apply records; it never checks: a withdrawal larger than the balance leaves a negative balance"},
		{"a deposit after closing is recorded", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			AccountClosed{Account: "acc-1"},
			MoneyDeposited{Account: "acc-1", Amount: 5},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: 5, Opened: true, Closed: true, Version: 3},
			"Apply records; it never checks: a deposit after closing is added to a closed account"},
	}
	for _, tt := range tests {
		var got Account
		for _, e := range tt.given {
			got.Apply(e)
		}
		assert.Equal(t, tt.want, got, "%s:\nGiven: the zero Account\nWhen: Apply each of %s, in order\nThen: %s — day 3, Part 1", tt.name, eventList(tt.given), tt.rule)
	}
}

func TestPart1FullRebuild(t *testing.T) {
	empty := Rebuild(nil)
	assert.NotNil(t, empty, "Rebuild(nil): an empty history gives an empty map, not nil: in Part 2 you will add accounts to it — day 3, Part 1")
	assert.Empty(t, snapshot(empty), "Rebuild(nil): an empty history gives an empty map — day 3, Part 1")

	history := []Event{
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		MoneyDeposited{Account: "acc-2", Amount: 10},
		MoneyDeposited{Account: "acc-1", Amount: 20},
		MoneyDeposited{Account: "acc-2", Amount: 30},
	}
	got := Rebuild(history)
	require.Len(t, snapshot(got), 2, "Rebuild([%s]): Rebuild returns every account the history mentions, keyed by ID — day 3, Part 1", eventList(history))
	assert.Equal(t, &Account{ID: "acc-1", Owner: "Ada", Balance: 20, Opened: true, Version: 2}, got["acc-1"], "Rebuild([%s])[\"acc-1\"]: each event belongs to the account named by its AccountID(), and the first time an ID appears, that account starts as the zero Account with its ID set — day 3, Part 1", eventList(history))
	assert.Equal(t, &Account{ID: "acc-2", Owner: "Alan", Balance: 40, Opened: true, Version: 3}, got["acc-2"], "Rebuild([%s])[\"acc-2\"]: each event belongs to the account named by its AccountID(), and the first time an ID appears, that account starts as the zero Account with its ID set — day 3, Part 1", eventList(history))
	assert.False(t, got["acc-1"] == got["acc-2"], "Rebuild([%s]) shares one *Account between acc-1 and acc-2: each account must be its own *Account — day 3, Part 1", eventList(history))
}

// eventList writes events as DescribeEvents does, separated by commas, or
// "no events".
func eventList(events []Event) string {
	if len(events) == 0 {
		return "no events"
	}
	return strings.Join(DescribeEvents(events), ", ")
}
