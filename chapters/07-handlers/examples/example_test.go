package examples

import (
	"errors"
	"fmt"
)

// quayPhone is a Phone for the examples: it prints every text it sends,
// and sends nothing while it has no signal.
type quayPhone struct{ noSignal bool }

func (p *quayPhone) Text(to, msg string) error {
	if p.noSignal {
		return errors.New("no signal")
	}
	fmt.Printf("text to %s: %s\n", to, msg)
	return nil
}

// The same arrival, delivered twice, and the naive handler texts twice.
func ExampleNagger() {
	n := Nagger{Phone: &quayPhone{}}
	a := Arrival{Seq: 1, Parcel: "P-88", For: "Mia"}
	n.Handle(a)
	n.Handle(a) // delivered again, after a restart
	// Output:
	// text to Mia: parcel P-88 is waiting for you
	// text to Mia: parcel P-88 is waiting for you
}

// Keyed by the arrival's Seq, the second delivery changes nothing. Two
// arrivals that look the same are still two arrivals.
func ExamplePickupNotice() {
	n := NewPickupNotice(&quayPhone{})
	n.Handle(Arrival{Seq: 1, Parcel: "P-88", For: "Mia"})
	n.Handle(Arrival{Seq: 1, Parcel: "P-88", For: "Mia"})
	n.Handle(Arrival{Seq: 2, Parcel: "P-88", For: "Mia"}) // sent back, and come in again
	// Output:
	// text to Mia: parcel P-88 is waiting for you
	// text to Mia: parcel P-88 is waiting for you
}

// A text that failed is not remembered, so the arrival, delivered again,
// is texted again.
func ExamplePickupNotice_noSignal() {
	phone := &quayPhone{noSignal: true}
	n := NewPickupNotice(phone)
	a := Arrival{Seq: 3, Parcel: "P-91", For: "Joe"}
	fmt.Println(n.Handle(a))

	phone.noSignal = false
	fmt.Println(n.Handle(a))
	fmt.Println(n.Handle(a))
	// Output:
	// pickup notice for arrival 3: no signal
	// text to Joe: parcel P-91 is waiting for you
	// <nil>
	// <nil>
}

// Two handlers on one log, each with a cursor of its own: the notice
// stalls while the phone has no signal, and the shelf list goes on.
func ExampleFeed() {
	log := []Arrival{
		{Seq: 1, Parcel: "P-88", For: "Mia"},
		{Seq: 2, Parcel: "P-91", For: "Joe"},
	}
	phone := &quayPhone{noSignal: true}
	notice := NewPickupNotice(phone)
	shelf := func(a Arrival) error {
		fmt.Println("on the shelf:", a.Parcel)
		return nil
	}

	noticeAt := Feed(log, 0, notice.Handle)
	shelfAt := Feed(log, 0, shelf)
	fmt.Println("cursors:", noticeAt, shelfAt)

	phone.noSignal = false
	noticeAt = Feed(log, noticeAt, notice.Handle)
	shelfAt = Feed(log, shelfAt, shelf)
	fmt.Println("cursors:", noticeAt, shelfAt)

	// A restart that forgets the notice's cursor: everything comes again,
	// and the notice's memory keeps it quiet.
	noticeAt = Feed(log, 0, notice.Handle)
	fmt.Println("cursors:", noticeAt, shelfAt)
	// Output:
	// on the shelf: P-88
	// on the shelf: P-91
	// cursors: 0 2
	// text to Mia: parcel P-88 is waiting for you
	// text to Joe: parcel P-91 is waiting for you
	// cursors: 2 2
	// cursors: 2 2
}
