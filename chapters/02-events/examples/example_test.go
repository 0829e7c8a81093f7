package examples

import "fmt"

func ExampleDecide() {
	book := Book{Title: "Dune"}
	events, err := Decide(book, BorrowBook{Title: "Dune", Member: "Ines"})
	fmt.Println(events, err)
	fmt.Printf("borrower still %q: Decide changed nothing\n", book.Borrower)
	// Output:
	// [{Dune Ines}] <nil>
	// borrower still "": Decide changed nothing
}

func ExampleDecide_refused() {
	book := Book{Title: "Dune", Borrower: "Ines"}
	events, err := Decide(book, BorrowBook{Title: "Dune", Member: "Tomás"})
	fmt.Println(len(events), err)
	events, err = Decide(book, ReturnBook{Title: "Dune", Member: "Tomás"})
	fmt.Println(len(events), err)
	// Output:
	// 0 book is already on loan
	// 0 book is not on loan to this member
}

func ExampleToRecord() {
	r, _ := ToRecord(BookReturned{Title: "Dune", Member: "Ines"})
	fmt.Println(r.Type)
	fmt.Println(r.Data)
	// Output:
	// BookReturned
	// {"Title":"Dune","Member":"Ines"}
}

func ExampleOverwrite() {
	row := Row{ID: "acc-1", Balance: 100}
	Overwrite(&row, 50)
	Overwrite(&row, -30)
	fmt.Println(row.Balance)
	// Output:
	// 120
}
