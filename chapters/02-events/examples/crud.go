package examples

// Row is a line of an accounts table that is updated in place.
type Row struct {
	ID      string
	Balance int
}

// Overwrite is how a CRUD system records a deposit: the old balance is
// replaced, and with it the answer to "what was it before, and why?".
func Overwrite(row *Row, amount int) {
	row.Balance += amount
}
