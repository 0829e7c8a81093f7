//go:build ignore

package bank

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// describeHandled writes what became of each command as its envelope id,
// then its events, or "refused:" and the error.
func describeHandled(handled []Handled) []string {
	out := []string{}
	for _, h := range handled {
		if h.Err != nil {
			out = append(out, h.Envelope.ID+" refused: "+h.Err.Error())
			continue
		}
		out = append(out, h.Envelope.ID+" "+strings.Join(DescribeEvents(h.Events), ", "))
	}
	return out
}

// submit parses envelope lines and submits them.
func submit(t *testing.T, router *Router, lines ...string) {
	t.Helper()
	for _, line := range lines {
		env, _, err := parseEnvelope(line)
		require.NoError(t, err, "parseEnvelope(%q)", line)
		router.Submit(env)
	}
}

// TestPart2Example is the worked example of Part 2: envelopes submitted
// between steps, one of them sent twice.
func TestPart2Example(t *testing.T) {
	lines := []string{
		"cmd-1 open acc-1 Ada Lovelace",
		"cmd-2 deposit acc-1 300",
		"cmd-3 open acc-2 Alan Turing",
		"step",
		"cmd-2 deposit acc-1 300",
		"cmd-4 deposit acc-2 80",
		"step",
		"step",
		"cmd-5 withdraw acc-2 50",
		"cmd-6 withdraw acc-1 120",
	}
	store := newStore()
	router := NewRouter(store)

	submit(t, router, lines[0:3]...)
	assert.Equal(t, 3, router.Pending(), "Pending() after submitting cmd-1, cmd-2 and cmd-3")
	assert.Equal(t, []string{
		"cmd-1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"cmd-3 AccountOpened{Account:acc-2 Owner:Alan Turing}",
	}, describeHandled(router.Step()), "the first Step")

	submit(t, router, lines[4:6]...)
	assert.Equal(t, []string{
		"cmd-2 MoneyDeposited{Account:acc-1 Amount:300}",
		"cmd-4 MoneyDeposited{Account:acc-2 Amount:80}",
	}, describeHandled(router.Step()), "the second Step")
	// The retry of cmd-2: its first outcome again, and nothing appended.
	assert.Equal(t, []string{
		"cmd-2 MoneyDeposited{Account:acc-1 Amount:300}",
	}, describeHandled(router.Step()), "the third Step")
	assert.Equal(t, 4, len(store.ReadAll(1)), "the store after the third Step")

	submit(t, router, lines[8:10]...)
	assert.Equal(t, []string{
		"cmd-5 MoneyWithdrawn{Account:acc-2 Amount:50}",
		"cmd-6 MoneyWithdrawn{Account:acc-1 Amount:120}",
	}, describeHandled(router.Step()), "the fourth Step")
	assert.Equal(t, 0, router.Pending(), "Pending() after the fourth Step")
	assertRecords(t, []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"acc-2 v1 @2 AccountOpened{Account:acc-2 Owner:Alan Turing}",
		"acc-1 v2 @3 MoneyDeposited{Account:acc-1 Amount:300}",
		"acc-2 v2 @4 MoneyDeposited{Account:acc-2 Amount:80}",
		"acc-2 v3 @5 MoneyWithdrawn{Account:acc-2 Amount:50}",
		"acc-1 v3 @6 MoneyWithdrawn{Account:acc-1 Amount:120}",
	}, store.ReadAll(1), "the store after the example")
	// 4 Steps × (withdrawals at positions 5 + 6 = 11) = 44.
	assert.Equal(t, 44, part2Answer(lines), "part2Answer(%q)", lines)
}

func TestPart2FullIdempotentDispatch(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	checkDispatch(t, router, []dispatchCase{
		{Envelope{"a", DepositMoney{Account: "acc-1", Amount: 10}}, nil, ErrAccountNotOpen},
		{Envelope{"b", OpenAccount{Account: "acc-1", Owner: "Ada"}}, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}, nil},
		{Envelope{"c", DepositMoney{Account: "acc-1", Amount: 10}}, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}}, nil},
		// Sent again: the first outcome, nothing executed.
		{Envelope{"c", DepositMoney{Account: "acc-1", Amount: 10}}, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}}, nil},
		{Envelope{"b", OpenAccount{Account: "acc-1", Owner: "Ada"}}, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}, nil},
		// A refusal is an outcome too, even though the account is open now.
		{Envelope{"a", DepositMoney{Account: "acc-1", Amount: 10}}, nil, ErrAccountNotOpen},
		// The same command under a new id is a new command.
		{Envelope{"d", DepositMoney{Account: "acc-1", Amount: 10}}, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}}, nil},
		// A known id is the command it was the first time, whatever it carries now.
		{Envelope{"d", WithdrawMoney{Account: "acc-1", Amount: 20}}, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}}, nil},
	})
	assertRecords(t, []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada}",
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:10}",
		"acc-1 v3 @3 MoneyDeposited{Account:acc-1 Amount:10}",
	}, store.ReadAll(1), "the store: repeated envelopes append nothing")
}

