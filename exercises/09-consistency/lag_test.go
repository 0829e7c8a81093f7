//go:build ignore

package bank

import (
	"fmt"
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

// The rules of Part 1 the tests check, in the chapter's words.
const (
	ruleNewView    = "a new view has projected nothing yet; its checkpoint is 0 — day 9, Part 1"
	ruleTick       = "Tick projects the next events after the checkpoint, at most batch of them, in order, and returns how many it projected: 0 when it has seen every event of the store — day 9, Part 1"
	ruleEveryEvent = "every event counts, whatever its stream: one the BalanceView ignores still moves the checkpoint and takes its place in the batch — day 9, Part 1"
	rulePosition   = "Position returns the checkpoint: the position of the last event projected — day 9, Part 1"
	ruleWaitFor    = "WaitFor ticks until the view has projected position, but at most maxTicks times, and reports whether the view got there; a view already there returns true without ticking, and a tick that projects nothing still counts as one — day 9, Part 1"
	ruleBalance    = "Balance answers from the view alone: the balance as the view knows it and the version of the last event of that account the view has projected, the answer's ETag — day 9, Part 1"
	ruleUnseen     = "an account the view has not seen is a zero balance at version 0 — day 9, Part 1"
	rulePositionOf = "after a command, the position to wait for is that of the account's latest event, PositionOf(store, id, store.Version(id)) — day 9, Part 1"
)

// TestPart1Example is the worked example of Part 1: a view that projects
// two events per tick falls behind, answers with the version it reflects,
// and catches up when a client waits for its own write.
func TestPart1Example(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	view := NewLaggingView(store, 2)
	dispatchAll(t, router, "open acc-1 Ada Lovelace", "deposit acc-1 900", "deposit acc-1 250")
	assert.Equal(t, Answer{Account: "acc-1"}, view.Balance("acc-1"), "Balance(%q) before the first tick: %s", "acc-1", ruleUnseen)
	assert.Equal(t, 0, view.Position(), "Position() before the first tick: %s", ruleNewView)

	assert.Equal(t, 2, view.Tick(), "Tick() the first time, with @1 to @3 in the store and a batch of 2: %s", ruleTick)
	assert.Equal(t, Answer{Account: "acc-1", Balance: 900, Version: 2}, view.Balance("acc-1"), "Balance(%q) after the first tick, the deposit of 250 not in yet: %s", "acc-1", ruleBalance)
	assert.Equal(t, 3, store.Version("acc-1"), "acc-1's version on the write side, after three accepted commands")

	dispatchAll(t, router, "withdraw acc-1 300")
	position := PositionOf(store, "acc-1", 4)
	assert.Equal(t, 4, position, "PositionOf(store, %q, 4), the withdrawal's position", "acc-1")
	assert.True(t, view.WaitFor(position, 1), "WaitFor(4, 1) at position 2 with a batch of 2: %s", ruleWaitFor)
	// 900 + 250 - 300 = 850.
	assert.Equal(t, Answer{Account: "acc-1", Balance: 850, Version: 4}, view.Balance("acc-1"), "Balance(%q) after waiting for the withdrawal: %s", "acc-1", ruleBalance)

	dispatchAll(t, router, "open acc-2 Alan Turing", "deposit acc-2 75", "deposit acc-1 40")
	assert.False(t, view.WaitFor(7, 1), "WaitFor(7, 1) at position 4 with a batch of 2, its one tick projecting @5 and @6 only: %s", ruleWaitFor)
	assert.Equal(t, 6, view.Position(), "Position() after WaitFor(7, 1) gave up: %s", rulePosition)
	assert.Equal(t, Answer{Account: "acc-1", Balance: 850, Version: 4}, view.Balance("acc-1"), "Balance(%q), still version 4 although the view moved on, since nothing since was about acc-1: %s", "acc-1", ruleBalance)
	assert.Equal(t, Answer{Account: "acc-2", Balance: 75, Version: 2}, view.Balance("acc-2"), "Balance(%q) at position 6: %s", "acc-2", ruleBalance)
	assert.True(t, view.WaitFor(7, 1), "WaitFor(7, 1) again, at position 6: %s", ruleWaitFor)
	// 850 + 40 = 890.
	assert.Equal(t, Answer{Account: "acc-1", Balance: 890, Version: 5}, view.Balance("acc-1"), "Balance(%q) at the end: %s", "acc-1", ruleBalance)

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
	assert.Equal(t, 13200, part1Answer(lines), "part1Answer(%q): the answer adds up every read's balance times the version it reflects — day 9, Part 1", lines)
}

func TestPart1FullTick(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	view := NewLaggingView(store, 3)
	assert.Equal(t, 0, view.Tick(), "Tick() on an empty store: %s", ruleTick)
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
		s := fmt.Sprintf("Given: seven events, @6 a StarGiven of repo-1, and a view of batch 3 at position %d\nWhen: Tick() (tick %d)\nThen: ", view.Position(), i+1)
		assert.Equal(t, tt.ticked, view.Tick(), "%sits result: %s", s, ruleTick)
		assert.Equal(t, tt.position, view.Position(), "%sPosition(): %s", s, ruleEveryEvent)
		assert.Equal(t, tt.acc1, view.Balance("acc-1"), "%sBalance(%q): %s", s, "acc-1", ruleBalance)
		assert.Equal(t, tt.acc2, view.Balance("acc-2"), "%sBalance(%q): %s", s, "acc-2", ruleBalance)
	}
	assert.Equal(t, Answer{Account: "acc-9"}, view.Balance("acc-9"), "Balance(%q) of an account never opened: %s", "acc-9", ruleUnseen)

	// A view of batch 1 lags more; two views of one store do not share anything.
	slow := NewLaggingView(store, 1)
	assert.Equal(t, 1, slow.Tick(), "Tick() of a second, new view of batch 1: %s", ruleTick)
	assert.Equal(t, Answer{"acc-1", 0, 1}, slow.Balance("acc-1"), "Balance(%q) of the view of batch 1 after one tick: %s", "acc-1", ruleBalance)
	assert.Equal(t, 7, view.Position(), "Position() of the first view after a second view of the same store ticked: %s", rulePosition)
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
		s := fmt.Sprintf("Given: six events, a view of batch 2 at position %d\nWhen: WaitFor(%d, %d)\nThen: ", tt.start, tt.position, tt.maxTicks)
		assert.Equal(t, tt.ok, view.WaitFor(tt.position, tt.maxTicks), "%sits result: %s", s, ruleWaitFor)
		assert.Equal(t, tt.after, view.Position(), "%sPosition() after it: %s", s, ruleWaitFor)
	}
}

func TestPart1FullPositionOf(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	dispatchAll(t, router, "open acc-1 Ada", "open acc-2 Alan", "deposit acc-1 9")
	view := NewLaggingView(store, 5)
	// Read your writes: the position of acc-1's last event is 3.
	position := PositionOf(store, "acc-1", store.Version("acc-1"))
	assert.Equal(t, 3, position, "PositionOf(store, %q, store.Version(%q)), the position of acc-1's last event: %s", "acc-1", "acc-1", rulePositionOf)
	assert.True(t, view.WaitFor(position, 1), "WaitFor(3, 1) of a new view of batch 5: %s", ruleWaitFor)
	assert.Equal(t, Answer{"acc-1", 9, 2}, view.Balance("acc-1"), "Balance(%q) after reading its writes, at position 3 (acc-1 at @1 and @3, acc-2 at @2): %s", "acc-1", ruleBalance)
}
