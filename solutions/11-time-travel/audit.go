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

// WriteAudit writes every event of the store to w as CSV.
func WriteAudit(store *EventStore, w io.Writer) error {
	out := csv.NewWriter(w)
	if err := out.Write(AuditHeader); err != nil {
		return err
	}
	for _, r := range store.ReadAll(1) {
		account, amount, owner := "", "", ""
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
		row := []string{
			strconv.Itoa(r.Position),
			r.At.UTC().Format(time.RFC3339),
			r.StreamID,
			strconv.Itoa(r.Version),
			r.Event.EventType(),
			account, amount, owner,
		}
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// End of Part 2.
