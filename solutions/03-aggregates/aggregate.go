//go:build ignore

package bank

// Apply folds one event into the account. It never fails: the event has
// already happened.
func (a *Account) Apply(e Event) {
	switch e := e.(type) {
	case AccountOpened:
		a.ID = e.Account
		a.Owner = e.Owner
		a.Opened = true
	case MoneyDeposited:
		a.Balance += e.Amount
	case MoneyWithdrawn:
		a.Balance -= e.Amount
	case AccountClosed:
		a.Closed = true
	}
	a.Version++
}

// Rebuild replays one interleaved history and returns every account it
// mentions by ID.
func Rebuild(history []Event) map[string]*Account {
	accounts := make(map[string]*Account)
	for _, e := range history {
		id := e.AccountID()
		a, ok := accounts[id]
		if !ok {
			a = &Account{ID: id}
			accounts[id] = a
		}
		a.Apply(e)
	}
	return accounts
}

// Part 2: Handle.

// Handle loads the command's account, decides the command, applies the
// new events and returns them. When the command is refused it changes
// nothing.
func Handle(accounts map[string]*Account, cmd Command) ([]Event, error) {
	if cmd == nil {
		return nil, ErrUnknownCommand
	}
	id := cmd.AccountID()
	state := Account{ID: id}
	if a, ok := accounts[id]; ok {
		state = *a
	}
	events, err := Execute(state, cmd)
	if err != nil {
		return nil, err
	}
	a, ok := accounts[id]
	if !ok {
		a = &Account{ID: id}
		accounts[id] = a
	}
	for _, e := range events {
		a.Apply(e)
	}
	return events, nil
}

// End of Part 2.
