//go:build ignore

package bank

// Part 2: the whole file.

// Subscription delivers the store's events to its handlers, at least
// once, each handler from a checkpoint of its own.
type Subscription struct {
	store       *EventStore
	handlers    []Handler
	checkpoints []int // checkpoints[i]: the last position handlers[i] handled
}

// NewSubscription returns a subscription of store for the handlers, every
// checkpoint at 0.
func NewSubscription(store *EventStore, handlers ...Handler) *Subscription {
	return &Subscription{store: store, handlers: handlers, checkpoints: make([]int, len(handlers))}
}

// Deliver gives each handler the events after its checkpoint, stopping at
// the first one it fails on.
func (s *Subscription) Deliver() {
	for i, h := range s.handlers {
		for _, e := range s.store.ReadAll(s.checkpoints[i] + 1) {
			if err := h.Handle(e); err != nil {
				break
			}
			s.checkpoints[i] = e.Position
		}
	}
}

// Checkpoint returns the position of the last event handler i handled.
func (s *Subscription) Checkpoint(i int) int {
	return s.checkpoints[i]
}

// End of Part 2.
