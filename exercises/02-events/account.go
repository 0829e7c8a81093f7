//go:build ignore

package bank

import "errors"

// Account is what the bank knows about one account when it decides a
// command: the write model. The zero Account (with only its ID set) is an
// account that has never been opened.
type Account struct {
	ID      string
	Owner   string
	Balance int
	Opened  bool // an AccountOpened has happened
	Closed  bool // an AccountClosed has happened
	Version int  // the number of events applied so far (chapter 3 keeps it)
}

// The errors a valid command can be refused with because of the state of
// its account.
var (
	// ErrAccountExists: opening an account that is already open (or was
	// opened and closed since: account ids are never reused).
	ErrAccountExists = errors.New("account already exists")
	// ErrAccountNotOpen: moving money in or out of, or closing, an account
	// that was never opened.
	ErrAccountNotOpen = errors.New("account is not open")
	// ErrAccountClosed: moving money in or out of, or closing, an account
	// that is closed.
	ErrAccountClosed = errors.New("account is closed")
	// ErrInsufficientFunds: withdrawing more than the balance.
	ErrInsufficientFunds = errors.New("insufficient funds")
	// ErrBalanceNotZero: closing an account that still holds money.
	ErrBalanceNotZero = errors.New("balance must be zero to close")
)
