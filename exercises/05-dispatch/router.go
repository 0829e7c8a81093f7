//go:build ignore

package bank

// Router is the write side's front door: it takes commands in envelopes
// and runs each one through the command-handling pipeline on the event
// store.
type Router struct {
	// TODO(ch05): what the router keeps.
}

// NewRouter returns a router that handles commands on store.
func NewRouter(store *EventStore) *Router {
	panic("TODO(ch05): implement NewRouter")
}

// Dispatch handles one command at once, on its account as the store holds
// it now, and returns the events it recorded, or the error that refused
// it. A refused command appends nothing. The new events are appended at
// the version the decision was made on, so that a writer who got there
// first turns into a conflict instead of a lost update. The router keeps
// no accounts of its own, so it sees whatever anyone else appended since.
//
// Part 2: an envelope whose ID the router has handled before (by Dispatch
// or by Step) is not executed again: Dispatch returns the first outcome,
// events or error, and appends nothing.
func (r *Router) Dispatch(env Envelope) ([]Event, error) {
	panic("TODO(ch05): implement Dispatch")
}

// Submit queues a command to be handled by a later Step.
func (r *Router) Submit(env Envelope) {
	panic("TODO(ch05): implement Submit")
}

// Step handles queued commands, at most one per account: the oldest queued
// command of every account that has one, in the order they were
// submitted. It returns what became of each, in that order, and removes
// them from the queue. Each is handled as Dispatch handles it, idempotency
// included.
func (r *Router) Step() []Handled {
	panic("TODO(ch05): implement Step")
}

// Pending returns the number of queued commands not handled yet.
func (r *Router) Pending() int {
	panic("TODO(ch05): implement Pending")
}
