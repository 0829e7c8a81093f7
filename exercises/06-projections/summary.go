//go:build ignore

package bank

// AccountSummary is what the counter's screen knows about one account: a
// shape a view may keep for each account it has seen opened.
type AccountSummary struct {
	ID      string
	Owner   string
	Balance int
	Closed  bool
}
