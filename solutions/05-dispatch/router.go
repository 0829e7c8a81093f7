//go:build ignore

package bank

// Part 2: idempotency.
import "errors"

// End of Part 2.

// Router is the write side's front door: it takes commands in envelopes
// and runs each one through the command-handling pipeline on the event
// store.
type Router struct {
	store *EventStore
	// Part 2: idempotency and the queue.
	seen  map[string]Handled // the outcome of every envelope handled, by ID
	queue []Envelope         // submitted and not handled yet, oldest first
	// End of Part 2.
}

// NewRouter returns a router that handles commands on store.
func NewRouter(store *EventStore) *Router {
	return &Router{
		store: store,
		// Part 2: idempotency.
		seen: make(map[string]Handled),
		// End of Part 2.
	}
}

// Dispatch handles one command at once and returns the events it recorded,
// or the error that refused it.
// Part 2: idempotency.
//
// An envelope handled before returns its first outcome again. A conflict
// on append is not an outcome (the command was never decided on the
// account as it is), so it is not remembered: a retry runs the pipeline
// again.
// End of Part 2.
func (r *Router) Dispatch(env Envelope) ([]Event, error) {
	// Part 2: idempotency.
	if first, ok := r.seen[env.ID]; ok {
		return first.Events, first.Err
	}
	// End of Part 2.
	events, err := r.handle(env.Command)
	// Part 2: idempotency.
	if !errors.Is(err, ErrWrongExpectedVersion) {
		r.seen[env.ID] = Handled{Envelope: env, Events: events, Err: err}
	}
	// End of Part 2.
	return events, err
}

// handle loads the command's account, decides the command and appends the
// new events, expecting the version it loaded.
func (r *Router) handle(cmd Command) ([]Event, error) {
	if cmd == nil {
		return nil, ErrUnknownCommand
	}
	id := cmd.AccountID()
	state := Account{ID: id}
	for _, rec := range r.store.ReadStream(id, 1) {
		state.Apply(rec.Event)
	}
	events, err := Execute(state, cmd)
	if err != nil {
		return nil, err
	}
	if _, err := r.store.Append(id, state.Version, events); err != nil {
		return nil, err
	}
	return events, nil
}

// Part 2: the queue.

// Submit queues a command to be handled by a later Step.
func (r *Router) Submit(env Envelope) {
	r.queue = append(r.queue, env)
}

// Step handles the oldest queued command of every account that has one,
// in the order they were submitted.
func (r *Router) Step() []Handled {
	var handled []Handled
	taken := map[string]bool{}
	var rest []Envelope
	for _, env := range r.queue {
		id := ""
		if env.Command != nil {
			id = env.Command.AccountID()
		}
		if taken[id] {
			rest = append(rest, env)
			continue
		}
		taken[id] = true
		events, err := r.Dispatch(env)
		handled = append(handled, Handled{Envelope: env, Events: events, Err: err})
	}
	r.queue = rest
	return handled
}

// Pending returns the number of queued commands not handled yet.
func (r *Router) Pending() int {
	return len(r.queue)
}

// End of Part 2.
