//go:build ignore

package auction

import (
	"fmt"
	"strings"
	"time"
)

// Bid is one accepted bid in a lot's history.
type Bid struct {
	Bidder string
	Amount int
	At     time.Time
}

// Result is the read model of one lot, for the board at the end of the
// evening: its winner (once the hammer fell) and every bid it accepted.
type Result struct {
	Lot     string
	Title   string
	Closed  bool
	Winner  string // "" until the lot closed, and for a lot nobody bid on
	Amount  int    // what the winner pays; 0 until the lot closed
	History []Bid  // the accepted bids, oldest first
}

// DescribeResult writes a result on one line, such as
// "lot-1 Painting of the quay: closed, won by ada for 150; bids: alan 120 at 19:10, ada 150 at 19:30".
func DescribeResult(r Result) string {
	state := "open"
	if r.Closed && r.Winner == "" {
		state = "closed, no winner"
	} else if r.Closed {
		state = fmt.Sprintf("closed, won by %s for %d", r.Winner, r.Amount)
	}
	bids := []string{}
	for _, b := range r.History {
		bids = append(bids, fmt.Sprintf("%s %d at %s", b.Bidder, b.Amount, ClockTime(b.At)))
	}
	return fmt.Sprintf("%s %s: %s; bids: %s", r.Lot, r.Title, state, strings.Join(bids, ", "))
}

// DescribeResults describes each result with DescribeResult.
func DescribeResults(results []Result) []string {
	out := []string{}
	for _, r := range results {
		out = append(out, DescribeResult(r))
	}
	return out
}
