package examples

import "fmt"

// The board lags behind the log until it is refreshed, and a refresh
// starts where the last one stopped.
func ExampleBoard_Refresh() {
	log := &HarbourLog{}
	board := NewBoard()
	log.Record(BoatMoored{Boat: "Curlew", Berth: 4})
	log.Record(BoatMoored{Boat: "Puffin", Berth: 9})
	fmt.Println(board.Refresh(log), board.InPort())

	log.Record(BoatSailed{Boat: "Curlew"})
	berth, ok := board.Berth("Curlew")
	fmt.Println("before the refresh:", berth, ok)

	fmt.Println(board.Refresh(log), board.InPort())
	berth, ok = board.Berth("Curlew")
	fmt.Println("after the refresh:", berth, ok)
	// Output:
	// 2 [Curlew Puffin]
	// before the refresh: 4 true
	// 1 [Puffin]
	// after the refresh: 0 false
}

// An entry delivered a second time changes nothing: the checkpoint says
// the board has shown it.
func ExampleBoard_Show() {
	log := &HarbourLog{}
	log.Record(BoatMoored{Boat: "Curlew", Berth: 4})
	log.Record(BoatSailed{Boat: "Curlew"})
	board := NewBoard()
	board.Refresh(log)

	board.Show(log.After(0)[0]) // "Curlew moored at 4", again
	fmt.Println(board.InPort())
	// Output: []
}

// A board is only a copy of what the log says: throw it away, build a new
// one from position 0, and it shows the same thing.
func ExampleNewBoard() {
	log := &HarbourLog{}
	old := NewBoard()
	log.Record(BoatMoored{Boat: "Curlew", Berth: 4})
	old.Refresh(log)
	log.Record(BoatMoored{Boat: "Puffin", Berth: 9})
	log.Record(BoatSailed{Boat: "Curlew"})
	log.Record(BoatMoored{Boat: "Gannet", Berth: 4})
	old.Refresh(log)

	fresh := NewBoard()
	fresh.Refresh(log)
	fmt.Println(old.InPort(), fresh.InPort())
	// Output: [Gannet Puffin] [Gannet Puffin]
}
