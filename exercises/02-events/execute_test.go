//go:build ignore

package bank

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// executeCase is an account as the teller sees it, a command, and what
// Execute decides.
type executeCase struct {
	state   Account
	cmd     Command
	want    []Event
	wantErr error
}

// checkExecute runs Execute on each case. A failure names the account as
// the teller sees it, the command, and the rule the decision breaks.
func checkExecute(t *testing.T, tests []executeCase) {
	t.Helper()
	for _, tt := range tests {
		got, err := Execute(tt.state, tt.cmd)
		call := fmt.Sprintf("Execute(%s, %s)", describeState(tt.state), Describe(tt.cmd))
		rule := executeRule(tt)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "%s: %s", call, rule)
			if got != nil {
				t.Errorf("%s: a refusal returns its error and nil events, nil itself, not an empty slice — day 2, Part 1: it returned %s", call, describeReturned(got))
			}
			continue
		}
		if assert.NoError(t, err, "%s: %s", call, rule) {
			assertEvents(t, tt.want, got, call+": "+rule)
		}
	}
}

// describeState writes an account as the teller's log shows it: its id,
// then new, open balance=N or closed balance=N.
func describeState(a Account) string {
	switch {
	case !a.Opened && !a.Closed && a.Balance == 0:
		return a.ID + " new"
	case a.Opened && !a.Closed:
		return fmt.Sprintf("%s open balance=%d", a.ID, a.Balance)
	case a.Opened && a.Closed:
		return fmt.Sprintf("%s closed balance=%d", a.ID, a.Balance)
	}
	return fmt.Sprintf("%s Opened:%t Closed:%t balance=%d", a.ID, a.Opened, a.Closed, a.Balance)
}

// executeRule is the rule a case checks, in the chapter's words.
func executeRule(tt executeCase) string {
	switch tt.wantErr {
	case nil:
	case ErrAccountIDInvalid, ErrOwnerRequired, ErrAmountNotPositive, ErrAmountTooLarge:
		return "validate first: a command that is nonsense on its own is refused with Validate's error, whatever the account looks like — day 2, Part 1"
	case ErrUnknownCommand:
		return "validate first: a nil command is refused with ErrUnknownCommand, as Validate already does — day 2, Part 1"
	case ErrAccountExists:
		return "if the account has already been opened, refuse with ErrAccountExists, even if it has been closed since — day 2, Part 1"
	case ErrAccountNotOpen, ErrAccountClosed:
		switch tt.cmd.(type) {
		case DepositMoney:
			return "if the account was never opened, refuse with ErrAccountNotOpen; if it is closed, refuse with ErrAccountClosed, in that order — day 2, Part 1"
		}
		return "the same two checks as a deposit come first: never opened is ErrAccountNotOpen, closed is ErrAccountClosed — day 2, Part 2"
	case ErrInsufficientFunds:
		return "after the two checks of a deposit, if the amount is more than the balance, refuse with ErrInsufficientFunds — day 2, Part 2"
	case ErrBalanceNotZero:
		return "after the two checks of a deposit, if the balance is not zero, refuse with ErrBalanceNotZero: money does not vanish when an account closes — day 2, Part 2"
	}
	switch c := tt.cmd.(type) {
	case OpenAccount:
		return "an OpenAccount for an account never opened returns one AccountOpened carrying the account and the owner — day 2, Part 1"
	case DepositMoney:
		return "a DepositMoney to an open account returns one MoneyDeposited carrying the account and the amount — day 2, Part 1"
	case WithdrawMoney:
		if c.Amount == tt.state.Balance {
			return "withdrawing exactly the balance is fine and leaves the account empty: return one MoneyWithdrawn with the account and the amount — day 2, Part 2"
		}
		return "a WithdrawMoney of no more than the balance of an open account returns one MoneyWithdrawn with the account and the amount — day 2, Part 2"
	case CloseAccount:
		return "a CloseAccount of an open account with a balance of zero returns one AccountClosed with the account — day 2, Part 2"
	}
	return "Execute returns the events that record the decision — day 2, Part 1"
}

