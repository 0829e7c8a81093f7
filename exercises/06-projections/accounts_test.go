//go:build ignore

package bank

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The rules of Part 2 the tests check, in the chapter's words.
const (
	ruleLiveAnswers  = "only the live view answers: Balance and Position ask the live view, before a rebuild, during one and after a swap — day 6, Part 2"
	ruleNeverAsked   = "the view being built is never asked before it is swapped in — day 6, Part 2"
	ruleLiveOnly     = "only the live view is delivered to: CatchUp catches the live view up, Project hands it one event, and neither ever touches the new view — day 6, Part 2"
	ruleStoreAlone   = "the new view learns from the store alone, in order: a delivery must never reach it — day 6, Part 2"
	ruleRebuildN     = "Rebuild(n) projects into the new view at most n events, the store's next ones after its checkpoint, and returns how many — day 6, Part 2"
	ruleAppended     = "events appended during the rebuild belong in the new view like any other: none may be lost, and none counted twice — day 6, Part 2"
	ruleCaughtUp     = "caught up means that nothing in the store comes after the new view's checkpoint (0 for an empty store), measured against the store when the swap is asked for, not against the live view — day 6, Part 2"
	ruleSwap         = "Swap swaps only a new view that has caught up: then the new view is the live one, the old view is thrown away, and the rebuild is over — day 6, Part 2"
	ruleRefused      = "asked before that, Swap returns ErrNotCaughtUp or an error wrapping it (ErrNoRebuild when no rebuild is running) and changes nothing: the old view goes on answering and the rebuild keeps its progress — day 6, Part 2"
	ruleOneAtATime   = "one rebuild at a time: while one is running, StartRebuild returns ErrRebuilding and changes nothing — day 6, Part 2"
	ruleRedelivered  = "a redelivered event reaches the live view only, which ignores it: it is at or before its checkpoint — day 6, Part 2"
	ruleSameAnswers  = "a view is only a copy of the history: the view swapped in answers as a view built in one catch-up from the first event does — day 6, Part 2"
	ruleScriptAnswer = "the answer is the sum of the balances the screen answered — day 6, Part 2"
)

// screenQuery is a query to the screen and its answer.
type screenQuery struct {
	id    string
	want  int
	known bool
}

// checkScreen asks the screen each query; when says what has happened,
// and rule is the chapter's rule the answers follow.
func checkScreen(t *testing.T, s *Screen, when, rule string, queries ...screenQuery) {
	t.Helper()
	for _, q := range queries {
		got, known := s.Balance(q.id)
		assert.Equal(t, q.want, got, "Balance(%q) %s: %s", q.id, when, rule)
		assert.Equal(t, q.known, known, "Balance(%q) %s, does the screen know the account: %s", q.id, when, rule)
	}
}

// at returns the store's event at a position.
func at(store *EventStore, position int) RecordedEvent {
	return store.ReadAll(position)[0]
}

// sameAsFresh compares the screen's answers with those of a view built in
// one catch-up from the first event.
func sameAsFresh(t *testing.T, store *EventStore, s *Screen, when string, ids ...string) {
	t.Helper()
	fresh := NewBalanceView()
	fresh.CatchUp(store)
	assert.Equal(t, fresh.Position(), s.Position(), "Position() %s: %s", when, ruleSameAnswers)
	for _, id := range ids {
		want, wantKnown := fresh.Balance(id)
		got, known := s.Balance(id)
		assert.Equal(t, want, got, "Balance(%q) %s: %s", id, when, ruleSameAnswers)
		assert.Equal(t, wantKnown, known, "Balance(%q) %s, does the screen know the account: %s", id, when, ruleSameAnswers)
	}
}

