package examples

// AccountRow is one row of Kestrel Bank's old accounts table.
type AccountRow struct {
	ID      string
	Owner   string
	Balance int
}

// SetBalance is how the old system changes money: the Go twin of
// UPDATE accounts SET balance = ? WHERE id = ?. Whatever the balance was
// before, and why it changed, is gone.
func (r *AccountRow) SetBalance(balance int) {
	r.Balance = balance
}
