//go:build ignore

package bank

import (
	"errors"
	"fmt"
)

// Command is a customer's intention: what someone wants the bank to do.
// It is named in the imperative, and the bank may still refuse it.
type Command interface {
	// AccountID is the account the command is about.
	AccountID() string
	// CommandType is the command's name, such as "DepositMoney".
	CommandType() string
}

// OpenAccount asks the bank to open a new account for an owner.
type OpenAccount struct {
	Account string // the new account's id, such as "acc-7"
	Owner   string // the owner's full name, such as "Grace Hopper"
}

// DepositMoney asks the bank to put money into an account.
type DepositMoney struct {
	Account string
	Amount  int // in whole coins
}

// WithdrawMoney asks the bank to take money out of an account.
type WithdrawMoney struct {
	Account string
	Amount  int // in whole coins
}

// CloseAccount asks the bank to close an account for good.
type CloseAccount struct {
	Account string
}

// AccountID returns the account the command opens.
func (c OpenAccount) AccountID() string { return c.Account }

// AccountID returns the account the money goes into.
func (c DepositMoney) AccountID() string { return c.Account }

// AccountID returns the account the money comes out of.
func (c WithdrawMoney) AccountID() string { return c.Account }

// AccountID returns the account to close.
func (c CloseAccount) AccountID() string { return c.Account }

// CommandType returns "OpenAccount".
func (OpenAccount) CommandType() string { return "OpenAccount" }

// CommandType returns "DepositMoney".
func (DepositMoney) CommandType() string { return "DepositMoney" }

// CommandType returns "WithdrawMoney".
func (WithdrawMoney) CommandType() string { return "WithdrawMoney" }

// CommandType returns "CloseAccount".
func (CloseAccount) CommandType() string { return "CloseAccount" }

// Describe writes a command as its type name and fields, such as
// DepositMoney{Account:acc-7 Amount:250}, or <nil>. The tests compare
// commands this way, by type name and fields, so two commands of different
// types with the same fields (DepositMoney and WithdrawMoney) never look
// alike.
func Describe(c Command) string {
	if c == nil {
		return "<nil>"
	}
	return c.CommandType() + fmt.Sprintf("%+v", c)
}

// The errors a command can be refused with before the bank looks at any
// account. Return them, or wrap them with %w, so callers can test them with
// errors.Is.
var (
	// ErrUnknownCommand: the line's first word (the verb) is not open,
	// deposit, withdraw or close, or the line is blank.
	ErrUnknownCommand = errors.New("unknown command")
	// ErrMalformed: the verb is known but the rest of the line does not
	// fit it: a missing or extra field, or an amount that is not an integer.
	ErrMalformed = errors.New("malformed command")
	// ErrAccountIDInvalid: the account id is not "acc-" followed by one or
	// more digits.
	ErrAccountIDInvalid = errors.New("account id must look like acc-123")
	// ErrOwnerRequired: an OpenAccount has a blank owner.
	ErrOwnerRequired = errors.New("owner is required")
	// ErrAmountNotPositive: a deposit or withdrawal of zero or less.
	ErrAmountNotPositive = errors.New("amount must be positive")
	// ErrAmountTooLarge: a deposit or withdrawal over MaxAmount.
	ErrAmountTooLarge = errors.New("amount exceeds the single-command limit")
)

// MaxAmount is the largest amount a single deposit or withdrawal may move.
// Larger sums need a manager's approval, which this bank does not model.
// MaxAmount itself is allowed.
const MaxAmount = 1_000_000
