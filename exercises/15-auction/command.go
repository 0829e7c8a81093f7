//go:build ignore

package auction

import (
	"errors"
	"time"
)

// Command asks the auction to do something to one lot. It may be refused.
type Command interface {
	// LotID is the lot the command is about.
	LotID() string
	// CommandType is the command's name, such as "PlaceBid".
	CommandType() string
}

// OpenLot asks to put a lot up for bidding: bids of at least StartPrice
// are welcome until ClosesAt.
type OpenLot struct {
	Lot        string
	Title      string
	StartPrice int
	ClosesAt   time.Time
}

// PlaceBid is a bidder's offer of Amount for a lot, made At a time of day.
type PlaceBid struct {
	Lot    string
	Bidder string
	Amount int
	At     time.Time
}

// CloseLot asks the auctioneer to bring the hammer down on a lot.
type CloseLot struct {
	Lot string
}

// LotID returns the lot to open.
func (c OpenLot) LotID() string { return c.Lot }

// LotID returns the lot bid on.
func (c PlaceBid) LotID() string { return c.Lot }

// LotID returns the lot to close.
func (c CloseLot) LotID() string { return c.Lot }

// CommandType returns "OpenLot".
func (OpenLot) CommandType() string { return "OpenLot" }

// CommandType returns "PlaceBid".
func (PlaceBid) CommandType() string { return "PlaceBid" }

// CommandType returns "CloseLot".
func (CloseLot) CommandType() string { return "CloseLot" }

// The reasons the auction refuses a command. Refusals wrap one of them:
// test with errors.Is.
var (
	// ErrUnknownCommand: a nil command, or one the auction does not know.
	ErrUnknownCommand = errors.New("unknown command")
	// ErrUnknownLot: a bid on, or the close of, a lot never opened.
	ErrUnknownLot = errors.New("unknown lot")
	// ErrLotExists: opening a lot that was opened already.
	ErrLotExists = errors.New("lot exists already")
	// ErrInvalidPrice: opening a lot with a start price below 1.
	ErrInvalidPrice = errors.New("start price must be at least 1")
	// ErrBidTooLow: a first bid below the start price, or a later bid
	// that is not above the price.
	ErrBidTooLow = errors.New("bid too low")
	// ErrLotClosed: a bid at or after the closing time, or on a lot the
	// hammer fell on; or closing a lot twice.
	ErrLotClosed = errors.New("lot closed")
)
