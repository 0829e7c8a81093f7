package examples

import "fmt"

func ExampleLedger_Append() {
	ledger := NewLedger()
	ledger.Append("sailing-9", 0, []Booked{{Sailing: "sailing-9", Seats: 3}})

	// Two clerks load the same sailing at the same moment: one seat left.
	mia := ledger.Load("sailing-9")
	joe := ledger.Load("sailing-9")
	miaBooks, _ := Book(mia, 1)
	joeBooks, _ := Book(joe, 1)

	// Both expect the version they loaded. Only the first one is right.
	fmt.Println("Mia:", ledger.Append("sailing-9", mia.Version, miaBooks))
	fmt.Println("Joe:", ledger.Append("sailing-9", joe.Version, joeBooks))

	// Joe loads again and decides again, on what is true now.
	joe = ledger.Load("sailing-9")
	_, err := Book(joe, 1)
	fmt.Println("Joe, again:", err)
	fmt.Println("sold:", ledger.Load("sailing-9").Sold, "of", Seats)
	// Output:
	// Mia: <nil>
	// Joe: wrong expected version
	// Joe, again: not enough seats left
	// sold: 4 of 4
}

func ExampleLedger_Append_any() {
	// The same race, with appends that check nothing.
	ledger := NewLedger()
	ledger.Append("sailing-9", Any, []Booked{{Sailing: "sailing-9", Seats: 3}})
	mia := ledger.Load("sailing-9")
	joe := ledger.Load("sailing-9")
	miaBooks, _ := Book(mia, 1)
	joeBooks, _ := Book(joe, 1)
	ledger.Append("sailing-9", Any, miaBooks)
	ledger.Append("sailing-9", Any, joeBooks)
	fmt.Println("sold:", ledger.Load("sailing-9").Sold, "of", Seats)
	// Output:
	// sold: 5 of 4
}

func ExampleOnce() {
	ledger := NewLedger()
	office := NewOnce(ledger.Handle)
	for _, r := range []Request{
		{ID: "req-1", Sailing: "sailing-3", Seats: 3},
		{ID: "req-1", Sailing: "sailing-3", Seats: 3}, // no answer came back: sent again
		{ID: "req-2", Sailing: "sailing-3", Seats: 2},
		{ID: "req-3", Sailing: "sailing-3", Seats: 1},
		{ID: "req-2", Sailing: "sailing-3", Seats: 2}, // sent again: the same answer
	} {
		out := office.Handle(r)
		fmt.Println(r.ID, out.Events, out.Err)
	}
	fmt.Println("sold:", ledger.Load("sailing-3").Sold)
	// Output:
	// req-1 [{sailing-3 3}] <nil>
	// req-1 [{sailing-3 3}] <nil>
	// req-2 [] not enough seats left
	// req-3 [{sailing-3 1}] <nil>
	// req-2 [] not enough seats left
	// sold: 4
}

func ExampleRounds() {
	jobs := []Job{
		{"sailing-1", "book 2"},
		{"sailing-1", "book 1"},
		{"sailing-2", "book 4"},
		{"sailing-1", "book 1 more"},
		{"sailing-3", "book 3"},
		{"sailing-2", "book 1"},
	}
	for i, round := range Rounds(jobs) {
		fmt.Println("round", i+1, round)
	}
	// Output:
	// round 1 [{sailing-1 book 2} {sailing-2 book 4} {sailing-3 book 3}]
	// round 2 [{sailing-1 book 1} {sailing-2 book 1}]
	// round 3 [{sailing-1 book 1 more}]
}
