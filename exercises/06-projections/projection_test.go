//go:build ignore

package bank

import (
	"strings"
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

// checkBalances asks the view each query; when says what has happened,
// and rule is the chapter's rule the answers follow.
func checkBalances(t *testing.T, view *BalanceView, when, rule string, tests ...balanceCase) {
	t.Helper()
	for _, tt := range tests {
		got, known := view.Balance(tt.id)
		assert.Equal(t, tt.want, got, "Balance(%q) %s: %s", tt.id, when, rule)
		assert.Equal(t, tt.known, known, "Balance(%q) %s, does the view know the account: %s", tt.id, when, rule)
	}
}

// The rules of Part 1 the tests check, in the chapter's words.
const (
	ruleNewView   = "a new view's checkpoint is 0 — day 6, Part 1"
	ruleFold      = "AccountOpened adds the account with its owner and a balance of 0, MoneyDeposited and MoneyWithdrawn change its balance — day 6, Part 1"
	rulePosition  = "Position returns the checkpoint, the position of the last event projected — day 6, Part 1"
	ruleMove      = "an event after the checkpoint moves the checkpoint to e.Position and is folded — day 6, Part 1"
	ruleNoGaps    = "Project does not look for gaps: handed positions 3, 4 and 7, it takes each one as new — day 6, Part 1"
	ruleSeen      = "if e.Position is at or before the checkpoint, the view has projected it already: ignore it — day 6, Part 1"
	ruleUnopened  = "an event for an account the view never saw opened changes no account, but it still moves the checkpoint — day 6, Part 1"
	ruleCatchUp   = "CatchUp projects every event of the store after the checkpoint, in order, and returns how many it projected — day 6, Part 1"
	ruleByHand    = "events projected by hand with Project count, so CatchUp continues after them — day 6, Part 1"
	ruleUnknown   = "Balance answers 0 and false for an account the view has never seen opened — day 6, Part 1"
	ruleClosed    = "a closed account is still known — day 6, Part 1"
	ruleViewAlone = "only CatchUp may read the store: Balance looks at the view and nothing else, even when that means giving an answer that is out of date — day 6, Part 1"
)

// TestPart1Example is the worked example of Part 1: a view that catches
// up, lags, catches up again and is delivered an old event.
func TestPart1Example(t *testing.T) {
	store := newStore()
	view := NewBalanceView()
	assert.Equal(t, 0, view.Position(), "Position() of a new view: %s", ruleNewView)
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"},
		MoneyDeposited{Account: "acc-1", Amount: 500},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
		MoneyWithdrawn{Account: "acc-1", Amount: 120},
		MoneyDeposited{Account: "acc-2", Amount: 75},
	)
	assert.Equal(t, 5, view.CatchUp(store), "CatchUp(store) the first time, with events @1 to @5 in the store: %s", ruleCatchUp)
	assert.Equal(t, 5, view.Position(), "Position() after the first CatchUp: %s", rulePosition)
	// 500 - 120 = 380.
	checkBalances(t, view, "after the first CatchUp", ruleFold, balanceCase{"acc-1", 380, true})

	appendAll(t, store, MoneyWithdrawn{Account: "acc-2", Amount: 25})
	checkBalances(t, view, "after @6 withdrew 25, before the view catches up", ruleViewAlone, balanceCase{"acc-2", 75, true})
	assert.Equal(t, 1, view.CatchUp(store), "CatchUp(store) the second time, with @6 new: %s", ruleCatchUp)
	assert.Equal(t, 6, view.Position(), "Position() after the second CatchUp: %s", rulePosition)
	// 75 - 25 = 50.
	checkBalances(t, view, "after the second CatchUp", ruleFold, balanceCase{"acc-2", 50, true})

	view.Project(store.ReadAll(4)[0])
	assert.Equal(t, 6, view.Position(), "Position() after position 4 is delivered again: %s", ruleSeen)
	checkBalances(t, view, "after position 4 is delivered again", ruleSeen, balanceCase{"acc-1", 380, true})
	checkBalances(t, view, "after position 4 is delivered again", ruleUnknown, balanceCase{"acc-3", 0, false})

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
	assert.Equal(t, 885, part1Answer(script), "part1Answer(%q): the answer is the sum of the balances the view answered — day 6, Part 1", script)
}

