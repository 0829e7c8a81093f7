//go:build ignore

package bank

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dispatchAll dispatches teller lines through the router, each in an
// envelope of its own, and requires each to be accepted.
func dispatchAll(t *testing.T, router *Router, lines ...string) {
	t.Helper()
	for _, line := range lines {
		cmd, err := ParseCommand(line)
		require.NoError(t, err, "ParseCommand(%q)", line)
		_, err = router.Dispatch(Envelope{ID: "setup: " + line, Command: cmd})
		require.NoError(t, err, "Dispatch(%q)", line)
	}
}

// TestPart1Example is the worked example of Part 1: a view that projects
// two events per tick falls behind, answers with the version it reflects,
// and catches up when a client waits for its own write.
func TestPart1Example(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	view := NewLaggingView(store, 2)
	dispatchAll(t, router, "open acc-1 Ada Lovelace", "deposit acc-1 900", "deposit acc-1 250")
	assert.Equal(t, Answer{Account: "acc-1"}, view.Balance("acc-1"), "Balance(acc-1) before the first tick")
	assert.Equal(t, 0, view.Position(), "Position() before the first tick")

	assert.Equal(t, 2, view.Tick(), "the first Tick projects two events")
	assert.Equal(t, Answer{Account: "acc-1", Balance: 900, Version: 2}, view.Balance("acc-1"), "Balance(acc-1) after the first tick: the deposit of 250 is not in yet")
	assert.Equal(t, 3, store.Version("acc-1"), "acc-1's version on the write side")

	dispatchAll(t, router, "withdraw acc-1 300")
	position := PositionOf(store, "acc-1", 4)
	assert.Equal(t, 4, position, "PositionOf(acc-1, version 4)")
	assert.True(t, view.WaitFor(position, 1), "WaitFor(4, 1)")
	// 900 + 250 - 300 = 850.
	assert.Equal(t, Answer{Account: "acc-1", Balance: 850, Version: 4}, view.Balance("acc-1"), "Balance(acc-1) after waiting for the withdrawal")

	dispatchAll(t, router, "open acc-2 Alan Turing", "deposit acc-2 75", "deposit acc-1 40")
	assert.False(t, view.WaitFor(7, 1), "WaitFor(7, 1): one tick projects positions 5 and 6 only")
	assert.Equal(t, 6, view.Position(), "Position() after giving up")
	assert.Equal(t, Answer{Account: "acc-1", Balance: 850, Version: 4}, view.Balance("acc-1"), "Balance(acc-1): still version 4, although the view moved on")
	assert.Equal(t, Answer{Account: "acc-2", Balance: 75, Version: 2}, view.Balance("acc-2"), "Balance(acc-2)")
	assert.True(t, view.WaitFor(7, 1), "WaitFor(7, 1) again")
	// 850 + 40 = 890.
	assert.Equal(t, Answer{Account: "acc-1", Balance: 890, Version: 5}, view.Balance("acc-1"), "Balance(acc-1) at the end")

	lines := []string{
		"batch 2",
		"open acc-1 Ada Lovelace",
		"deposit acc-1 900",
		"deposit acc-1 250",
		"read acc-1",
		"tick",
		"read acc-1",
		"withdraw acc-1 300",
		"wait acc-1 1",
		"open acc-2 Alan Turing",
		"deposit acc-2 75",
		"deposit acc-1 40",
		"wait acc-1 1",
		"read acc-2",
		"wait acc-1 1",
	}
	// 0 × 0 + 900 × 2 + 850 × 4 + 850 × 4 + 75 × 2 + 890 × 5
	// = 0 + 1800 + 3400 + 3400 + 150 + 4450 = 13200.
	assert.Equal(t, 13200, part1Answer(lines), "part1Answer(%q)", lines)
}