// TestPart2Example is the worked example of Part 2: a delivery out of
// turn leaves a gap in the live view, and a view rebuilt behind it takes
// its place once it has caught up.
func TestPart2Example(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"},
		MoneyDeposited{Account: "acc-1", Amount: 500},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
	)
	assert.Equal(t, 3, screen.CatchUp(), "CatchUp() with events @1 to @3 in the store: %s", ruleLiveOnly)
	appendAll(t, store,
		MoneyWithdrawn{Account: "acc-1", Amount: 120},
		MoneyDeposited{Account: "acc-2", Amount: 75},
	)

	// deliver 5: @4, the withdrawal of 120, never reaches the live view.
	screen.Project(at(store, 5))
	assert.Equal(t, 5, screen.Position(), "Position() after @5 was delivered out of turn: %s", ruleLiveAnswers)
	checkScreen(t, screen, "after @5 was delivered out of turn, skipping @4", ruleLiveAnswers, screenQuery{"acc-1", 500, true})

	assert.NoError(t, screen.StartRebuild(), "StartRebuild() with no rebuild running: %s", ruleOneAtATime)
	assert.Equal(t, 3, screen.Rebuild(3), "Rebuild(3) of a new view at 0, with 5 events in the store: %s", ruleRebuildN)
	// redeliver 5: the live view has seen it; the new view, at 3, must not.
	screen.Project(at(store, 5))
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() after @5 was delivered again, the new view at 3 and the store's last event @5: %s; and %s", ruleRefused, ruleStoreAlone)
	checkScreen(t, screen, "after a refused swap", ruleNeverAsked, screenQuery{"acc-2", 75, true})

	appendAll(t, store, MoneyWithdrawn{Account: "acc-2", Amount: 25})
	assert.Equal(t, 1, screen.CatchUp(), "CatchUp() with @6 new to the live view, at 5: %s", ruleLiveOnly)
	assert.Equal(t, 3, screen.Rebuild(5), "Rebuild(5) of the new view at 3, with @4 to @6 after it (@6 appended during the rebuild): %s", ruleAppended)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 6, the store's last position: %s", ruleSwap)
	assert.Equal(t, 6, screen.Position(), "Position() after the swap: %s", ruleSwap)
	// 500 - 120 = 380, and 75 - 25 = 50.
	checkScreen(t, screen, "after the swap", ruleSwap, screenQuery{"acc-1", 380, true}, screenQuery{"acc-2", 50, true})

	script := []string{
		"acc-1 open Ada Lovelace",
		"acc-1 deposit 500",
		"acc-2 open Alan Turing",
		"catch up",
		"acc-1 withdraw 120",
		"acc-2 deposit 75",
		"deliver 5",
		"query acc-1",
		"rebuild",
		"rebuild 3",
		"redeliver 5",
		"swap",
		"query acc-2",
		"acc-2 withdraw 25",
		"catch up",
		"rebuild 5",
		"swap",
		"query acc-1",
		"query acc-2",
	}
	// 500 + 75 + 380 + 50 = 1005.
	assert.Equal(t, 1005, part2Answer(script), "part2Answer(%q): %s", script, ruleScriptAnswer)
}

// TestPart2FullEmptyStore: a rebuild of an empty store has caught up at
// once, and the view swapped in is the one the screen goes on with.
func TestPart2FullEmptyStore(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	assert.ErrorIs(t, screen.Swap(), ErrNoRebuild, "Swap() with no rebuild running: %s", ruleRefused)
	assert.Equal(t, 0, screen.Rebuild(10), "Rebuild(10) with no rebuild running: %s", ruleRebuildN)

	assert.NoError(t, screen.StartRebuild(), "StartRebuild() on an empty store: %s", ruleOneAtATime)
	assert.Equal(t, 0, screen.Rebuild(10), "Rebuild(10) on an empty store: %s", ruleRebuildN)
	assert.NoError(t, screen.Swap(), "Swap() of a rebuild of an empty store, its new view at 0: %s", ruleCaughtUp)
	assert.Equal(t, 0, screen.Position(), "Position() after swapping in the rebuild of an empty store: %s", ruleSwap)
	checkScreen(t, screen, "after swapping in the rebuild of an empty store", ruleSwap, screenQuery{"acc-1", 0, false})
	assert.ErrorIs(t, screen.Swap(), ErrNoRebuild, "Swap() again after a swap: %s", ruleSwap)

	assert.NoError(t, screen.StartRebuild(), "StartRebuild() after a swap, the rebuild being over: %s", ruleSwap)
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 30},
	)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() of a rebuild started on an empty store, with @1 and @2 appended since: %s", ruleCaughtUp)
	assert.Equal(t, 2, screen.CatchUp(), "CatchUp() of the live view, at 0, with @1 and @2 in the store: %s", ruleLiveOnly)
	checkScreen(t, screen, "after CatchUp", ruleLiveAnswers, screenQuery{"acc-1", 30, true})
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() after the live view caught up, the new view still at 0: %s", ruleLiveOnly)
	assert.Equal(t, 2, screen.Rebuild(10), "Rebuild(10) of the new view at 0, with @1 and @2 in the store: %s", ruleAppended)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 2, the store's last position: %s", ruleSwap)
	sameAsFresh(t, store, screen, "after the swap", "acc-1")
}

