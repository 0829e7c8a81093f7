//go:build ignore

package bank

import (
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
	assert.Equal(t, want, Rebuild(history), "Rebuild(%v)", DescribeEvents(history))
	// (380 + 1200) held in 2 live accounts.
	assert.Equal(t, 3160, part1Answer(history), "part1Answer(%v)", DescribeEvents(history))
}

func TestPart1FullApply(t *testing.T) {
	tests := []struct {
		name  string
		given []Event
		want  Account
	}{
		{"nothing happened", nil, Account{}},
		{"opened", []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}},
			Account{ID: "acc-1", Owner: "Ada", Opened: true, Version: 1}},
		{"deposits add up", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			MoneyDeposited{Account: "acc-1", Amount: 50},
			MoneyDeposited{Account: "acc-1", Amount: 25},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: 75, Opened: true, Version: 3}},
		{"withdrawals subtract", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			MoneyDeposited{Account: "acc-1", Amount: 50},
			MoneyWithdrawn{Account: "acc-1", Amount: 20},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: 30, Opened: true, Version: 3}},
		{"closed", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			AccountClosed{Account: "acc-1"},
		}, Account{ID: "acc-1", Owner: "Ada", Opened: true, Closed: true, Version: 2}},
		// Facts are never refused, even facts the rules would have refused.
		{"an overdraft is recorded", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			MoneyWithdrawn{Account: "acc-1", Amount: 40},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: -40, Opened: true, Version: 2}},
		{"a deposit after closing is recorded", []Event{
			AccountOpened{Account: "acc-1", Owner: "Ada"},
			AccountClosed{Account: "acc-1"},
			MoneyDeposited{Account: "acc-1", Amount: 5},
		}, Account{ID: "acc-1", Owner: "Ada", Balance: 5, Opened: true, Closed: true, Version: 3}},
	}
	for _, tt := range tests {
		var got Account
		for _, e := range tt.given {
			got.Apply(e)
		}
		assert.Equal(t, tt.want, got, "%s: Apply each of %v", tt.name, DescribeEvents(tt.given))
	}
}

func TestPart1FullRebuild(t *testing.T) {
	empty := Rebuild(nil)
	assert.NotNil(t, empty, "Rebuild(nil) should be an empty map, not nil: Handle adds accounts to it")
	assert.Empty(t, empty, "Rebuild(nil)")

	history := []Event{
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		MoneyDeposited{Account: "acc-2", Amount: 10},
		MoneyDeposited{Account: "acc-1", Amount: 20},
		MoneyDeposited{Account: "acc-2", Amount: 30},
	}
	got := Rebuild(history)
	require.Len(t, got, 2, "Rebuild(%v)", DescribeEvents(history))
	assert.Equal(t, &Account{ID: "acc-1", Owner: "Ada", Balance: 20, Opened: true, Version: 2}, got["acc-1"], "Rebuild(%v)[\"acc-1\"]", DescribeEvents(history))
	assert.Equal(t, &Account{ID: "acc-2", Owner: "Alan", Balance: 40, Opened: true, Version: 3}, got["acc-2"], "Rebuild(%v)[\"acc-2\"]", DescribeEvents(history))
	assert.NotSame(t, got["acc-1"], got["acc-2"], "Rebuild(%v) shares one *Account between two accounts", DescribeEvents(history))
}
