//go:build ignore

package bank

// Event is a fact: something that happened, named in the past tense. The
// bank records it once it has decided a command; nobody can refuse it any
// more, only add new events after it.
type Event interface {
	// AccountID is the account the event happened to.
	AccountID() string
	// EventType is the event's name, such as "MoneyDeposited". Event
	// stores keep it beside each event's data, to know what the data means.
	EventType() string
}

// AccountOpened: the bank opened an account for an owner.
type AccountOpened struct {
	Account string
	Owner   string
}

// MoneyDeposited: money went into an account.
type MoneyDeposited struct {
	Account string
	Amount  int
}

// MoneyWithdrawn: money came out of an account.
type MoneyWithdrawn struct {
	Account string
	Amount  int
}

// AccountClosed: the bank closed an account for good.
type AccountClosed struct {
	Account string
}

// AccountID returns the account that was opened.
func (e AccountOpened) AccountID() string { return e.Account }

// AccountID returns the account the money went into.
func (e MoneyDeposited) AccountID() string { return e.Account }

// AccountID returns the account the money came out of.
func (e MoneyWithdrawn) AccountID() string { return e.Account }

// AccountID returns the account that was closed.
func (e AccountClosed) AccountID() string { return e.Account }

// EventType returns "AccountOpened".
func (AccountOpened) EventType() string { return "AccountOpened" }

// EventType returns "MoneyDeposited".
func (MoneyDeposited) EventType() string { return "MoneyDeposited" }

// EventType returns "MoneyWithdrawn".
func (MoneyWithdrawn) EventType() string { return "MoneyWithdrawn" }

// EventType returns "AccountClosed".
func (AccountClosed) EventType() string { return "AccountClosed" }