// describeReturned is what a refusal returned instead of nil: its events,
// or an empty slice, which is not nil.
func describeReturned(events []Event) string {
	if len(events) == 0 {
		return "an empty slice, []Event{}"
	}
	return fmt.Sprintf("%v", DescribeEvents(events))
}

// assertEvents checks that got, what the call described by what returned,
// holds the events of want. It compares them by DescribeEvents: type names
// and fields.
func assertEvents(t *testing.T, want, got []Event, what string) bool {
	t.Helper()
	return assert.Equal(t, DescribeEvents(want), DescribeEvents(got), "%s", what)
}

// tellerCase is one line of the puzzle's format and what Execute decides.
type tellerCase struct {
	line    string
	want    []Event
	wantErr error
}

// checkTeller parses each line and runs Execute on it.
func checkTeller(t *testing.T, tests []tellerCase) {
	t.Helper()
	for _, tt := range tests {
		state, cmd, err := parseTellerLine(tt.line)
		if !assert.NoError(t, err, "parseTellerLine(%q): the command is in day 1's format, read by your ParseCommand — day 1, Part 1", tt.line) {
			continue
		}
		checkExecute(t, []executeCase{{state, cmd, tt.want, tt.wantErr}})
	}
}

// lines returns the lines of some teller cases.
func lines(tests []tellerCase) []string {
	var out []string
	for _, tt := range tests {
		out = append(out, tt.line)
	}
	return out
}

// TestPart1Example is the worked example of Part 1.
func TestPart1Example(t *testing.T) {
	example := []tellerCase{
		{"new | open acc-7 Ngozi Okafor", []Event{AccountOpened{Account: "acc-7", Owner: "Ngozi Okafor"}}, nil},
		{"new | open acc-8 Alan Turing", []Event{AccountOpened{Account: "acc-8", Owner: "Alan Turing"}}, nil},
		{"open balance=0 | open acc-7 Ngozi Okafor", nil, ErrAccountExists},
		{"open balance=0 | deposit acc-7 250", []Event{MoneyDeposited{Account: "acc-7", Amount: 250}}, nil},
		{"open balance=250 | deposit acc-7 1200", []Event{MoneyDeposited{Account: "acc-7", Amount: 1200}}, nil},
		{"new | deposit acc-9 75", nil, ErrAccountNotOpen},
		{"closed balance=0 | deposit acc-3 40", nil, ErrAccountClosed},
	}
	checkTeller(t, example)
	// (250 + 1200 deposited) * 2 accounts opened.
	assert.Equal(t, 2900, part1Answer(lines(example)), "part1Answer(%q): the total of the MoneyDeposited events times the number of AccountOpened events — day 2, Part 1", lines(example))
}

// TestPart2Example is the worked example of Part 2.
func TestPart2Example(t *testing.T) {
	example := []tellerCase{
		{"open balance=500 | withdraw acc-7 120", []Event{MoneyWithdrawn{Account: "acc-7", Amount: 120}}, nil},
		{"open balance=380 | close acc-7", nil, ErrBalanceNotZero},
		{"open balance=80 | withdraw acc-8 95", nil, ErrInsufficientFunds},
		{"open balance=80 | withdraw acc-8 80", []Event{MoneyWithdrawn{Account: "acc-8", Amount: 80}}, nil},
		{"open balance=0 | close acc-8", []Event{AccountClosed{Account: "acc-8"}}, nil},
		{"closed balance=0 | withdraw acc-8 10", nil, ErrAccountClosed},
		{"new | close acc-9", nil, ErrAccountNotOpen},
	}
	checkTeller(t, example)
	// 4 refused commands * (120 + 80 withdrawn).
	assert.Equal(t, 800, part2Answer(lines(example)), "part2Answer(%q): the number of refused commands times the total of the MoneyWithdrawn events — day 2, Part 2", lines(example))
}

