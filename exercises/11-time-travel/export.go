//go:build ignore

package bank

// AuditHeader is the first row of the audit export, WriteAudit's CSV:
// its columns, in order.
//
//	position  the event's place in the whole store
//	at        when it was recorded, in RFC 3339 and UTC: 2024-03-04T09:05:00Z
//	stream    the stream it belongs to
//	version   its place in that stream
//	type      its EventType, such as MoneyDeposited
//	account   the account of an account event
//	amount    the amount of a deposit or a withdrawal, as recorded (never negative)
//	owner     the owner of an opened account
//	balance   the balance of the account right after the event (0 is a balance)
//
// The last four cells are left empty where they do not apply: an
// AccountClosed has no amount and no owner, and an event that is not one
// of the four account events (a transfer's, say) belongs to no account, so
// it has none of the four.
var AuditHeader = []string{"position", "at", "stream", "version", "type", "account", "amount", "owner", "balance"}