// TestPart2FullAnswersFromLive: before a rebuild, during it and after a
// refused swap, the screen answers from the live view, gap and all; only
// the swap changes the answers.
func TestPart2FullAnswersFromLive(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 40},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		AccountOpened{Account: "acc-3", Owner: "Grace"},
		MoneyDeposited{Account: "acc-3", Amount: 9},
		MoneyDeposited{Account: "acc-2", Amount: 7},
	)
	screen.Project(at(store, 1))
	screen.Project(at(store, 2))
	screen.Project(at(store, 3))
	// Out of turn: @6 is delivered, and @4 and @5 (acc-3) never are.
	screen.Project(at(store, 6))
	before := []screenQuery{{"acc-1", 40, true}, {"acc-2", 7, true}, {"acc-3", 0, false}}
	checkScreen(t, screen, "before the rebuild, the live view having skipped @4 and @5", ruleLiveAnswers, before...)
	assert.Equal(t, 6, screen.Position(), "Position() before the rebuild: %s", ruleLiveAnswers)

	assert.NoError(t, screen.StartRebuild(), "StartRebuild(): %s", ruleOneAtATime)
	checkScreen(t, screen, "with a new view started at 0", ruleNeverAsked, before...)
	assert.Equal(t, 6, screen.Position(), "Position() with a new view started at 0: %s", ruleNeverAsked)
	assert.Equal(t, 5, screen.Rebuild(5), "Rebuild(5) of a new view at 0, with 6 events in the store: %s", ruleRebuildN)
	checkScreen(t, screen, "with the new view at 5, acc-3 in it", ruleNeverAsked, before...)
	assert.Equal(t, 6, screen.Position(), "Position() with the new view at 5: %s", ruleNeverAsked)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() with the new view at 5 and the store at 6: %s", ruleRefused)
	checkScreen(t, screen, "after a refused swap", ruleRefused, before...)
	assert.Equal(t, 6, screen.Position(), "Position() after a refused swap: %s", ruleRefused)

	assert.Equal(t, 1, screen.Rebuild(5), "Rebuild(5) of the new view at 5, with @6 after it: %s", ruleRebuildN)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 6, the store's last position: %s", ruleSwap)
	checkScreen(t, screen, "after the swap", ruleSwap, screenQuery{"acc-1", 40, true}, screenQuery{"acc-2", 7, true}, screenQuery{"acc-3", 9, true})
}