// Accounts for the edge cases.
var (
	fresh     = Account{ID: "acc-1"}
	empty     = Account{ID: "acc-1", Owner: "Ada", Opened: true}
	funded    = Account{ID: "acc-1", Owner: "Ada", Opened: true, Balance: 100}
	closedAcc = Account{ID: "acc-1", Owner: "Ada", Opened: true, Closed: true}
)

func TestPart1FullExecute(t *testing.T) {
	checkExecute(t, []executeCase{
		{fresh, OpenAccount{Account: "acc-1", Owner: "Ada Lovelace"}, []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}}, nil},
		{empty, OpenAccount{Account: "acc-1", Owner: "Ada"}, nil, ErrAccountExists},
		{funded, OpenAccount{Account: "acc-1", Owner: "Bob"}, nil, ErrAccountExists},
		{closedAcc, OpenAccount{Account: "acc-1", Owner: "Ada"}, nil, ErrAccountExists},
		{empty, DepositMoney{Account: "acc-1", Amount: 1}, []Event{MoneyDeposited{Account: "acc-1", Amount: 1}}, nil},
		{funded, DepositMoney{Account: "acc-1", Amount: MaxAmount}, []Event{MoneyDeposited{Account: "acc-1", Amount: MaxAmount}}, nil},
		{fresh, DepositMoney{Account: "acc-1", Amount: 5}, nil, ErrAccountNotOpen},
		{closedAcc, DepositMoney{Account: "acc-1", Amount: 5}, nil, ErrAccountClosed},
		// Validate comes first, whatever the state.
		{fresh, OpenAccount{Account: "bad", Owner: "Ada"}, nil, ErrAccountIDInvalid},
		{fresh, OpenAccount{Account: "acc-1", Owner: " "}, nil, ErrOwnerRequired},
		{empty, OpenAccount{Account: "acc-1", Owner: ""}, nil, ErrOwnerRequired},
		{funded, DepositMoney{Account: "acc-1", Amount: 0}, nil, ErrAmountNotPositive},
		{closedAcc, DepositMoney{Account: "acc-1", Amount: -5}, nil, ErrAmountNotPositive},
		{fresh, DepositMoney{Account: "acc-1", Amount: MaxAmount + 1}, nil, ErrAmountTooLarge},
	})
}

func TestPart2FullExecute(t *testing.T) {
	checkExecute(t, []executeCase{
		{funded, WithdrawMoney{Account: "acc-1", Amount: 1}, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 1}}, nil},
		{funded, WithdrawMoney{Account: "acc-1", Amount: 100}, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 100}}, nil},
		{funded, WithdrawMoney{Account: "acc-1", Amount: 101}, nil, ErrInsufficientFunds},
		{empty, WithdrawMoney{Account: "acc-1", Amount: 1}, nil, ErrInsufficientFunds},
		{fresh, WithdrawMoney{Account: "acc-1", Amount: 1}, nil, ErrAccountNotOpen},
		{closedAcc, WithdrawMoney{Account: "acc-1", Amount: 1}, nil, ErrAccountClosed},
		{empty, CloseAccount{Account: "acc-1"}, []Event{AccountClosed{Account: "acc-1"}}, nil},
		{funded, CloseAccount{Account: "acc-1"}, nil, ErrBalanceNotZero},
		{fresh, CloseAccount{Account: "acc-1"}, nil, ErrAccountNotOpen},
		{closedAcc, CloseAccount{Account: "acc-1"}, nil, ErrAccountClosed},
		// Validate comes first, whatever the state.
		{empty, WithdrawMoney{Account: "acc-1", Amount: -5}, nil, ErrAmountNotPositive},
		{funded, WithdrawMoney{Account: "acc-1", Amount: MaxAmount + 1}, nil, ErrAmountTooLarge},
		{funded, CloseAccount{Account: "ACC-1"}, nil, ErrAccountIDInvalid},
		{funded, nil, nil, ErrUnknownCommand},
	})
}
