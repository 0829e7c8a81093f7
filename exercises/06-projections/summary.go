//go:build ignore

package bank

// AccountSummary is one row of the read side's account list: what the
// counter's screen shows about an account.
type AccountSummary struct {
	ID      string
	Owner   string
	Balance int
	Closed  bool
}
