//go:build ignore

package bank

// EventStore is an append-only event store held in memory. Every account
// is a stream of its own, and every event also has a place in the one
// global order of the whole store. Nothing in it is ever changed or
// removed.
type EventStore struct {
	// TODO(ch04): what the store keeps.
}

// NewEventStore returns an empty store that stamps appends with clock.
func NewEventStore(clock Clock) *EventStore {
	panic("TODO(ch04): implement NewEventStore")
}

// Append adds events to the end of a stream, all or nothing, and returns
// the stream's new version.
//
// The events get the next versions of the stream and the next positions
// of the store, in order. They were written down together, so they all
// get the same At: one call to the clock's Now per append that stores
// something. Appending no events stores nothing and asks no time.
//
// Part 2: expected is the version the caller believes the stream is at.
// AnyVersion appends whatever the version; any other value, NoStream (0)
// included, must equal the stream's version, or Append stores nothing
// (and asks no time) and returns 0 and ConcurrencyError(stream,
// expected, the stream's version).
func (s *EventStore) Append(stream string, expected int, events []Event) (int, error) {
	panic("TODO(ch04): implement Append")
}

// ReadStream returns a stream's events from version from on, in order. A
// stream that does not exist has no events. The caller gets its own copy:
// changing it changes nothing in the store.
func (s *EventStore) ReadStream(stream string, from int) []RecordedEvent {
	panic("TODO(ch04): implement ReadStream")
}

// ReadAll returns the store's events from position from on, in order, a
// copy as ReadStream's is.
func (s *EventStore) ReadAll(from int) []RecordedEvent {
	panic("TODO(ch04): implement ReadAll")
}

// Version returns the version of a stream: the number of events in it, 0
// when it does not exist.
func (s *EventStore) Version(stream string) int {
	panic("TODO(ch04): implement Version")
}