// TestPart2FullAppendsDuringRebuild: the store goes on growing while the
// new view is built; caught up is measured when the swap is asked for.
func TestPart2FullAppendsDuringRebuild(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 100},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		MoneyDeposited{Account: "acc-2", Amount: 20},
	)
	assert.Equal(t, 4, screen.CatchUp(), "CatchUp() with @1 to @4 in the store: %s", ruleLiveOnly)
	assert.NoError(t, screen.StartRebuild(), "StartRebuild(): %s", ruleOneAtATime)
	assert.Equal(t, 4, screen.Rebuild(10), "Rebuild(10) of a new view at 0, with 4 events in the store: %s", ruleRebuildN)

	appendAll(t, store,
		MoneyWithdrawn{Account: "acc-1", Amount: 30},
		AccountOpened{Account: "acc-3", Owner: "Grace"},
		MoneyDeposited{Account: "acc-3", Amount: 5},
	)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() with the new view at 4 and @5 to @7 appended since it got there: %s", ruleCaughtUp)
	assert.Equal(t, 2, screen.Rebuild(2), "Rebuild(2) of the new view at 4, with @5 to @7 appended during the rebuild: %s", ruleAppended)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() with the new view at 6 and the store at 7: %s", ruleRefused)
	checkScreen(t, screen, "during the rebuild, the live view at 4", ruleNeverAsked, screenQuery{"acc-1", 100, true}, screenQuery{"acc-3", 0, false})
	assert.Equal(t, 1, screen.Rebuild(10), "Rebuild(10) of the new view at 6, with @7 after it: %s", ruleAppended)
	assert.Equal(t, 0, screen.Rebuild(10), "Rebuild(10) of a new view that has caught up: %s", ruleRebuildN)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 7, the store's last position: %s", ruleSwap)
	assert.Equal(t, 7, screen.Position(), "Position() after the swap: %s", ruleAppended)
	checkScreen(t, screen, "after the swap", ruleAppended, screenQuery{"acc-1", 70, true}, screenQuery{"acc-2", 20, true}, screenQuery{"acc-3", 5, true})
	sameAsFresh(t, store, screen, "after the swap", "acc-1", "acc-2", "acc-3")

	// After the swap the new view is the live one: CatchUp moves it on.
	appendAll(t, store, MoneyDeposited{Account: "acc-2", Amount: 1})
	assert.Equal(t, 1, screen.CatchUp(), "CatchUp() after the swap, with @8 new: %s", ruleSwap)
	checkScreen(t, screen, "after the swap and a CatchUp", ruleSwap, screenQuery{"acc-2", 21, true})
}

// TestPart2FullSwapTooEarly: caught up is measured against the store, not
// against a live view that lags; a refused swap keeps everything as it
// was, the rebuild's progress included.
func TestPart2FullSwapTooEarly(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 50},
	)
	assert.Equal(t, 2, screen.CatchUp(), "CatchUp() with @1 and @2 in the store: %s", ruleLiveOnly)
	appendAll(t, store,
		MoneyWithdrawn{Account: "acc-1", Amount: 10},
		MoneyDeposited{Account: "acc-1", Amount: 3},
		MoneyWithdrawn{Account: "acc-1", Amount: 1},
	)
	assert.NoError(t, screen.StartRebuild(), "StartRebuild(): %s", ruleOneAtATime)
	assert.Equal(t, 2, screen.Rebuild(2), "Rebuild(2) of a new view at 0: %s", ruleRebuildN)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() with the new view at 2, as far as the live view, but the store at 5: %s", ruleCaughtUp)
	checkScreen(t, screen, "after a refused swap, the live view at 2", ruleRefused, screenQuery{"acc-1", 50, true})

	assert.Equal(t, 3, screen.CatchUp(), "CatchUp() of the live view at 2, with @3 to @5 new: %s", ruleLiveOnly)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() after the live view caught up, the new view still at 2: %s", ruleLiveOnly)
	checkScreen(t, screen, "after a second refused swap, the live view at 5", ruleRefused, screenQuery{"acc-1", 42, true})
	assert.Equal(t, 1, screen.Rebuild(1), "Rebuild(1) after two refused swaps, the new view at 2: %s", ruleRefused)
	assert.Equal(t, 2, screen.Rebuild(5), "Rebuild(5) of the new view at 3, with @4 and @5 after it: %s", ruleRefused)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 5, the store's last position: %s", ruleSwap)
	sameAsFresh(t, store, screen, "after the swap", "acc-1")
}

