// Package examples shows the ideas of chapter 8 away from the bank: the
// travel office on the quay, which sells island trips. A trip needs two
// partners to agree (the card company takes the fare, the ferry line
// books a cabin) and no transaction spans the two.
package examples

import "errors"

// ErrNoAnswer is what a partner's error wraps when no answer came back:
// the request may never have arrived, or it was carried out and the
// answer was lost. It is not a refusal, and asking again is safe.
var ErrNoAnswer = errors.New("no answer")

// Request is one thing the office asks a partner to do. Its ID names it:
// a partner that sees an ID again answers as it did the first time and
// does nothing twice.
type Request struct {
	ID     string // such as "trip-4/charge"
	Action string // such as "charge", "refund" or "cabin"
	Amount int
}

// Partner carries out requests, refuses them with an error, or returns an
// error wrapping ErrNoAnswer when the answer is lost.
type Partner interface {
	Do(r Request) error
}

// PartnerFunc lets a plain function be a Partner.
type PartnerFunc func(r Request) error

// Do calls f.
func (f PartnerFunc) Do(r Request) error { return f(r) }

// Step is one step of a process, and the action that undoes it.
type Step struct {
	Name   string // the step's part of its request's ID
	Action string
	Amount int
	Undo   string // the action that compensates for it; "" if none is needed
}

// Run carries out the steps of a process in order. Every request's ID is
// made from the process's id and the step's name, never from a counter or
// a clock, so running the same process again sends the same requests.
// Run returns:
//   - "" and nil when every step was done;
//   - the refusal's reason and nil when a step was refused, after undoing
//     the steps already done, the latest first;
//   - an error when a partner did not answer (or an undo failed): nothing
//     is settled, and the caller runs the process again later.
func Run(process string, steps []Step, p Partner) (string, error) {
	for i, s := range steps {
		err := p.Do(Request{ID: process + "/" + s.Name, Action: s.Action, Amount: s.Amount})
		if err == nil {
			continue
		}
		if errors.Is(err, ErrNoAnswer) {
			return "", err // unknown: try the whole process again later
		}
		for j := i - 1; j >= 0; j-- {
			done := steps[j]
			if done.Undo == "" {
				continue
			}
			undo := Request{ID: process + "/" + done.Name + "/undo", Action: done.Undo, Amount: done.Amount}
			if uerr := p.Do(undo); uerr != nil {
				return "", uerr
			}
		}
		return err.Error(), nil
	}
	return "", nil
}
