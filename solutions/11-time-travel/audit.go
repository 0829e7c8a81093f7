//go:build ignore

package bank

import (
	// Part 2: the audit.
	"encoding/csv"
	"io"
	"strconv"
	// End of Part 2.
	"time"
)

// StateAt returns account id as it was at a global position of the store.
func StateAt(store *EventStore, id string, position int) Account {
	state := Account{ID: id}
	for _, r := range store.ReadStream(id, 1) {
		if r.Position > position {
			break // a stream's events are in position order
		}
		state.Apply(r.Event)
	}
	return state
}

// StateAsOf returns account id as it was at moment t, inclusive.
func StateAsOf(store *EventStore, id string, t time.Time) Account {
	state := Account{ID: id}
	for _, r := range store.ReadStream(id, 1) {
		if r.At.After(t) {
			break // in time order too: the bank's clock never goes back
		}
		state.Apply(r.Event)
	}
	return state
}

// Part 2: the audit.

// WriteAudit writes the books as they stood at moment t to w as CSV, each
// account event with its account's balance right after it.
func WriteAudit(store *EventStore, t time.Time, w io.Writer) error {
	out := csv.NewWriter(w)
	if err := out.Write(AuditHeader); err != nil {
		return err
	}
	// Every account so far, folded as the walk goes: one pass over the
	// store, however long each stream is.
	accounts := map[string]*Account{}
	for _, r := range store.ReadAll(1) {
		if r.At.After(t) {
			break // the whole store is in time order too
		}
		account, amount, owner, balance := "", "", "", ""
		switch e := r.Event.(type) {
		case AccountOpened:
			account = e.Account
			owner = e.Owner
		case MoneyDeposited:
			account = e.Account
			amount = strconv.Itoa(e.Amount)
		case MoneyWithdrawn:
			account = e.Account
			amount = strconv.Itoa(e.Amount)
		case AccountClosed:
			account = e.Account
		}
		if account != "" {
			state, ok := accounts[account]
			if !ok {
				state = &Account{ID: account}
				accounts[account] = state
			}
			state.Apply(r.Event)
			balance = strconv.Itoa(state.Balance)
		}
		row := []string{
			strconv.Itoa(r.Position),
			r.At.UTC().Format(time.RFC3339),
			r.StreamID,
			strconv.Itoa(r.Version),
			r.Event.EventType(),
			account, amount, owner, balance,
		}
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// End of Part 2.
