// Package examples shows the ideas of chapter 7 away from the bank: the
// post office on the quay, which texts people when a parcel has arrived
// for them.
package examples

import "fmt"

// Arrival is an event from the post office's log: a parcel came in for
// someone. Seq is its place in the log, 1 for the first arrival.
type Arrival struct {
	Seq    int
	Parcel string
	For    string
}

// Phone sends text messages. It is the outside world: a text that has
// gone cannot be called back, and a text that failed has not gone at all.
type Phone interface {
	Text(to, msg string) error
}

// Nagger texts the owner every time it is told of an arrival, so an
// arrival delivered twice is texted twice.
type Nagger struct{ Phone Phone }

// Handle texts the owner of the parcel.
func (n Nagger) Handle(a Arrival) error {
	return n.Phone.Text(a.For, "parcel "+a.Parcel+" is waiting for you")
}

// PickupNotice texts the owner once per arrival, however often it is told
// of it.
type PickupNotice struct {
	Phone  Phone
	texted map[int]bool // the Seq of every arrival texted about
}

// NewPickupNotice returns a notice that texts through p.
func NewPickupNotice(p Phone) *PickupNotice {
	return &PickupNotice{Phone: p, texted: map[int]bool{}}
}

// Handle texts the owner of the parcel, unless this arrival has been
// texted about already.
func (n *PickupNotice) Handle(a Arrival) error {
	if n.texted[a.Seq] {
		return nil // heard before: the owner knows
	}
	if err := n.Phone.Text(a.For, "parcel "+a.Parcel+" is waiting for you"); err != nil {
		return fmt.Errorf("pickup notice for arrival %d: %w", a.Seq, err) // not sent, so not done
	}
	n.texted[a.Seq] = true // remembered once it is done, and not before
	return nil
}

// Feed gives h the arrivals of the log after cursor, in order, and returns
// the new cursor: the Seq of the last arrival h handled. It stops at the
// first arrival h fails on, so that arrival comes first the next time.
func Feed(log []Arrival, cursor int, h func(Arrival) error) int {
	for _, a := range log {
		if a.Seq <= cursor {
			continue
		}
		if err := h(a); err != nil {
			break
		}
		cursor = a.Seq
	}
	return cursor
}
