//go:build ignore

package auction

import (
	// Part 2: bids from phones, the timetable and the results.
	"errors"
	// End of Part 2.
	"sync"
)

// Decide applies the auction's rules to a command on a lot as it is, and
// returns the events that record the decision, or a refusal.
func Decide(lot Lot, cmd Command) ([]Event, error) {
	switch c := cmd.(type) {
	case OpenLot:
		if lot.Opened {
			return nil, ErrLotExists
		}
		if c.StartPrice < 1 {
			return nil, ErrInvalidPrice
		}
		return []Event{LotOpened{Lot: c.Lot, Title: c.Title, StartPrice: c.StartPrice, ClosesAt: c.ClosesAt}}, nil
	case PlaceBid:
		if !lot.Opened {
			return nil, ErrUnknownLot
		}
		if lot.Closed || !c.At.Before(lot.ClosesAt) {
			return nil, ErrLotClosed
		}
		if lot.Bids == 0 && c.Amount < lot.StartPrice {
			return nil, ErrBidTooLow
		}
		if lot.Bids > 0 && c.Amount <= lot.Price {
			return nil, ErrBidTooLow
		}
		return []Event{BidPlaced{Lot: c.Lot, Bidder: c.Bidder, Amount: c.Amount, At: c.At}}, nil
	case CloseLot:
		if !lot.Opened {
			return nil, ErrUnknownLot
		}
		if lot.Closed {
			return nil, ErrLotClosed
		}
		return []Event{LotClosed{Lot: c.Lot, Winner: lot.Leader, Amount: lot.Price}}, nil
	}
	return nil, ErrUnknownCommand
}

// Handle loads the command's lot, decides, and appends the events
// expecting the version it loaded.
func Handle(store *EventStore, cmd Command) ([]Event, error) {
	if cmd == nil {
		return nil, ErrUnknownCommand
	}
	lot := LoadLot(store, cmd.LotID())
	events, err := Decide(lot, cmd)
	if err != nil {
		return nil, err
	}
	if _, err := store.Append(cmd.LotID(), lot.Version, events); err != nil {
		return nil, err
	}
	return events, nil
}

// Bidding handles commands from many goroutines at once, one at a time per
// lot: a lock for each lot.
type Bidding struct {
	store *EventStore
	mu    sync.Mutex             // guards locks
	locks map[string]*sync.Mutex // one per lot
}

// NewBidding returns a Bidding that handles commands on store.
func NewBidding(store *EventStore) *Bidding {
	return &Bidding{store: store, locks: map[string]*sync.Mutex{}}
}

// Handle handles one command with Handle while holding its lot's lock.
func (b *Bidding) Handle(cmd Command) ([]Event, error) {
	if cmd == nil {
		return nil, ErrUnknownCommand
	}
	b.mu.Lock()
	lock, ok := b.locks[cmd.LotID()]
	if !ok {
		lock = &sync.Mutex{}
		b.locks[cmd.LotID()] = lock
	}
	b.mu.Unlock()

	lock.Lock()
	defer lock.Unlock()
	return Handle(b.store, cmd)
}

// Part 2: bids from phones, the timetable and the results.

// BidOptimistically decides a bid on the lot as the bidder saw it at
// version seen and appends expecting that version; on a conflict it
// reloads the lot as it is now and decides again, until the bid is
// recorded or refused. It returns how many conflicts it met.
func BidOptimistically(store *EventStore, cmd PlaceBid, seen int) ([]Event, int, error) {
	conflicts := 0
	lot := LoadLotAt(store, cmd.Lot, seen)
	for {
		events, err := Decide(lot, cmd)
		if err != nil {
			return nil, conflicts, err
		}
		_, err = store.Append(cmd.Lot, lot.Version, events)
		if err == nil {
			return events, conflicts, nil
		}
		if !errors.Is(err, ErrWrongExpectedVersion) {
			return nil, conflicts, err
		}
		conflicts++
		lot = LoadLot(store, cmd.Lot)
	}
}

// Auctioneer handles commands and keeps the evening's timetable: when a
// lot opens, it schedules the two-minute warning and the close.
type Auctioneer struct {
	store    *EventStore
	sched    *Scheduler
	notifier *Notifier
}

// NewAuctioneer returns an auctioneer working on store, sched and notifier.
func NewAuctioneer(store *EventStore, sched *Scheduler, notifier *Notifier) *Auctioneer {
	return &Auctioneer{store: store, sched: sched, notifier: notifier}
}

// Handle handles a command; after a LotOpened it schedules WarnBidders at
// ClosesAt minus WarningBefore and the close at ClosesAt.
func (a *Auctioneer) Handle(cmd Command) ([]Event, error) {
	events, err := Handle(a.store, cmd)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		switch e := e.(type) {
		case LotOpened:
			id := e.Lot
			a.sched.At(e.ClosesAt.Add(-WarningBefore), "warn "+id, func() {
				_, _ = a.WarnBidders(id)
			})
			a.sched.At(e.ClosesAt, "close "+id, func() {
				_, _ = a.Handle(CloseLot{Lot: id})
			})
		}
	}
	return events, nil
}

// WarnBidders records BiddersWarned for a lot, then warns each of its
// bidders, and returns how many it warned. A lot already warned, or
// closed, warns nobody.
func (a *Auctioneer) WarnBidders(id string) (int, error) {
	for {
		lot := LoadLot(a.store, id)
		if !lot.Opened {
			return 0, ErrUnknownLot
		}
		if lot.Warned || lot.Closed {
			return 0, nil
		}
		bidders := append([]string{}, lot.Bidders...)
		_, err := a.store.Append(id, lot.Version, []Event{BiddersWarned{Lot: id, Bidders: bidders}})
		if errors.Is(err, ErrWrongExpectedVersion) {
			continue
		}
		if err != nil {
			return 0, err
		}
		for _, b := range bidders {
			a.notifier.Warn(b, id, lot.ClosesAt)
		}
		return len(bidders), nil
	}
}

// Results projects every lot's result from the store, in the order the
// lots were opened.
func Results(store *EventStore) []Result {
	results := []Result{}
	index := map[string]int{}
	for _, r := range store.ReadAll(1) {
		switch e := r.Event.(type) {
		case LotOpened:
			index[e.Lot] = len(results)
			results = append(results, Result{Lot: e.Lot, Title: e.Title, History: []Bid{}})
		case BidPlaced:
			i, ok := index[e.Lot]
			if ok {
				res := results[i]
				res.History = append(res.History, Bid{Bidder: e.Bidder, Amount: e.Amount, At: e.At})
				results[i] = res
			}
		case LotClosed:
			i, ok := index[e.Lot]
			if ok {
				res := results[i]
				res.Closed = true
				res.Winner = e.Winner
				res.Amount = e.Amount
				results[i] = res
			}
		}
	}
	return results
}

// End of Part 2.
