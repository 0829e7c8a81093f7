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

// Handle is the bank's command-handling loop for one command:
//
//  1. load the account the command is about from accounts (an account the
//     map does not hold is the zero Account with its ID set);
//  2. decide the command with Execute;
//  3. apply the new events to the stored account, adding the account to
//     the map when it is opened;
//  4. return the new events.
//
// When Execute refuses, Handle returns its error and changes nothing.
func Handle(accounts map[string]*Account, cmd Command) ([]Event, error) {
	panic("TODO(ch03): implement Handle")
}
