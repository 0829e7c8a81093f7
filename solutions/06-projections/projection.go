//go:build ignore

package bank

// BalanceView is a read model: the balances of the accounts, built from
// the store's events and answering queries without ever reading the store.
// The command side never writes to it.
type BalanceView struct {
	accounts map[string]*AccountSummary
	position int // the checkpoint
}

// NewBalanceView returns an empty view that has projected nothing.
func NewBalanceView() *BalanceView {
	return &BalanceView{accounts: make(map[string]*AccountSummary)}
}

// Project folds one recorded event into the view, unless it has been
// projected already.
func (v *BalanceView) Project(e RecordedEvent) {
	if e.Position <= v.position {
		return
	}
	v.position = e.Position
	id := e.Event.AccountID()
	switch ev := e.Event.(type) {
	case AccountOpened:
		v.accounts[id] = &AccountSummary{ID: id, Owner: ev.Owner}
	case MoneyDeposited:
		if a := v.accounts[id]; a != nil {
			a.Balance += ev.Amount
		}
	case MoneyWithdrawn:
		if a := v.accounts[id]; a != nil {
			a.Balance -= ev.Amount
		}
	case AccountClosed:
		if a := v.accounts[id]; a != nil {
			a.Closed = true
		}
	}
}

// Position returns the position of the last event projected.
func (v *BalanceView) Position() int {
	return v.position
}

// CatchUp projects the store's events after the checkpoint.
func (v *BalanceView) CatchUp(store *EventStore) int {
	events := store.ReadAll(v.position + 1)
	for _, e := range events {
		v.Project(e)
	}
	return len(events)
}

// Balance returns an account's balance, if the view knows the account.
func (v *BalanceView) Balance(id string) (int, bool) {
	a := v.accounts[id]
	if a == nil {
		return 0, false
	}
	return a.Balance, true
}
