package examples

import "fmt"

// season is the pump's log for a summer: one delivery of 10000 litres,
// then 299 boats that take 20 litres each.
func season() []FuelEvent {
	log := []FuelEvent{Delivered{Litres: 10000}}
	for len(log) < 300 {
		log = append(log, Pumped{Boat: "Curlew", Litres: 20})
	}
	return log
}

// A reading saves replaying the log up to it, and changes nothing else:
// with it or without it, the tank holds the same.
func ExampleLoadTank() {
	log := season()

	tank, replayed := LoadTank(log, nil)
	fmt.Printf("no reading:     %d litres at version %d, %d events replayed\n", tank.Litres, tank.Version, replayed)

	at200, _ := LoadTank(log[:200], nil) // the tank as it was at version 200
	reading := TakeReading(at200)
	tank, replayed = LoadTank(log, &reading)
	fmt.Printf("reading at %d: %d litres at version %d, %d events replayed\n", reading.Tank.Version, tank.Litres, tank.Version, replayed)
	// Output:
	// no reading:     4020 litres at version 300, 300 events replayed
	// reading at 200: 4020 litres at version 300, 100 events replayed
}

// A reading the code cannot read is ignored: the log is replayed from the
// start, and the answer is still right.
func ExampleLoadTank_otherUnit() {
	log := season()
	// The old pump's reading at version 200: 6020 litres, written as gallons.
	old := Reading{Unit: "gallons", Tank: Tank{Litres: 1590, Version: 200}}

	trusted := old.Tank // what trusting it would give: gallons taken for litres
	for _, e := range log[200:] {
		trusted.Apply(e)
	}
	fmt.Println("trusted:", trusted.Litres)

	tank, replayed := LoadTank(log, &old)
	fmt.Println("ignored:", tank.Litres, "litres,", replayed, "events replayed")
	// Output:
	// trusted: -410
	// ignored: 4020 litres, 300 events replayed
}
