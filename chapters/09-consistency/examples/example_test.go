package examples

import "fmt"

// The board lags behind the tally, and every reading says which line it
// reflects. Mia, who has just bought two loaves, knows the line her sale
// wrote, waits for the board to show it, and gives up after a few trips.
func ExampleReadAfter() {
	tally := &Tally{}
	board := NewBoard(tally)
	tally.Bake(12)
	tally.Sell(3)
	board.Trip()
	fmt.Println("board:", board.Read())

	line, _ := tally.Sell(2) // Mia's loaves
	fmt.Println("Mia's sale is line", line)
	fmt.Println(ReadAfter(board, line, 1))
	fmt.Println(ReadAfter(board, line, 5))
	// Output:
	// board: {12 1}
	// Mia's sale is line 3
	// {9 2} false
	// {7 3} true
}

// Two customers read "1 loaf" on the board and both ask for it. The tally
// decides, one sale after the other, against its own latest line.
func ExampleTally_Sell() {
	tally := &Tally{}
	board := NewBoard(tally)
	tally.Bake(1)
	board.Trip()
	fmt.Println("both read:", board.Read().Loaves, "loaf")

	line, err := tally.Sell(1)
	fmt.Println("Joe:", line, err)
	line, err = tally.Sell(1)
	fmt.Println("Asha:", line, err)
	fmt.Println("the board still says:", board.Read().Loaves, "loaf")
	// Output:
	// both read: 1 loaf
	// Joe: 2 <nil>
	// Asha: 0 sold out
	// the board still says: 1 loaf
}

// A caption says whether the board is up to date. A number can be right
// and still not up to date, and briefly wrong before it is right again.
func ExampleCaption() {
	tally := &Tally{}
	board := NewBoard(tally)
	tally.Bake(6)
	board.Trip()
	fmt.Println(Caption(board.Read(), tally))

	tally.Bake(4)
	tally.Sell(4)
	fmt.Println(Caption(board.Read(), tally))
	board.Trip()
	fmt.Println(Caption(board.Read(), tally))
	board.Trip()
	fmt.Println(Caption(board.Read(), tally))
	// Output:
	// 6 loaves (line 1, up to date)
	// 6 loaves (line 1; the tally is at line 3)
	// 10 loaves (line 2; the tally is at line 3)
	// 6 loaves (line 3, up to date)
}
