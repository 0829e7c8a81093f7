//go:build ignore

package bank

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertEvents checks that got, what the call described by what returned,
// holds the events of want. It compares them by DescribeEvents: type names
// and fields.
func assertEvents(t *testing.T, want, got []Event, what string) bool {
	t.Helper()
	return assert.Equal(t, DescribeEvents(want), DescribeEvents(got), "%s", what)
}

// assertRecords checks that got holds the recorded events of want,
// compared by DescribeRecorded.
func assertRecords(t *testing.T, want []string, got []RecordedEvent, what string) bool {
	t.Helper()
	return assert.Equal(t, want, DescribeRecorded(got), "%s", what)
}

// dispatchCase is one envelope and what Dispatch answers.
type dispatchCase struct {
	env     Envelope
	want    []Event
	wantErr error
}

// checkDispatch dispatches each case in order on one router. A failure
// names the envelope and the rule it breaks; part is the part of the day
// the test belongs to, since the rules on ids come in Part 2.
func checkDispatch(t *testing.T, router *Router, part int, tests []dispatchCase) {
	t.Helper()
	first := map[string]string{} // each id's command the first time, described
	var sent []string            // the commands dispatched so far, described
	for _, tt := range tests {
		what := fmt.Sprintf("Dispatch(%s %s)", tt.env.ID, Describe(tt.env.Command))
		rule := dispatchRule(part, tt, first, sent)
		got, err := router.Dispatch(tt.env)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "%s: %s", what, rule)
			assert.Empty(t, DescribeEvents(got), "%s: a refusal returns no events and the error, and appends nothing — day 5, Part 1", what)
		} else if assert.NoError(t, err, "%s: %s", what, rule) {
			assertEvents(t, tt.want, got, what+": "+rule)
		}
		if _, ok := first[tt.env.ID]; !ok {
			first[tt.env.ID] = Describe(tt.env.Command)
		}
		sent = append(sent, Describe(tt.env.Command))
	}
}

// dispatchRule is the rule a case checks, in the chapter's words: first
// and sent are what was dispatched before it.
func dispatchRule(part int, tt dispatchCase, first map[string]string, sent []string) string {
	if cmd, known := first[tt.env.ID]; known && part == 2 {
		switch {
		case tt.wantErr != nil:
			return "a refusal is an outcome too: an envelope whose ID was handled before gets its first outcome, events or error, and appends nothing — day 5, Part 2"
		case cmd != Describe(tt.env.Command):
			return "the id names the command: a known id carrying a different command still gets the first outcome — day 5, Part 2"
		}
		return "an envelope whose ID was handled before is not handled again: Dispatch returns its first outcome and appends nothing — day 5, Part 2"
	}
	if part == 2 {
		for _, c := range sent {
			if c == Describe(tt.env.Command) {
				return "contents are not identity: the same command under a new id is a new command — day 5, Part 2"
			}
		}
	}
	switch {
	case tt.env.Command == nil:
		return "a nil Command is ErrUnknownCommand, before the store is touched — day 5, Part 1"
	case tt.wantErr != nil:
		return "Dispatch loads the account from its stream, as the store holds it now, and decides with Execute, which validates too: a refusal returns no events and the error — day 5, Part 1"
	}
	return "Dispatch loads the account from its stream, as the store holds it now, decides with Execute, and appends the new events at the version it loaded — day 5, Part 1"
}

// TestPart1Example is the worked example of Part 1: seven commands
// dispatched one after the other.
func TestPart1Example(t *testing.T) {
	lines := []string{
		"cmd-1 open acc-1 Ada Lovelace",
		"cmd-2 deposit acc-1 300",
		"cmd-3 withdraw acc-1 450",
		"cmd-4 open acc-2 Alan Turing",
		"cmd-5 deposit acc-2 80",
		"cmd-6 withdraw acc-1 120",
		"cmd-7 close acc-2",
	}
	want := []dispatchCase{
		{want: []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}}},
		{want: []Event{MoneyDeposited{Account: "acc-1", Amount: 300}}},
		{wantErr: ErrInsufficientFunds},
		{want: []Event{AccountOpened{Account: "acc-2", Owner: "Alan Turing"}}},
		{want: []Event{MoneyDeposited{Account: "acc-2", Amount: 80}}},
		{want: []Event{MoneyWithdrawn{Account: "acc-1", Amount: 120}}},
		{wantErr: ErrBalanceNotZero},
	}
	store := newStore()
	router := NewRouter(store)
	for i, line := range lines {
		env, _, err := parseEnvelope(line)
		require.NoError(t, err, "parseEnvelope(%q): the command is in day 1's format, read by your ParseCommand — day 1, Part 1", line)
		want[i].env = env
	}
	checkDispatch(t, router, 1, want)
	assertRecords(t, []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:300}",
		"acc-2 v1 @3 AccountOpened{Account:acc-2 Owner:Alan Turing}",
		"acc-2 v2 @4 MoneyDeposited{Account:acc-2 Amount:80}",
		"acc-1 v3 @5 MoneyWithdrawn{Account:acc-1 Amount:120}",
	}, store.ReadAll(1), "the store after dispatching the example: each accepted command's events go to the end of its account's stream, and a refused command appends nothing — day 5, Part 1")
	// 2 refused × (300 - 120 = 180 in acc-1 + 80 in acc-2 = 260) = 520.
	assert.Equal(t, 520, part1Answer(lines), "part1Answer(%q): the number of refused commands times the money held at the end in open accounts — day 5, Part 1", lines)
}

