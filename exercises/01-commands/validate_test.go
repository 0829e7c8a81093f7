//go:build ignore

package bank

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// validateCase is a command and the error Validate refuses it with (nil
// when it is valid).
type validateCase struct {
	cmd     Command
	wantErr error
}

// checkValidate runs Validate on each case. A failure names the command
// and the rule of Part 2 it breaks.
func checkValidate(t *testing.T, tests []validateCase) {
	t.Helper()
	for _, tt := range tests {
		err := Validate(tt.cmd)
		if tt.wantErr == nil {
			assert.NoError(t, err, "Validate(%s): %s", Describe(tt.cmd), validateRule(tt))
		} else {
			assert.ErrorIs(t, err, tt.wantErr, "Validate(%s): %s", Describe(tt.cmd), validateRule(tt))
		}
	}
}

// validateRule is the rule of Part 2 a case checks, in the chapter's words.
func validateRule(tt validateCase) string {
	switch tt.wantErr {
	case ErrAccountIDInvalid:
		return "every command's account id must be acc- followed by one or more digits, with nothing before or after (else ErrAccountIDInvalid), and this is checked first, whatever the command — day 1, Part 2"
	case ErrOwnerRequired:
		return "an OpenAccount needs an owner that is not blank once whitespace (spaces, tabs) is trimmed from both ends: ErrOwnerRequired — day 1, Part 2"
	case ErrAmountNotPositive:
		return "a DepositMoney or WithdrawMoney must move more than zero: ErrAmountNotPositive — day 1, Part 2"
	case ErrAmountTooLarge:
		return "a DepositMoney or WithdrawMoney must move no more than MaxAmount in one go: ErrAmountTooLarge — day 1, Part 2"
	case ErrUnknownCommand:
		return "nil, or any command type the bank does not know, is ErrUnknownCommand — day 1, Part 2"
	}
	switch tt.cmd.(type) {
	case OpenAccount:
		return "an OpenAccount with an account id of acc- and digits, such as acc-7 or acc-0042, and an owner that is not blank is valid — day 1, Part 2"
	case DepositMoney, WithdrawMoney:
		return "a DepositMoney or WithdrawMoney of more than zero and no more than MaxAmount is valid; MaxAmount itself is allowed — day 1, Part 2"
	case CloseAccount:
		return "a CloseAccount needs only a good id — day 1, Part 2"
	}
	return "Validate returns nil when the command is valid — day 1, Part 2"
}

// TestPart2Example is the worked example of Part 2: the lines, and what
// Validate says about the command each one parses to.
func TestPart2Example(t *testing.T) {
	example := []struct {
		line    string
		wantErr error
	}{
		{"open acc-12 Ada Lovelace", nil},
		{"open acc-13", ErrOwnerRequired},
		{"deposit acc-12 1200", nil},
		{"deposit acc-12 -5", ErrAmountNotPositive},
		{"withdraw acc-12 300", nil},
		{"withdraw ACC-12 50", ErrAccountIDInvalid},
		{"deposit acc-12 2000000", ErrAmountTooLarge},
		{"close acc-12", nil},
	}
	var lines []string
	for _, tt := range example {
		lines = append(lines, tt.line)
		cmd, err := ParseCommand(tt.line)
		if !assert.NoError(t, err, "ParseCommand(%q): every line of this stretch of the log parses — day 1, Part 2", tt.line) {
			continue
		}
		checkValidate(t, []validateCase{{cmd, tt.wantErr}})
	}
	// 1200 deposited - 300 withdrawn = 900, times 4 refused commands.
	assert.Equal(t, 3600, part2Answer(lines), "part2Answer(%q): the net amount of the valid deposits and withdrawals, times the number of commands Validate refuses — day 1, Part 2", lines)
}

// freezeAccount is a command this bank does not know.
type freezeAccount struct{ Account string }

func (c freezeAccount) AccountID() string { return c.Account }

func (freezeAccount) CommandType() string { return "freezeAccount" }

func TestPart2FullValidate(t *testing.T) {
	checkValidate(t, []validateCase{
		{OpenAccount{Account: "acc-1", Owner: "Ada"}, nil},
		{OpenAccount{Account: "acc-0042", Owner: "Ada Lovelace"}, nil},
		{DepositMoney{Account: "acc-1", Amount: 1}, nil},
		{DepositMoney{Account: "acc-1", Amount: MaxAmount}, nil},
		{WithdrawMoney{Account: "acc-9", Amount: 1}, nil},
		{WithdrawMoney{Account: "acc-9", Amount: MaxAmount}, nil},
		{CloseAccount{Account: "acc-1"}, nil},
		// Account ids.
		{OpenAccount{Account: "", Owner: "Ada"}, ErrAccountIDInvalid},
		{OpenAccount{Account: "acc-", Owner: "Ada"}, ErrAccountIDInvalid},
		{OpenAccount{Account: "ACC-1", Owner: "Ada"}, ErrAccountIDInvalid},
		{DepositMoney{Account: "acc1", Amount: 5}, ErrAccountIDInvalid},
		{DepositMoney{Account: "acc-1a", Amount: 5}, ErrAccountIDInvalid},
		{WithdrawMoney{Account: "acc--1", Amount: 5}, ErrAccountIDInvalid},
		{WithdrawMoney{Account: "xacc-1", Amount: 5}, ErrAccountIDInvalid},
		{CloseAccount{Account: "acc-x"}, ErrAccountIDInvalid},
		{CloseAccount{Account: " acc-1"}, ErrAccountIDInvalid},
		// Owners.
		{OpenAccount{Account: "acc-1", Owner: ""}, ErrOwnerRequired},
		{OpenAccount{Account: "acc-1", Owner: " \t "}, ErrOwnerRequired},
		// Amounts.
		{DepositMoney{Account: "acc-1", Amount: 0}, ErrAmountNotPositive},
		{DepositMoney{Account: "acc-1", Amount: -5}, ErrAmountNotPositive},
		{WithdrawMoney{Account: "acc-1", Amount: 0}, ErrAmountNotPositive},
		{WithdrawMoney{Account: "acc-1", Amount: -1}, ErrAmountNotPositive},
		{DepositMoney{Account: "acc-1", Amount: MaxAmount + 1}, ErrAmountTooLarge},
		{WithdrawMoney{Account: "acc-1", Amount: MaxAmount + 1}, ErrAmountTooLarge},
		// The id is checked first.
		{OpenAccount{Account: "bad", Owner: ""}, ErrAccountIDInvalid},
		{DepositMoney{Account: "bad", Amount: -5}, ErrAccountIDInvalid},
		{WithdrawMoney{Account: "bad", Amount: MaxAmount + 1}, ErrAccountIDInvalid},
		// Commands this bank does not know.
		{nil, ErrUnknownCommand},
		{freezeAccount{Account: "acc-1"}, ErrUnknownCommand},
	})
}
