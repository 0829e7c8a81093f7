//go:build ignore

package bank

import (
	"io"
	"time"
)

// StateAt returns account id as it was at a global position of the store:
// the fold, with Account.Apply, of the events of its stream whose Position
// is at most position, starting from Account{ID: id}. Events of other
// streams at those positions change nothing. An account that had no event
// yet at that position (position 0, say) comes back as Account{ID: id}; a
// position past the end of the store gives the account as it is now.
func StateAt(store *EventStore, id string, position int) Account {
	panic("TODO(ch11): implement StateAt")
}

// StateAsOf returns account id as it was at moment t: the fold of the
// events of its stream recorded at or before t (At equal to t counts:
// "as of noon" includes what was recorded at noon). It compares instants,
// so t may be in any time zone.
func StateAsOf(store *EventStore, id string, t time.Time) Account {
	panic("TODO(ch11): implement StateAsOf")
}

// WriteAudit writes the books as they stood at moment t to w, as CSV
// with encoding/csv: first the row AuditHeader, then one row for every
// event recorded at or before t (at t included; t may be in any time
// zone), in position order, with the columns AuditHeader's comment
// describes. Numbers are written in decimal, times in RFC 3339 and in
// UTC, whatever the clock's time zone, and a cell that does not apply is
// empty. The balance of a row is its account's balance right after the
// event, no later one, so that an auditor can tick each row against a
// statement without adding anything up. Quoting (an owner with a comma, a
// quote or a line break in their name, or one that starts with a space)
// is the csv.Writer's job, not yours.
//
// It returns the error of writing to w, if any, including one that only
// shows when the last bytes go out.
func WriteAudit(store *EventStore, t time.Time, w io.Writer) error {
	panic("TODO(ch11): implement WriteAudit")
}
