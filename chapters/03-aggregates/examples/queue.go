// Package examples shows the ideas of chapter 3 on something smaller than
// a bank account: the queue in front of Ines's counter.
package examples

import "errors"

// QueueEvent is a fact about the queue at the counter.
type QueueEvent interface{ queueEvent() }

// TicketTaken: a customer took a numbered ticket and joined the queue.
type TicketTaken struct{ Customer string }

// CustomerCalled: Ines called the customer at the head of the queue.
type CustomerCalled struct{ Customer string }

// CounterShut: the counter closed for the day.
type CounterShut struct{}

func (TicketTaken) queueEvent()    {}
func (CustomerCalled) queueEvent() {}
func (CounterShut) queueEvent()    {}

// Queue is the state of the counter, derived from its events: nobody ever
// writes these fields except Apply.
type Queue struct {
	Waiting []string // in the order they took their tickets
	Served  int
	Shut    bool
}

// Apply folds one event into the queue. It does not ask whether the event
// should have happened; it already did.
func (q *Queue) Apply(e QueueEvent) {
	switch e := e.(type) {
	case TicketTaken:
		q.Waiting = append(q.Waiting, e.Customer)
	case CustomerCalled:
		if len(q.Waiting) > 0 { // only so an odd history cannot panic
			q.Waiting = q.Waiting[1:]
		}
		q.Served++ // the call happened, so it counts
	case CounterShut:
		q.Shut = true
	}
}

// Replay is the left fold: start from the zero Queue and apply every event
// in order.
func Replay(events []QueueEvent) Queue {
	var q Queue
	for _, e := range events {
		q.Apply(e)
	}
	return q
}

// ErrNobodyWaiting refuses a call when the queue is empty.
var ErrNobodyWaiting = errors.New("nobody is waiting")

// CallNext decides the command "call the next customer" against the
// current state: it looks, it may refuse, and it changes nothing. What it
// decided comes back as events.
func CallNext(q Queue) ([]QueueEvent, error) {
	if len(q.Waiting) == 0 {
		return nil, ErrNobodyWaiting
	}
	return []QueueEvent{CustomerCalled{Customer: q.Waiting[0]}}, nil
}
