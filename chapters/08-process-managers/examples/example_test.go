package examples

import (
	"errors"
	"fmt"
	"strings"
)

// show prints an event as its type and fields.
func show(e TripEvent) string {
	if e == nil {
		return "nothing"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T%+v", e, e), "examples.")
}

// Run undoes the steps already done, the latest first, when a later step
// is refused.
func ExampleRun() {
	p := PartnerFunc(func(r Request) error {
		fmt.Println(r.ID, r.Action)
		if r.Action == "guide" {
			return errors.New("no guide on Sundays")
		}
		return nil
	})
	reason, err := Run("tour-2", []Step{
		{Name: "charge", Action: "charge", Amount: 95, Undo: "refund"},
		{Name: "ferry", Action: "seat", Undo: "release seat"},
		{Name: "guide", Action: "guide"},
	}, p)
	fmt.Printf("reason %q, error %v\n", reason, err)
	// Output:
	// tour-2/charge charge
	// tour-2/ferry seat
	// tour-2/guide guide
	// tour-2/ferry/undo release seat
	// tour-2/charge/undo refund
	// reason "no guide on Sundays", error <nil>
}

func ExampleContinue() {
	desk := &Desk{CabinsLeft: 1}
	history := []TripEvent{TripRequested{Trip: "trip-4", Traveller: "Mrs Okafor", Fare: 480}}
	end, err := Continue(history, desk)
	fmt.Println(show(end), err)
	fmt.Println(desk.Done)
	// Output:
	// TripBooked{Trip:trip-4} <nil>
	// [charge 480 cabin]
}

// The ferry is full: the fare is refunded, and the trip ends cancelled.
// Handed its history again, the trip is over and nothing happens.
func ExampleContinue_refund() {
	desk := &Desk{CabinsLeft: 0}
	history := []TripEvent{TripRequested{Trip: "trip-5", Traveller: "Mr Brandt", Fare: 480}}
	end, err := Continue(history, desk)
	fmt.Println(show(end), err)
	fmt.Println(desk.Done)

	history = append(history, end)
	end, err = Continue(history, desk)
	fmt.Println(show(end), err)
	fmt.Println(desk.Done)
	// Output:
	// TripCancelled{Trip:trip-5 Reason:no cabin left} <nil>
	// [charge 480 refund 480]
	// nothing <nil>
	// [charge 480 refund 480]
}

// The card company takes the fare, but its answer is lost. The trip
// records nothing and waits; run again, it sends the same charge request,
// which the card company recognises, and the fare is taken once.
func ExampleContinue_lostAnswer() {
	desk := &Desk{CabinsLeft: 1, LoseAnswer: "trip-6/charge"}
	history := []TripEvent{TripRequested{Trip: "trip-6", Traveller: "Ines", Fare: 480}}
	end, err := Continue(history, desk)
	fmt.Println(show(end), err)
	fmt.Println(desk.Done)

	end, err = Continue(history, desk)
	fmt.Println(show(end), err)
	fmt.Println(desk.Done)
	// Output:
	// nothing trip-6/charge: no answer
	// [charge 480]
	// TripBooked{Trip:trip-6} <nil>
	// [charge 480 cabin]
}
