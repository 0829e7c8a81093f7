//go:build ignore

package auction

// Part 1 ---------------------------------------------------------------

// Decide applies the auction's rules to a command on a lot as it is (lot
// was folded from the lot's stream), and returns the events that record
// the decision, or a refusal. It changes nothing itself.
//
//   - OpenLot: ErrLotExists if the lot was opened already, ErrInvalidPrice
//     for a start price below 1; otherwise LotOpened.
//   - PlaceBid: ErrUnknownLot for a lot never opened; ErrLotClosed if the
//     hammer fell or the bid was made at or after ClosesAt; ErrBidTooLow
//     for a first bid below the start price, or a later bid that is not
//     above the price. Otherwise BidPlaced, with the bid's At.
//   - CloseLot: ErrUnknownLot, ErrLotClosed if it closed already; otherwise
//     LotClosed with the leader as Winner and the price as Amount ("" and
//     0 when nobody bid).
//   - Anything else, nil included: ErrUnknownCommand.
func Decide(lot Lot, cmd Command) ([]Event, error) {
	panic("TODO(ch15): implement Decide")
}

// Handle handles one command: it loads the command's lot (LoadLot),
// decides, appends the events expecting the version it loaded, and
// returns them. A refusal, or an append that fails, returns the error
// (and nil events) and stores nothing. A nil command is ErrUnknownCommand.
func Handle(store *EventStore, cmd Command) ([]Event, error) {
	panic("TODO(ch15): implement Handle")
}

// Bidding handles commands that arrive from many goroutines at once. The
// commands of one lot are handled one at a time, each on the lot as the
// one before left it, so none of them meets a conflict; commands on
// different lots need not wait for each other.
type Bidding struct {
	// TODO(ch15): the store, and what keeps each lot's commands in line.
}

// NewBidding returns a Bidding that handles commands on store.
func NewBidding(store *EventStore) *Bidding {
	panic("TODO(ch15): implement NewBidding")
}

// Handle handles a command with Handle, one at a time per lot. It is safe
// to call from many goroutines at once. A nil command is
// ErrUnknownCommand.
func (b *Bidding) Handle(cmd Command) ([]Event, error) {
	panic("TODO(ch15): implement Bidding.Handle")
}

// Part 2 ---------------------------------------------------------------

// BidOptimistically places a bid without any lock of its own. It decides
// on the lot as the bidder saw it, at version seen (LoadLotAt), and
// appends expecting the version of the lot it decided on. If the store
// says the lot moved on meanwhile (ErrWrongExpectedVersion), it counts a
// conflict, reloads the lot as it is now and decides again, until the bid
// is recorded or refused. A refusal is final, even one decided on the
// version the bidder saw. It returns the events recorded (nil when
// refused), how many conflicts it met, and the refusal.
func BidOptimistically(store *EventStore, cmd PlaceBid, seen int) ([]Event, int, error) {
	panic("TODO(ch15): implement BidOptimistically")
}

// Auctioneer handles commands and keeps the evening's timetable on a
// Scheduler.
type Auctioneer struct {
	// TODO(ch15): the store, the scheduler and the notifier.
}

// NewAuctioneer returns an auctioneer that records on store, schedules on
// sched and sends its warnings through notifier.
func NewAuctioneer(store *EventStore, sched *Scheduler, notifier *Notifier) *Auctioneer {
	panic("TODO(ch15): implement NewAuctioneer")
}

// Handle handles a command as Handle does. When it opens a lot, it also
// schedules two jobs on the scheduler: "warn lot-1" (for lot-1), which
// calls WarnBidders, at the lot's ClosesAt minus WarningBefore; and
// "close lot-1", which handles CloseLot{Lot: "lot-1"}, at ClosesAt. (If
// the lot was closed by hand before, that close is refused: fine.)
func (a *Auctioneer) Handle(cmd Command) ([]Event, error) {
	panic("TODO(ch15): implement Auctioneer.Handle")
}

// WarnBidders gives a lot's two-minute warning, once. It records
// BiddersWarned with the lot's bidders so far (once each, in the order of
// their first bid), expecting the version it loaded (a bid that got in
// first makes that a conflict: then it loads the lot again and tries
// again), and only then sends each of them notifier.Warn(bidder, lot, the
// lot's ClosesAt). It returns
// how many bidders it warned. A lot warned already, or closed, warns
// nobody (0, nil); a lot never opened is ErrUnknownLot. A lot nobody bid on
// still records its BiddersWarned, with no bidders.
func (a *Auctioneer) WarnBidders(lot string) (int, error) {
	panic("TODO(ch15): implement WarnBidders")
}

// Results is the read model of the evening: one Result for every lot in
// the store, in the order the lots were opened, projected from ReadAll.
// A Result's History holds the lot's accepted bids, oldest first (an empty
// slice, not nil, when there are none); Winner and Amount come from its
// LotClosed.
func Results(store *EventStore) []Result {
	panic("TODO(ch15): implement Results")
}
