//go:build ignore

package bank

// Part 2: the list.
import "sort"

// End of Part 2.

// BalanceView is a read model: the balances and the account list, built
// from the store's events and answering queries without ever reading the
// store. The command side never writes to it.
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

// Part 2: the list and the total.

// Accounts returns every account the view knows, by owner, then id.
func (v *BalanceView) Accounts() []AccountSummary {
	out := make([]AccountSummary, 0, len(v.accounts))
	for _, a := range v.accounts {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Owner != out[j].Owner {
			return out[i].Owner < out[j].Owner
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Total returns the money held in open accounts.
func (v *BalanceView) Total() int {
	total := 0
	for _, a := range v.accounts {
		if !a.Closed {
			total += a.Balance
		}
	}
	return total
}

// End of Part 2.
