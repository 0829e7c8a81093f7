//go:build ignore

package auction

import (
	"fmt"
	"strings"
	"time"
)

// Event is a fact about one lot of the auction, named in the past tense.
type Event interface {
	// LotID is the lot the event happened to: its stream in the store.
	LotID() string
	// EventType is the event's name, such as "BidPlaced".
	EventType() string
}

// LotOpened: the auctioneer put a lot up for bidding, from a start price
// until a closing time.
type LotOpened struct {
	Lot        string
	Title      string
	StartPrice int
	ClosesAt   time.Time
}

// BidPlaced: the auction accepted a bid. It is the lot's price now.
type BidPlaced struct {
	Lot    string
	Bidder string
	Amount int
	At     time.Time // when the bidder made it
}

// BiddersWarned (Part 2): everyone who had bid on the lot so far was told
// that it closes in two minutes. Bidders are listed once each, in the
// order of their first bid.
type BiddersWarned struct {
	Lot     string
	Bidders []string
}

// LotClosed: the hammer fell. Winner is who made the highest bid, and
// Amount what they pay; a lot nobody bid on closes with no Winner ("")
// and Amount 0.
type LotClosed struct {
	Lot    string
	Winner string
	Amount int
}

// LotID returns the lot that was opened.
func (e LotOpened) LotID() string { return e.Lot }

// LotID returns the lot bid on.
func (e BidPlaced) LotID() string { return e.Lot }

// LotID returns the lot whose bidders were warned.
func (e BiddersWarned) LotID() string { return e.Lot }

// LotID returns the lot that was closed.
func (e LotClosed) LotID() string { return e.Lot }

// EventType returns "LotOpened".
func (LotOpened) EventType() string { return "LotOpened" }

// EventType returns "BidPlaced".
func (BidPlaced) EventType() string { return "BidPlaced" }

// EventType returns "BiddersWarned".
func (BiddersWarned) EventType() string { return "BiddersWarned" }

// EventType returns "LotClosed".
func (LotClosed) EventType() string { return "LotClosed" }

// ClockTime writes a time of day as the auction's posters do: "19:58", or
// "19:58:30" when the seconds are not zero.
func ClockTime(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// DescribeEvents writes each event as its type name and fields, such as
// BidPlaced{Lot:lot-1 Bidder:ada Amount:120 At:19:05}, with times of day
// as ClockTime writes them. The tests compare events this way, so a
// failing test names each event it shows.
func DescribeEvents(events []Event) []string {
	out := []string{}
	for _, e := range events {
		switch e := e.(type) {
		case nil:
			out = append(out, "<nil>")
		case LotOpened:
			out = append(out, fmt.Sprintf("LotOpened{Lot:%s Title:%s StartPrice:%d ClosesAt:%s}", e.Lot, e.Title, e.StartPrice, ClockTime(e.ClosesAt)))
		case BidPlaced:
			out = append(out, fmt.Sprintf("BidPlaced{Lot:%s Bidder:%s Amount:%d At:%s}", e.Lot, e.Bidder, e.Amount, ClockTime(e.At)))
		case BiddersWarned:
			out = append(out, fmt.Sprintf("BiddersWarned{Lot:%s Bidders:[%s]}", e.Lot, strings.Join(e.Bidders, " ")))
		case LotClosed:
			out = append(out, fmt.Sprintf("LotClosed{Lot:%s Winner:%s Amount:%d}", e.Lot, e.Winner, e.Amount))
		default:
			out = append(out, e.EventType()+fmt.Sprintf("%+v", e))
		}
	}
	return out
}
