package examples

import (
	"errors"
	"fmt"
)

func ExampleCards_Write() {
	ledger := NewCards()
	ledger.Write("Dune", 0, Entry{What: "lent", Member: "Maya"}, Entry{What: "returned", Member: "Maya"})

	// Two librarians look at the card of Dune at the same moment.
	cardA, seenByAsha := ledger.Read("Dune")
	cardB, seenByBen := ledger.Read("Dune")

	// Both decide that the book is on the shelf: both are right, for now.
	lendA, _ := Lend(cardA, "Noah")
	lendB, _ := Lend(cardB, "Olu")

	// Asha writes first and wins.
	v, err := ledger.Write("Dune", seenByAsha, lendA)
	fmt.Println("Asha:", v, err)

	// Ben's decision was made on a card that has changed since.
	_, err = ledger.Write("Dune", seenByBen, lendB)
	fmt.Println("Ben:", err, errors.Is(err, ErrCardChanged))

	// Ben reads again and decides again, and this time the answer is no.
	card, _ := ledger.Read("Dune")
	_, err = Lend(card, "Olu")
	fmt.Println("Ben, again:", err)
	// Output:
	// Asha: 3 <nil>
	// Ben: card of Dune: card changed since it was read: read at 2, now at 3 true
	// Ben, again: book is on loan to Noah
}

func ExampleCards_Read() {
	ledger := NewCards()
	ledger.Write("Emma", 0, Entry{What: "lent", Member: "Maya"})

	card, version := ledger.Read("Emma")
	card[0].Member = "somebody else" // scribbling on the copy...

	again, _ := ledger.Read("Emma")
	fmt.Println(version, again[0].Member) // ...leaves the ledger as it was
	_, none := ledger.Read("Persuasion")
	fmt.Println(none)
	// Output:
	// 1 Maya
	// 0
}
