package examples

import "fmt"

// harbourLog is a morning at the harbour.
func harbourLog() *Log {
	log := &Log{}
	log.Write("Heron", true, "B3")
	log.Write("Puffin", true, "A1")
	log.Write("Heron", false, "")
	log.Write("Osprey", true, "B3")
	return log
}

func ExampleFollow() {
	log := harbourLog()
	quay, visits := NewQuay(), NewVisits()
	fmt.Println("quay takes", Follow(log, quay))
	log.Write("Heron", true, "C2")
	fmt.Println("visits takes", Follow(log, visits))
	fmt.Println("quay has seen", quay.Seen(), "visits has seen", visits.Seen())
	fmt.Println("Heron on the quay board:", quay.berth["Heron"] != "", "- Heron's visits:", visits.count["Heron"])
	fmt.Println("quay takes", Follow(log, quay), "and now shows Heron at", quay.berth["Heron"])
	// Output:
	// quay takes 4
	// visits takes 5
	// quay has seen 4 visits has seen 5
	// Heron on the quay board: false - Heron's visits: 2
	// quay takes 1 and now shows Heron at C2
}

func ExampleTally_Run() {
	for _, apart := range []bool{true, false} {
		drawer := NewDrawer(1) // jams after one save
		tally := &Tally{drawer: drawer, apart: apart}
		err := tally.Run(harbourLog())
		drawer.Mend()
		restarted := &Tally{drawer: drawer, apart: apart}
		restarted.Run(harbourLog())
		fmt.Printf("apart %v: %v; after the restart, %d boats in\n", apart, err, drawer.numbers["boats in"])
	}
	// Output:
	// apart true: the drawer is jammed; after the restart, 4 boats in
	// apart false: the drawer is jammed; after the restart, 3 boats in
}
