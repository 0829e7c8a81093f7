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
		require.NoError(t, err, "parseEnvelope(%q): the command is in day 1's format, read by your ParseCommand — day 1, Part 1", line)
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
	assert.Equal(t, 3, router.Pending(), "Pending() after submitting cmd-1, cmd-2 and cmd-3: Submit queues an envelope, nothing is handled yet, and Pending is the number of queued envelopes — day 5, Part 2")
	assert.Equal(t, []string{
		"cmd-1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"cmd-3 AccountOpened{Account:acc-2 Owner:Alan Turing}",
	}, describeHandled(router.Step()), "the first Step: Step handles the oldest queued command of every account that has one, in the order they were submitted, and later commands of the same account stay queued, in order — day 5, Part 2")

	submit(t, router, lines[4:6]...)
	assert.Equal(t, []string{
		"cmd-2 MoneyDeposited{Account:acc-1 Amount:300}",
		"cmd-4 MoneyDeposited{Account:acc-2 Amount:80}",
	}, describeHandled(router.Step()), "the second Step: Step handles the oldest queued command of every account that has one, in the order they were submitted, and later commands of the same account stay queued, in order — day 5, Part 2")
	// The retry of cmd-2: its first outcome again, and nothing appended.
	assert.Equal(t, []string{
		"cmd-2 MoneyDeposited{Account:acc-1 Amount:300}",
	}, describeHandled(router.Step()), "the third Step, which reaches the resend of cmd-2: each command goes through Dispatch, so idempotency applies to queued envelopes too, and Dispatch returns the first outcome — day 5, Part 2")
	assert.Equal(t, 4, len(store.ReadAll(1)), "the store after the third Step: an envelope whose ID was handled before is not handled again, and appends nothing — day 5, Part 2")

	submit(t, router, lines[8:10]...)
	assert.Equal(t, []string{
		"cmd-5 MoneyWithdrawn{Account:acc-2 Amount:50}",
		"cmd-6 MoneyWithdrawn{Account:acc-1 Amount:120}",
	}, describeHandled(router.Step()), "the fourth Step: Step handles the oldest queued command of every account that has one, in the order they were submitted, and later commands of the same account stay queued, in order — day 5, Part 2")
	assert.Equal(t, 0, router.Pending(), "Pending() after the fourth Step: Step removes the commands it handles from the queue — day 5, Part 2")
	assertRecords(t, []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"acc-2 v1 @2 AccountOpened{Account:acc-2 Owner:Alan Turing}",
		"acc-1 v2 @3 MoneyDeposited{Account:acc-1 Amount:300}",
		"acc-2 v2 @4 MoneyDeposited{Account:acc-2 Amount:80}",
		"acc-2 v3 @5 MoneyWithdrawn{Account:acc-2 Amount:50}",
		"acc-1 v3 @6 MoneyWithdrawn{Account:acc-1 Amount:120}",
	}, store.ReadAll(1), "the store after the example: each envelope once, each account in order — day 5, Part 2")
	// 4 Steps × (withdrawals at positions 5 + 6 = 11) = 44.
	assert.Equal(t, 44, part2Answer(lines), "part2Answer(%q): the number of steps times the sum of the positions of the MoneyWithdrawn events — day 5, Part 2", lines)
}

func TestPart2FullIdempotentDispatch(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	checkDispatch(t, router, 2, []dispatchCase{
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
	}, store.ReadAll(1), "the store: an envelope whose ID was handled before is not handled again, and appends nothing — day 5, Part 2")
}