func TestPart1FullTick(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	view := NewLaggingView(store, 3)
	assert.Equal(t, 0, view.Tick(), "Tick() on an empty store")
	dispatchAll(t, router, "open acc-1 Ada", "deposit acc-1 10", "open acc-2 Alan", "deposit acc-2 20", "deposit acc-1 5")
	_, err := store.Append("repo-1", 0, []Event{StarGiven{Repo: "repo-1", User: "ada"}})
	require.NoError(t, err, "Append(repo-1, 0, StarGiven ada)")
	dispatchAll(t, router, "withdraw acc-2 7")

	tests := []struct {
		ticked   int    // what Tick returns
		position int    // Position() after it
		acc1     Answer // Balance("acc-1") after it
		acc2     Answer // Balance("acc-2") after it
	}{
		{3, 3, Answer{"acc-1", 10, 2}, Answer{"acc-2", 0, 1}},
		{3, 6, Answer{"acc-1", 15, 3}, Answer{"acc-2", 20, 2}},
		{1, 7, Answer{"acc-1", 15, 3}, Answer{"acc-2", 13, 3}},
		{0, 7, Answer{"acc-1", 15, 3}, Answer{"acc-2", 13, 3}},
	}
	for i, tt := range tests {
		assert.Equal(t, tt.ticked, view.Tick(), "Tick() number %d", i+1)
		assert.Equal(t, tt.position, view.Position(), "Position() after tick %d", i+1)
		assert.Equal(t, tt.acc1, view.Balance("acc-1"), "Balance(acc-1) after tick %d", i+1)
		assert.Equal(t, tt.acc2, view.Balance("acc-2"), "Balance(acc-2) after tick %d", i+1)
	}
	assert.Equal(t, Answer{Account: "acc-9"}, view.Balance("acc-9"), "Balance of an account never opened")

	// A view of batch 1 lags more; two views of one store do not share anything.
	slow := NewLaggingView(store, 1)
	assert.Equal(t, 1, slow.Tick(), "the slow view's first Tick")
	assert.Equal(t, Answer{"acc-1", 0, 1}, slow.Balance("acc-1"), "the slow view's Balance(acc-1)")
	assert.Equal(t, 7, view.Position(), "the first view's Position() after the slow one ticked")
}

func TestPart1FullWaitFor(t *testing.T) {
	// Given six events, a view of batch 2 at position start,
	// when WaitFor(position, maxTicks),
	// then it returns ok and the view is at after.
	tests := []struct {
		start              int
		position, maxTicks int
		ok                 bool
		after              int
	}{
		{0, 0, 0, true, 0},
		{0, 1, 0, false, 0},
		{0, 1, 1, true, 2},
		{0, 6, 2, false, 4},
		{0, 6, 3, true, 6},
		{0, 5, 3, true, 6},
		{4, 3, 5, true, 4}, // already there: no tick
		{4, 4, 0, true, 4},
		{4, 7, 3, false, 6}, // position 7 is not written yet
		{2, 6, 2, true, 6},
	}
	for _, tt := range tests {
		store := newStore()
		router := NewRouter(store)
		dispatchAll(t, router, "open acc-1 Ada", "deposit acc-1 1", "deposit acc-1 2", "deposit acc-1 3", "deposit acc-1 4", "deposit acc-1 5")
		view := NewLaggingView(store, 2)
		for view.Position() < tt.start {
			view.Tick()
		}
		assert.Equal(t, tt.ok, view.WaitFor(tt.position, tt.maxTicks), "WaitFor(%d, %d) from %d", tt.position, tt.maxTicks, tt.start)
		assert.Equal(t, tt.after, view.Position(), "Position() after WaitFor(%d, %d) from %d", tt.position, tt.maxTicks, tt.start)
	}
}

func TestPart1FullPositionOf(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	dispatchAll(t, router, "open acc-1 Ada", "open acc-2 Alan", "deposit acc-1 9")
	view := NewLaggingView(store, 5)
	// Read your writes: the position of acc-1's last event is 3.
	position := PositionOf(store, "acc-1", store.Version("acc-1"))
	assert.Equal(t, 3, position, "the position of acc-1's last event")
	assert.True(t, view.WaitFor(position, 1), "WaitFor(3, 1)")
	assert.Equal(t, Answer{"acc-1", 9, 2}, view.Balance("acc-1"), "Balance(acc-1) after reading its writes")
}
