package examples

import (
	"fmt"
	"os"
	"time"
)

var (
	monday  = time.Date(2024, time.March, 4, 10, 0, 0, 0, time.UTC)
	tuesday = monday.Add(24 * time.Hour)
	log     = []Loan{
		{At: monday, Book: "Moby-Dick", Borrower: "Ines"},
		{At: monday.Add(2 * time.Hour), Book: "Middlemarch", Borrower: `Tomás "the auditor"`},
		{At: tuesday, Book: "Moby-Dick"},
		{At: tuesday, Book: "Moby-Dick", Borrower: "Priya"},
	}
)

// The library's card index only knows who has a book now; the log can
// answer for any moment.
func ExampleOutAsOf() {
	fmt.Println(OutAsOf(log, monday.Add(-time.Minute)))
	fmt.Println(OutAsOf(log, monday.Add(3*time.Hour)))
	fmt.Println(OutAsOf(log, tuesday))
	// Output:
	// map[]
	// map[Middlemarch:Tomás "the auditor" Moby-Dick:Ines]
	// map[Middlemarch:Tomás "the auditor" Moby-Dick:Priya]
}

// The csv.Writer quotes a cell that needs it, and doubles its quotes.
func ExampleWriteLog() {
	if err := WriteLog(log, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// line,at,book,borrower
	// 1,2024-03-04T10:00:00Z,Moby-Dick,Ines
	// 2,2024-03-04T12:00:00Z,Middlemarch,"Tomás ""the auditor"""
	// 3,2024-03-05T10:00:00Z,Moby-Dick,
	// 4,2024-03-05T10:00:00Z,Moby-Dick,Priya
}