func TestPart2FullStepOrder(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	assert.Empty(t, router.Step(), "Step() with nothing queued")
	assert.Equal(t, 0, router.Pending(), "Pending() with nothing queued")
	submit(t, router,
		"cmd-1 open acc-2 Alan",
		"cmd-2 open acc-1 Ada",
		"cmd-3 deposit acc-2 10",
		"cmd-4 deposit acc-2 20",
		"cmd-5 open acc-3 Grace",
		"cmd-6 withdraw acc-1 5",
	)
	assert.Equal(t, 6, router.Pending(), "Pending() after six Submits")
	steps := [][]string{
		{"cmd-1 AccountOpened{Account:acc-2 Owner:Alan}", "cmd-2 AccountOpened{Account:acc-1 Owner:Ada}", "cmd-5 AccountOpened{Account:acc-3 Owner:Grace}"},
		{"cmd-3 MoneyDeposited{Account:acc-2 Amount:10}", "cmd-6 refused: " + ErrInsufficientFunds.Error()},
		{"cmd-4 MoneyDeposited{Account:acc-2 Amount:20}"},
	}
	pending := []int{3, 1, 0}
	for i, want := range steps {
		assert.Equal(t, want, describeHandled(router.Step()), "Step %d", i+1)
		assert.Equal(t, pending[i], router.Pending(), "Pending() after Step %d", i+1)
	}
	// New work joins behind what is queued, in submission order.
	submit(t, router, "cmd-7 deposit acc-3 5", "cmd-8 deposit acc-1 6", "cmd-9 deposit acc-3 7")
	assert.Equal(t, []string{"cmd-7 MoneyDeposited{Account:acc-3 Amount:5}", "cmd-8 MoneyDeposited{Account:acc-1 Amount:6}"},
		describeHandled(router.Step()), "Step 4")
	assert.Equal(t, []string{"cmd-9 MoneyDeposited{Account:acc-3 Amount:7}"}, describeHandled(router.Step()), "Step 5")
	assert.Empty(t, router.Step(), "Step 6, with nothing queued")
	assert.Equal(t, 8, len(store.ReadAll(1)), "the events in the store: cmd-6 was refused")
}

func TestPart2FullStepIsIdempotent(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	_, err := router.Dispatch(Envelope{"cmd-1", OpenAccount{Account: "acc-1", Owner: "Ada"}})
	require.NoError(t, err)
	submit(t, router,
		"cmd-2 deposit acc-1 40",
		"cmd-1 open acc-1 Ada",
		"cmd-2 deposit acc-1 40",
		"cmd-3 withdraw acc-1 70",
	)
	var all []Handled
	for i := 0; i < 10 && router.Pending() > 0; i++ {
		all = append(all, router.Step()...)
	}
	assert.Equal(t, []string{
		"cmd-2 MoneyDeposited{Account:acc-1 Amount:40}",
		"cmd-1 AccountOpened{Account:acc-1 Owner:Ada}",
		"cmd-2 MoneyDeposited{Account:acc-1 Amount:40}",
		"cmd-3 refused: " + ErrInsufficientFunds.Error(),
	}, describeHandled(all), "what the Steps handled")
	assert.Equal(t, 2, store.Version("acc-1"), `Version("acc-1"): the repeated envelopes appended nothing`)
}

func TestPart2FullStepLoadsFresh(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	submit(t, router, "cmd-1 open acc-1 Ada", "cmd-2 withdraw acc-1 25")
	assert.Len(t, router.Step(), 1, "Step 1")
	_, err := store.Append("acc-1", 1, []Event{MoneyDeposited{Account: "acc-1", Amount: 25}})
	require.NoError(t, err, "another writer's Append")
	got := router.Step()
	assert.Equal(t, []string{"cmd-2 MoneyWithdrawn{Account:acc-1 Amount:25}"}, describeHandled(got),
		"Step 2, after another writer deposited 25 into acc-1")
}
