package examples

import "errors"

// Once makes a handler idempotent. It hands each request id to the handler
// once, and answers every later request with that id with the first
// outcome, whether that outcome booked seats or refused. A conflict is not
// an outcome: the request was never decided on the sailing as it is, so it
// is not remembered, and the same id is handled again.
type Once struct {
	handle   func(Request) Outcome
	answered map[string]Outcome // the first outcome of every id, by id
}

// NewOnce wraps handle.
func NewOnce(handle func(Request) Outcome) *Once {
	return &Once{handle: handle, answered: map[string]Outcome{}}
}

// Handle handles a request the first time its id is seen, and again only
// while its handling ends in a conflict.
func (o *Once) Handle(r Request) Outcome {
	if first, seen := o.answered[r.ID]; seen {
		return first // a resend: answered again, not done again
	}
	out := o.handle(r)
	if !errors.Is(out.Err, ErrConflict) {
		o.answered[r.ID] = out
	}
	return out
}
