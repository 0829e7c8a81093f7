package examples

import (
	"errors"
	"fmt"
	"strings"
)

// Request is something a customer asks the bank to do. (The exercise calls
// its version Command.)
type Request interface {
	AccountID() string
	RequestType() string
}

// OrderCard asks the bank to post a new debit card.
type OrderCard struct {
	Account string
	Design  string
}

// ChangeAddress asks the bank to send its letters somewhere else.
type ChangeAddress struct {
	Account string
	Number  int
	Street  string
}

// AccountID returns the account the card is for.
func (r OrderCard) AccountID() string { return r.Account }

// AccountID returns the account whose address changes.
func (r ChangeAddress) AccountID() string { return r.Account }

// RequestType returns "OrderCard".
func (OrderCard) RequestType() string { return "OrderCard" }

// RequestType returns "ChangeAddress".
func (ChangeAddress) RequestType() string { return "ChangeAddress" }

// Explain says in words what a request asks for. In each case of the type
// switch, r has that case's concrete type, so its fields are at hand.
func Explain(req Request) string {
	switch r := req.(type) {
	case OrderCard:
		return fmt.Sprintf("post a %s card for %s", r.Design, r.Account)
	case ChangeAddress:
		return fmt.Sprintf("send the letters of %s to %d %s", r.Account, r.Number, r.Street)
	case nil:
		return "nothing at all"
	default:
		return "a " + r.RequestType() + ", which this bank does not do"
	}
}

// The errors a ChangeAddress can be refused with before anyone looks at
// the account.
var (
	ErrNoStreet  = errors.New("street is required")
	ErrBadNumber = errors.New("house number must be positive")
)

// Check validates a ChangeAddress on its own, the way a paper form is
// checked at the counter: every field is looked at, no file is opened.
func (r ChangeAddress) Check() error {
	if strings.TrimSpace(r.Street) == "" {
		return ErrNoStreet
	}
	if r.Number <= 0 {
		return ErrBadNumber
	}
	return nil
}