func TestPart1FullProject(t *testing.T) {
	view := NewBalanceView()
	checkBalances(t, view, "of a new view", ruleUnknown, balanceCase{"acc-1", 0, false})
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
	// The rule each delivery follows, for the checkpoint and for acc-1's balance.
	positionRules := []string{ruleMove, ruleMove, ruleNoGaps, ruleSeen, ruleSeen, ruleUnopened}
	balanceRules := []string{ruleFold, ruleFold, ruleFold, ruleSeen, ruleSeen, ruleUnopened}
	for i, r := range records {
		given := "nothing"
		if i > 0 {
			given = strings.Join(DescribeRecorded(records[:i]), ", ")
		}
		gw := "Given: the view has projected " + given + "\nWhen: Project(" + DescribeRecorded(records[i : i+1])[0] + ")\nThen: "
		view.Project(r)
		assert.Equal(t, positions[i], view.Position(), "%sPosition(): %s", gw, positionRules[i])
		got, known := view.Balance("acc-1")
		assert.Equal(t, balances[i], got, "%sBalance(%q): %s", gw, "acc-1", balanceRules[i])
		assert.Equal(t, true, known, "%sBalance(%q), does the view know the account: %s", gw, "acc-1", balanceRules[i])
	}
	checkBalances(t, view, "after a deposit to an account never opened", ruleUnopened, balanceCase{"acc-2", 0, false})
}

func TestPart1FullCatchUp(t *testing.T) {
	store := newStore()
	view := NewBalanceView()
	assert.Equal(t, 0, view.CatchUp(store), "CatchUp(store) with an empty store: %s", ruleCatchUp)
	assert.Equal(t, 0, view.Position(), "Position() after catching up with an empty store: %s", ruleNewView)
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
		MoneyDeposited{Account: "acc-2", Amount: 30},
	)
	assert.Equal(t, 3, view.CatchUp(store), "CatchUp(store) the first time, with events @1 to @3 in the store: %s", ruleCatchUp)
	assert.Equal(t, 0, view.CatchUp(store), "CatchUp(store) again, with nothing after the checkpoint 3: %s", ruleCatchUp)
	appendAll(t, store,
		MoneyDeposited{Account: "acc-1", Amount: 11},
		MoneyWithdrawn{Account: "acc-2", Amount: 30},
		AccountClosed{Account: "acc-2"},
	)
	checkBalances(t, view, "after @4 to @6 were appended, before catching up again", ruleViewAlone, balanceCase{"acc-1", 0, true}, balanceCase{"acc-2", 30, true})
	assert.Equal(t, 3, view.CatchUp(store), "CatchUp(store) the second time, with @4 to @6 new: %s", ruleCatchUp)
	assert.Equal(t, 6, view.Position(), "Position() after the second CatchUp: %s", rulePosition)
	checkBalances(t, view, "after the second CatchUp", ruleFold, balanceCase{"acc-1", 11, true})
	checkBalances(t, view, "after the second CatchUp, which closed it", ruleClosed, balanceCase{"acc-2", 0, true})

	// Events projected by hand count: CatchUp goes on after them.
	appendAll(t, store, MoneyDeposited{Account: "acc-1", Amount: 1}, MoneyDeposited{Account: "acc-1", Amount: 2})
	view.Project(store.ReadAll(7)[0])
	assert.Equal(t, 1, view.CatchUp(store), "CatchUp(store) after position 7 was projected by hand, with @8 new: %s", ruleByHand)
	checkBalances(t, view, "at the end, after deposits of 1 (@7, by hand) and 2 (@8, by CatchUp)", ruleByHand, balanceCase{"acc-1", 14, true})
}
