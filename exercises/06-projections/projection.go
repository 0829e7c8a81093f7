//go:build ignore

package bank

// BalanceView is a read model: the balances of the accounts, built from
// the store's events and answering queries without ever reading the store.
// The command side never writes to it.
type BalanceView struct {
	// TODO(ch06): what the view keeps.
}

// NewBalanceView returns an empty view that has projected nothing: its
// checkpoint is 0.
func NewBalanceView() *BalanceView {
	panic("TODO(ch06): implement NewBalanceView")
}

// Project folds one recorded event into the view and moves the checkpoint
// to its position. An event at or before the checkpoint has been projected
// already (events can be delivered more than once): Project ignores it.
//
//   - AccountOpened adds the account, with its owner and a balance of 0;
//   - MoneyDeposited and MoneyWithdrawn change its balance;
//   - AccountClosed marks it closed.
//
// An event of an account the view has never seen opened changes no
// account; it still moves the checkpoint. Project does not look for gaps
// between positions: keeping deliveries complete and in order is the job
// of whoever delivers them, such as CatchUp.
func (v *BalanceView) Project(e RecordedEvent) {
	panic("TODO(ch06): implement Project")
}

// Position returns the checkpoint: the position of the last event
// projected, 0 if none.
func (v *BalanceView) Position() int {
	panic("TODO(ch06): implement Position")
}

// CatchUp projects the store's events after the checkpoint, in order, and
// returns how many it projected.
func (v *BalanceView) CatchUp(store *EventStore) int {
	panic("TODO(ch06): implement CatchUp")
}

// Balance returns an account's balance and true, or 0 and false when the
// view has never seen the account opened. A closed account is still
// known.
func (v *BalanceView) Balance(id string) (int, bool) {
	panic("TODO(ch06): implement Balance")
}
