//go:build ignore

package bank

// Apply folds one event into the account. Events are facts that have
// already happened, so Apply never checks, refuses or fails; it only
// records:
//
//   - AccountOpened sets ID, Owner and Opened;
//   - MoneyDeposited adds its amount to the balance;
//   - MoneyWithdrawn subtracts its amount;
//   - AccountClosed sets Closed;
//
// and every event, whatever it is, adds one to Version.
func (a *Account) Apply(e Event) {
	panic("TODO(ch03): implement Apply")
}

// Rebuild replays one history, the events of many accounts interleaved
// in the order they happened, and returns every account it mentions by
// ID, each with all of its events applied.
func Rebuild(history []Event) map[string]*Account {
	panic("TODO(ch03): implement Rebuild")
}

// Handle is the bank's command-handling loop for one command. Execute
// decides it, against the account the command is about (an account the map
// does not hold is one the bank never opened). When the command is accepted,
// Handle returns the new events, so the caller can record them, and
// afterwards accounts is what Rebuild would make of the history with those
// events added. When Execute refuses, Handle returns its error and no
// events, and accounts is exactly as it was: no account added, none changed.
// A nil command is refused too, with ErrUnknownCommand.
func Handle(accounts map[string]*Account, cmd Command) ([]Event, error) {
	panic("TODO(ch03): implement Handle")
}