func TestPart1FullDispatch(t *testing.T) {
	router := NewRouter(newStore())
	checkDispatch(t, router, 1, []dispatchCase{
		{Envelope{"a", DepositMoney{Account: "acc-1", Amount: 10}}, nil, ErrAccountNotOpen},
		{Envelope{"b", OpenAccount{Account: "acc-1", Owner: "Ada"}}, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}, nil},
		{Envelope{"c", OpenAccount{Account: "acc-1", Owner: "Ada"}}, nil, ErrAccountExists},
		{Envelope{"d", DepositMoney{Account: "acc-1", Amount: -10}}, nil, ErrAmountNotPositive},
		{Envelope{"e", DepositMoney{Account: "ACC-1", Amount: 10}}, nil, ErrAccountIDInvalid},
		{Envelope{"f", DepositMoney{Account: "acc-1", Amount: 10}}, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}}, nil},
		{Envelope{"g", WithdrawMoney{Account: "acc-1", Amount: 11}}, nil, ErrInsufficientFunds},
		{Envelope{"h", WithdrawMoney{Account: "acc-1", Amount: 10}}, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 10}}, nil},
		{Envelope{"i", CloseAccount{Account: "acc-1"}}, []Event{AccountClosed{Account: "acc-1"}}, nil},
		{Envelope{"j", DepositMoney{Account: "acc-1", Amount: 10}}, nil, ErrAccountClosed},
		{Envelope{"k", nil}, nil, ErrUnknownCommand},
	})
}

func TestPart1FullAppendsOnlyWhatItDecides(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	checkDispatch(t, router, 1, []dispatchCase{
		{Envelope{"a", OpenAccount{Account: "acc-1", Owner: "Ada"}}, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}, nil},
		{Envelope{"b", OpenAccount{Account: "acc-2", Owner: "Alan"}}, []Event{AccountOpened{Account: "acc-2", Owner: "Alan"}}, nil},
		{Envelope{"c", WithdrawMoney{Account: "acc-2", Amount: 5}}, nil, ErrInsufficientFunds},
		{Envelope{"d", DepositMoney{Account: "acc-2", Amount: 5}}, []Event{MoneyDeposited{Account: "acc-2", Amount: 5}}, nil},
	})
	assertRecords(t, []string{
		"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada}",
		"acc-2 v1 @2 AccountOpened{Account:acc-2 Owner:Alan}",
		"acc-2 v2 @3 MoneyDeposited{Account:acc-2 Amount:5}",
	}, store.ReadAll(1), "the store: a refusal returns no events and the error, and appends nothing — day 5, Part 1")
}

// TestPart1FullLoadsFresh: someone else appends to the store between two
// commands; the router must see it.
func TestPart1FullLoadsFresh(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	checkDispatch(t, router, 1, []dispatchCase{
		{Envelope{"a", OpenAccount{Account: "acc-1", Owner: "Ada"}}, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}}, nil},
		{Envelope{"b", DepositMoney{Account: "acc-1", Amount: 30}}, []Event{MoneyDeposited{Account: "acc-1", Amount: 30}}, nil},
	})
	_, err := store.Append("acc-1", 2, []Event{MoneyDeposited{Account: "acc-1", Amount: 20}})
	require.NoError(t, err, "another writer's Append(\"acc-1\", 2, [MoneyDeposited{Account:acc-1 Amount:20}]): after the router's two accepted commands acc-1's stream is at version 2 — day 5, Part 1")
	_, err = store.Append("acc-2", NoStream, []Event{AccountOpened{Account: "acc-2", Owner: "Alan"}})
	require.NoError(t, err, "another writer's Append(\"acc-2\", NoStream, [AccountOpened{Account:acc-2 Owner:Alan}]): the router has written nothing to acc-2 — day 5, Part 1")
	checkDispatch(t, router, 1, []dispatchCase{
		{Envelope{"c", WithdrawMoney{Account: "acc-1", Amount: 50}}, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 50}}, nil},
		{Envelope{"d", OpenAccount{Account: "acc-2", Owner: "Alan"}}, nil, ErrAccountExists},
		{Envelope{"e", DepositMoney{Account: "acc-2", Amount: 7}}, []Event{MoneyDeposited{Account: "acc-2", Amount: 7}}, nil},
	})
	assert.Equal(t, 4, store.Version("acc-1"), `Version("acc-1"): the router keeps no accounts of its own, so it sees whatever anyone else appended since — day 5, Part 1`)
	assert.Equal(t, 2, store.Version("acc-2"), `Version("acc-2"): the router keeps no accounts of its own, so it sees whatever anyone else appended since — day 5, Part 1`)
}
