// Package examples shows the ideas of chapter 5 on the little ferry that
// leaves from the harbour below Kestrel Bank: travel agents book seats on
// its sailings, and a sailing has only a few seats to sell.
package examples

import "errors"

// Seats is how many seats every sailing has. It is a small ferry.
const Seats = 4

// Booked is the ferry's only event: seats were booked on a sailing.
type Booked struct {
	Sailing string
	Seats   int
}

// Sailing is the state of one sailing, folded from its events.
type Sailing struct {
	ID      string
	Sold    int
	Version int // how many events were folded in
}

// Apply folds one event into the sailing.
func (s *Sailing) Apply(e Booked) {
	s.Sold += e.Seats
	s.Version++
}

// ErrSoldOut refuses a booking for more seats than are left.
var ErrSoldOut = errors.New("not enough seats left")

// Book decides a booking against the sailing as it was loaded. It looks,
// it may refuse, and it changes nothing.
func Book(s Sailing, seats int) ([]Booked, error) {
	if s.Sold+seats > Seats {
		return nil, ErrSoldOut
	}
	return []Booked{{Sailing: s.ID, Seats: seats}}, nil
}

// Any is the expected version that checks nothing.
const Any = -1

// ErrConflict refuses an append built on a stale read.
var ErrConflict = errors.New("wrong expected version")

// Ledger keeps the ferry's events, one stream per sailing.
type Ledger struct {
	streams map[string][]Booked
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger {
	return &Ledger{streams: map[string][]Booked{}}
}

// Load reads a sailing's stream and folds it. The sailing it returns
// carries the version it was loaded at.
func (l *Ledger) Load(id string) Sailing {
	s := Sailing{ID: id}
	for _, e := range l.streams[id] {
		s.Apply(e)
	}
	return s
}

// Append adds events to a sailing's stream, but only if the stream is
// still at the expected version (or expected is Any).
func (l *Ledger) Append(id string, expected int, events []Booked) error {
	if expected != Any && expected != len(l.streams[id]) {
		return ErrConflict
	}
	l.streams[id] = append(l.streams[id], events...)
	return nil
}

// Request is a booking as a travel agent sends it, with an id the agent
// chose. An agent that gets no answer sends the same request again,
// under the same id.
type Request struct {
	ID      string
	Sailing string
	Seats   int
}

// Outcome is what became of a request: the events it recorded, or the
// error that refused it.
type Outcome struct {
	Events []Booked
	Err    error
}

// Handle runs one request through the pipeline: load the sailing, decide,
// and append expecting the version that was loaded.
func (l *Ledger) Handle(r Request) Outcome {
	s := l.Load(r.Sailing)
	events, err := Book(s, r.Seats)
	if err != nil {
		return Outcome{Err: err}
	}
	if err := l.Append(r.Sailing, s.Version, events); err != nil {
		return Outcome{Err: err}
	}
	return Outcome{Events: events}
}