// TestPart2FullDeliveriesDuringRebuild: deliveries, old ones and ones out
// of turn, are for the live view; the new view reads the store in order,
// so it comes out without a gap.
func TestPart2FullDeliveriesDuringRebuild(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		MoneyDeposited{Account: "acc-1", Amount: 10},
		MoneyDeposited{Account: "acc-2", Amount: 20},
		MoneyDeposited{Account: "acc-1", Amount: 300},
		MoneyWithdrawn{Account: "acc-2", Amount: 4},
	)
	assert.Equal(t, 6, screen.CatchUp(), "CatchUp() with @1 to @6 in the store: %s", ruleLiveOnly)
	assert.NoError(t, screen.StartRebuild(), "StartRebuild(): %s", ruleOneAtATime)
	assert.Equal(t, 2, screen.Rebuild(2), "Rebuild(2) of a new view at 0: %s", ruleRebuildN)

	// A redelivery of @5: the live view has seen it, the new view at 2 has not.
	screen.Project(at(store, 5))
	assert.Equal(t, 6, screen.Position(), "Position() after @5 was delivered again: %s", ruleRedelivered)
	checkScreen(t, screen, "after @5 was delivered again", ruleRedelivered, screenQuery{"acc-1", 310, true})
	assert.Equal(t, 4, screen.Rebuild(10), "Rebuild(10) of the new view at 2 after @5 was delivered to the screen: %s", ruleStoreAlone)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 6, the store's last position: %s", ruleSwap)
	sameAsFresh(t, store, screen, "after a rebuild during which @5 was delivered again", "acc-1", "acc-2")

	// A redelivery after the swap reaches the new live view, which has seen it.
	screen.Project(at(store, 3))
	checkScreen(t, screen, "after @3 was delivered again to the view swapped in", ruleRedelivered, screenQuery{"acc-1", 310, true})

	// A second rebuild, and a delivery out of turn while it runs.
	appendAll(t, store,
		MoneyDeposited{Account: "acc-1", Amount: 1000},
		MoneyDeposited{Account: "acc-2", Amount: 2000},
	)
	assert.NoError(t, screen.StartRebuild(), "StartRebuild() after a swap: %s", ruleSwap)
	assert.Equal(t, 3, screen.Rebuild(3), "Rebuild(3) of a new view at 0: %s", ruleRebuildN)
	screen.Project(at(store, 8))
	assert.Equal(t, 8, screen.Position(), "Position() after @8 was delivered out of turn, skipping @7: %s", ruleLiveAnswers)
	checkScreen(t, screen, "after @8 was delivered out of turn, skipping @7", ruleLiveAnswers, screenQuery{"acc-1", 310, true}, screenQuery{"acc-2", 2016, true})
	assert.Equal(t, 5, screen.Rebuild(10), "Rebuild(10) of the new view at 3 after @8 was delivered to the screen: %s", ruleStoreAlone)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 8, the store's last position: %s", ruleSwap)
	sameAsFresh(t, store, screen, "after a rebuild during which @8 was delivered out of turn", "acc-1", "acc-2")
}

// TestPart2FullOneRebuildAtATime: a second StartRebuild is refused and the
// running rebuild keeps its progress.
func TestPart2FullOneRebuildAtATime(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 8},
		MoneyDeposited{Account: "acc-1", Amount: 16},
		MoneyWithdrawn{Account: "acc-1", Amount: 4},
	)
	assert.NoError(t, screen.StartRebuild(), "StartRebuild(): %s", ruleOneAtATime)
	assert.Equal(t, 3, screen.Rebuild(3), "Rebuild(3) of a new view at 0: %s", ruleRebuildN)
	assert.ErrorIs(t, screen.StartRebuild(), ErrRebuilding, "StartRebuild() while a rebuild is running: %s", ruleOneAtATime)
	assert.Equal(t, 1, screen.Rebuild(10), "Rebuild(10) after a refused StartRebuild, the new view at 3 of 4: %s", ruleOneAtATime)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 4, the store's last position: %s", ruleSwap)
	sameAsFresh(t, store, screen, "after the swap", "acc-1")
	assert.NoError(t, screen.StartRebuild(), "StartRebuild() after a swap, the rebuild being over: %s", ruleSwap)
	assert.Equal(t, 4, screen.Rebuild(10), "Rebuild(10) of a second rebuild's new view, at 0: %s", ruleRebuildN)
}