func TestPart2FullStepOrder(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	assert.Empty(t, describeHandled(router.Step()), "Step() with nothing queued: with nothing queued, Step returns nothing — day 5, Part 2")
	assert.Equal(t, 0, router.Pending(), "Pending() with nothing queued: Pending is the number of queued envelopes — day 5, Part 2")
	submit(t, router,
		"cmd-1 open acc-2 Alan",
		"cmd-2 open acc-1 Ada",
		"cmd-3 deposit acc-2 10",
		"cmd-4 deposit acc-2 20",
		"cmd-5 open acc-3 Grace",
		"cmd-6 withdraw acc-1 5",
	)
	assert.Equal(t, 6, router.Pending(), "Pending() after six Submits: Submit queues an envelope, and nothing is handled yet — day 5, Part 2")
	steps := [][]string{
		{"cmd-1 AccountOpened{Account:acc-2 Owner:Alan}", "cmd-2 AccountOpened{Account:acc-1 Owner:Ada}", "cmd-5 AccountOpened{Account:acc-3 Owner:Grace}"},
		{"cmd-3 MoneyDeposited{Account:acc-2 Amount:10}", "cmd-6 refused: " + ErrInsufficientFunds.Error()},
		{"cmd-4 MoneyDeposited{Account:acc-2 Amount:20}"},
	}
	pending := []int{3, 1, 0}
	for i, want := range steps {
		assert.Equal(t, want, describeHandled(router.Step()), "Step %d: Step handles the oldest queued command of every account that has one, in the order they were submitted, and later commands of the same account stay queued, in order; within a step, do not sort by account id — day 5, Part 2", i+1)
		assert.Equal(t, pending[i], router.Pending(), "Pending() after Step %d: Step removes the commands it handles from the queue — day 5, Part 2", i+1)
	}
	// New work joins behind what is queued, in submission order.
	submit(t, router, "cmd-7 deposit acc-3 5", "cmd-8 deposit acc-1 6", "cmd-9 deposit acc-3 7")
	assert.Equal(t, []string{"cmd-7 MoneyDeposited{Account:acc-3 Amount:5}", "cmd-8 MoneyDeposited{Account:acc-1 Amount:6}"},
		describeHandled(router.Step()), "Step 4, after three more Submits: Step looks at the queue as it stands, in the order of submission — day 5, Part 2")
	assert.Equal(t, []string{"cmd-9 MoneyDeposited{Account:acc-3 Amount:7}"}, describeHandled(router.Step()), "Step 5: later commands of the same account stay queued, in order — day 5, Part 2")
	assert.Empty(t, describeHandled(router.Step()), "Step 6, with nothing queued: with nothing queued, Step returns nothing — day 5, Part 2")
	assert.Equal(t, 8, len(store.ReadAll(1)), "the events in the store: cmd-6 was refused, and a refused command appends nothing — day 5, Part 1")
}

func TestPart2FullStepIsIdempotent(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	_, err := router.Dispatch(Envelope{"cmd-1", OpenAccount{Account: "acc-1", Owner: "Ada"}})
	require.NoError(t, err, "Dispatch(cmd-1 OpenAccount{Account:acc-1 Owner:Ada}): Dispatch loads the account from its stream, decides with Execute, and appends the new events — day 5, Part 1")
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
	}, describeHandled(all), "what the Steps handled: each command goes through Dispatch, so idempotency applies to queued envelopes too, whether the first time was by Dispatch or by Step — day 5, Part 2")
	assert.Equal(t, 2, store.Version("acc-1"), `Version("acc-1"): an envelope whose ID was handled before is not handled again, so the repeated envelopes appended nothing — day 5, Part 2`)
}

func TestPart2FullStepLoadsFresh(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	submit(t, router, "cmd-1 open acc-1 Ada", "cmd-2 withdraw acc-1 25")
	assert.Len(t, describeHandled(router.Step()), 1, "Step 1: the oldest queued command of every account that has one, at most one per account — day 5, Part 2")
	_, err := store.Append("acc-1", 1, []Event{MoneyDeposited{Account: "acc-1", Amount: 25}})
	require.NoError(t, err, "another writer's Append(\"acc-1\", 1, [MoneyDeposited{Account:acc-1 Amount:25}]): after Step 1 opened it, acc-1's stream is at version 1 — day 5, Part 2")
	got := router.Step()
	assert.Equal(t, []string{"cmd-2 MoneyWithdrawn{Account:acc-1 Amount:25}"}, describeHandled(got),
		"Step 2, after another writer deposited 25 into acc-1: each command goes through Dispatch, which loads the account from its stream as the store holds it now — day 5, Part 2")
}
