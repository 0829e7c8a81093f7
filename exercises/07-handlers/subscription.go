//go:build ignore

package bank

// Subscription delivers the store's events to its handlers, at least
// once. Each handler has a checkpoint of its own, the position of the
// last event it handled, so a handler that fails falls behind without
// holding the others back, and catches up once it works again.
type Subscription struct {
	// TODO(ch07): what the subscription keeps.
}

// NewSubscription returns a subscription of store for the handlers, in
// that order. Every checkpoint starts at 0: a new subscription delivers
// every event from the first, even to handlers that have seen them
// before (a checkpoint kept in memory is lost when the bank restarts).
func NewSubscription(store *EventStore, handlers ...Handler) *Subscription {
	panic("TODO(ch07): implement NewSubscription")
}

// Deliver makes one pass: it gives each handler, in order, the store's
// events after its checkpoint, one at a time and in position order, and
// moves the handler's checkpoint to each event it handled. At the first
// event a handler fails on (Handle returns an error), Deliver stops
// delivering to that handler, its checkpoint staying just before the
// failed event, and goes on with the next handler. The next Deliver
// delivers the failed event again.
func (s *Subscription) Deliver() {
	panic("TODO(ch07): implement Deliver")
}

// Checkpoint returns the checkpoint of handler i (0 for the first handler
// given to NewSubscription): the position of the last event it handled, 0
// if none.
func (s *Subscription) Checkpoint(i int) int {
	panic("TODO(ch07): implement Checkpoint")
}
