package examples

import (
	"errors"
	"fmt"
)

// Desk stands in for the office's partners. Like chapter 5's router, it
// keeps the first answer to every request ID, and it writes down what it
// really did.
type Desk struct {
	CabinsLeft int
	LoseAnswer string   // the ID of a request whose answer gets lost, once
	Done       []string // what was really carried out, in order
	answers    map[string]error
}

// Do carries out a request the first time its ID is seen; after that it
// only answers.
func (d *Desk) Do(r Request) error {
	if d.answers == nil {
		d.answers = map[string]error{}
	}
	err, seen := d.answers[r.ID]
	if !seen {
		err = d.carryOut(r)
		d.answers[r.ID] = err
	}
	if r.ID == d.LoseAnswer {
		d.LoseAnswer = ""
		return fmt.Errorf("%s: %w", r.ID, ErrNoAnswer)
	}
	return err
}

func (d *Desk) carryOut(r Request) error {
	if r.Action == "cabin" {
		if d.CabinsLeft == 0 {
			return errors.New("no cabin left")
		}
		d.CabinsLeft--
	}
	what := r.Action
	if r.Amount != 0 {
		what = fmt.Sprintf("%s %d", r.Action, r.Amount)
	}
	d.Done = append(d.Done, what)
	return nil
}
