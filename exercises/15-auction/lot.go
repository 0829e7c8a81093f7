//go:build ignore

package auction

import "time"

// Lot is the aggregate: one lot of the auction, folded from its stream.
// All the rules of bidding on it are decided on this state.
type Lot struct {
	ID         string
	Title      string
	Opened     bool
	StartPrice int
	ClosesAt   time.Time
	Price      int      // the highest bid accepted so far; 0 before the first
	Leader     string   // who made it
	Bids       int      // how many bids were accepted
	Bidders    []string // everyone who bid, once each, in the order of their first bid
	Warned     bool     // Part 2: the two-minute warning went out
	Closed     bool     // the hammer fell
	Version    int      // how many events of the stream were folded
}

// Apply folds one event into the lot.
func (l *Lot) Apply(e Event) {
	switch e := e.(type) {
	case LotOpened:
		l.Opened = true
		l.Title = e.Title
		l.StartPrice = e.StartPrice
		l.ClosesAt = e.ClosesAt
	case BidPlaced:
		l.Price = e.Amount
		l.Leader = e.Bidder
		l.Bids++
		known := false
		for _, b := range l.Bidders {
			if b == e.Bidder {
				known = true
			}
		}
		if !known {
			l.Bidders = append(l.Bidders, e.Bidder)
		}
	case BiddersWarned:
		l.Warned = true
	case LotClosed:
		l.Closed = true
	}
	l.Version++
}

// LoadLot folds a lot's whole stream: the lot as it is now.
func LoadLot(store *EventStore, id string) Lot {
	return LoadLotAt(store, id, AnyVersion)
}

// LoadLotAt folds a lot's stream up to version (all of it for AnyVersion,
// or when the stream is shorter): the lot as someone who read it at that
// version saw it. Its Version is the version of the last event folded.
func LoadLotAt(store *EventStore, id string, version int) Lot {
	lot := Lot{ID: id}
	for _, r := range store.ReadStream(id, 1) {
		if version != AnyVersion && r.Version > version {
			break
		}
		lot.Apply(r.Event)
	}
	return lot
}