// TestPart2FullRebuildPace: Rebuild projects at most n events, and only
// Rebuild moves the new view.
func TestPart2FullRebuildPace(t *testing.T) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 1},
		MoneyDeposited{Account: "acc-1", Amount: 2},
		MoneyDeposited{Account: "acc-1", Amount: 4},
		MoneyDeposited{Account: "acc-1", Amount: 8},
	)
	assert.NoError(t, screen.StartRebuild(), "StartRebuild(): %s", ruleOneAtATime)
	assert.Equal(t, 0, screen.Rebuild(0), "Rebuild(0): %s", ruleRebuildN)
	assert.Equal(t, 0, screen.Rebuild(-3), "Rebuild(-3): %s", ruleRebuildN)
	assert.Equal(t, 2, screen.Rebuild(2), "Rebuild(2) of a new view at 0, with 5 events in the store: %s", ruleRebuildN)
	assert.Equal(t, 5, screen.CatchUp(), "CatchUp() of the live view at 0, the new view at 2: %s", ruleLiveOnly)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() after CatchUp, the new view still at 2: %s", ruleLiveOnly)
	assert.Equal(t, 2, screen.Rebuild(2), "Rebuild(2) of the new view at 2: %s", ruleRebuildN)
	assert.ErrorIs(t, screen.Swap(), ErrNotCaughtUp, "Swap() with the new view at 4 and the store at 5: %s", ruleRefused)
	assert.Equal(t, 1, screen.Rebuild(2), "Rebuild(2) of the new view at 4, with only @5 after it: %s", ruleRebuildN)
	assert.NoError(t, screen.Swap(), "Swap() with the new view at 5, the store's last position: %s", ruleSwap)
	sameAsFresh(t, store, screen, "after the swap", "acc-1")
}

// TestPart2FullLongScript: a long day at the counter, with out-of-turn
// deliveries and rebuilds; a last rebuild, swapped in, answers as a view
// built in one catch-up does.
func TestPart2FullLongScript(t *testing.T) {
	lines := screenScript("long")[:1500]
	store, screen := runScreen(lines, func(int, bool) {})
	all := store.ReadAll(1)
	// rebuildAll gives the rebuild time until Rebuild returns 0, and
	// returns how many events it projected in all. It gives up after more
	// calls than the store could need.
	rebuildAll := func() int {
		total := 0
		for i := 0; i <= len(all)/50+1; i++ {
			n := screen.Rebuild(50)
			if n == 0 {
				break
			}
			total += n
		}
		return total
	}
	if err := screen.StartRebuild(); errors.Is(err, ErrRebuilding) {
		// The script left a rebuild running: finish it and swap it in.
		rebuildAll()
		assert.NoError(t, screen.Swap(), "Swap() of the script's last rebuild, caught up by Rebuild: %s", ruleSwap)
		assert.NoError(t, screen.StartRebuild(), "StartRebuild() after a swap, the rebuild being over: %s", ruleSwap)
	}
	total := rebuildAll()
	assert.Equal(t, len(all), total, "the events Rebuild(50) projected, called until it returned 0, with %d events in the store: %s", len(all), ruleRebuildN)
	assert.NoError(t, screen.Swap(), "Swap() of a rebuild that Rebuild has caught up: %s", ruleSwap)
	ids := []string{}
	for _, r := range all {
		switch r.Event.(type) {
		case AccountOpened:
			ids = append(ids, r.StreamID)
		}
	}
	sameAsFresh(t, store, screen, "after the script and a last rebuild", ids...)
}
