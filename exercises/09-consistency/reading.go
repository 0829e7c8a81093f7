//go:build ignore

package bank

// Answer is a read model's answer about one account, with the version of
// the account's stream it reflects. The version works as an ETag: a
// client that has just written version 4 and reads an answer of version 3
// knows the answer does not show its write yet.
type Answer struct {
	Account string
	Balance int
	Version int // the account's stream version the answer reflects; 0: the account is unknown to the read model
}

// PositionOf returns the global position of a stream's event at version
// (1 for the stream's first event): the position a read model must have
// reached to show that event. It returns 0 when the stream has no such
// event: version 0 is reached from the start.
func PositionOf(store *EventStore, stream string, version int) int {
	if version < 1 {
		return 0
	}
	records := store.ReadStream(stream, version)
	if len(records) == 0 {
		return 0
	}
	return records[0].Position
}
