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

// checkExecute runs Execute on each case.
func checkExecute(t *testing.T, tests []executeCase) {
	t.Helper()
	for _, tt := range tests {
		got, err := Execute(tt.state, tt.cmd)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "Execute(%+v, %v)", tt.state, Describe(tt.cmd))
			if got != nil {
				t.Errorf("Execute(%+v, %v) refuses, so it returns nil events (every refusal does), not %s", tt.state, Describe(tt.cmd), describeReturned(got))
			}
			continue
		}
		if assert.NoError(t, err, "Execute(%+v, %v)", tt.state, Describe(tt.cmd)) {
			assertEvents(t, tt.want, got, fmt.Sprintf("Execute(%+v, %v)", tt.state, Describe(tt.cmd)))
		}
	}
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
		if !assert.NoError(t, err, "parseTellerLine(%q)", tt.line) {
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
	assert.Equal(t, 2900, part1Answer(lines(example)), "part1Answer(%q)", lines(example))
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
	assert.Equal(t, 800, part2Answer(lines(example)), "part2Answer(%q)", lines(example))
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
