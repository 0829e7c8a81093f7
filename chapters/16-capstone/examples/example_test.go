package examples

import (
	"errors"
	"fmt"
)

// An event goes into a row as its type name and its data, and comes back
// out as the same struct.
func ExampleToRow() {
	row, _ := ToRow("book-12", 3, BookLent{Book: "Middlemarch", Borrower: "Ines"})
	fmt.Printf("%+v\n", row)
	back, _ := FromRow(row)
	fmt.Printf("%T %+v\n", back, back)
	// Output:
	// {Stream:book-12 Version:3 Type:BookLent Data:{"Book":"Middlemarch","Borrower":"Ines"}}
	// examples.BookLent {Book:Middlemarch Borrower:Ines}
}

// Two librarians read the same version of a book's stream, both decide
// to lend it, and both insert the next version. Both checks passed; the
// unique key lets only the first insert through.
func ExampleTable_Insert() {
	var t Table
	first, _ := ToRow("book-12", 1, BookLent{Book: "Middlemarch", Borrower: "Ines"})
	t.Insert(first)

	seenByAnna := t.Version("book-12") // 1
	seenByBen := t.Version("book-12")  // 1, at the same moment

	annas, _ := ToRow("book-12", seenByAnna+1, BookReturned{Book: "Middlemarch"})
	bens, _ := ToRow("book-12", seenByBen+1, BookReturned{Book: "Middlemarch"})
	fmt.Println("Anna:", t.Insert(annas))
	err := t.Insert(bens)
	fmt.Println("Ben:", err, errors.Is(err, ErrDuplicateKey))
	fmt.Println("version now:", t.Version("book-12"))
	// Output:
	// Anna: <nil>
	// Ben: insert book-12/2: duplicate key (stream, version) true
	// version now: 2
}
