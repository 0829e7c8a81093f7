//go:build ignore

package auction

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where a rule is stated: a failure names the day and the part.
const (
	inPart1 = " — day 15, Part 1"
	inPart2 = " — day 15, Part 2"
)

// The rules of Part 1, as the chapter states them.
const (
	ruleOpenExists    = "OpenLot: a lot opened before, even one closed since, is ErrLotExists" + inPart1
	ruleOpenPrice     = "OpenLot: then a start price below 1 is ErrInvalidPrice; otherwise LotOpened" + inPart1
	ruleBidUnknown    = "PlaceBid: a lot never opened is ErrUnknownLot" + inPart1
	ruleBidClosed     = "PlaceBid: then a closed lot, or a bid made at or after ClosesAt, is ErrLotClosed, whatever the amount" + inPart1
	ruleBidTooLow     = "PlaceBid: then a first bid below the start price, or a later bid not above the price, is ErrBidTooLow" + inPart1
	ruleBidPlaced     = "an accepted bid becomes BidPlaced, with the bid's time" + inPart1
	ruleCloseRefuse   = "CloseLot: a lot never opened is ErrUnknownLot, a closed one (closing twice) ErrLotClosed" + inPart1
	ruleClose         = "CloseLot: otherwise LotClosed with the leader and the price, or no winner and 0 when nobody bid" + inPart1
	ruleUnknownCmd    = "a nil command, or one the auction does not know, is ErrUnknownCommand" + inPart1
	ruleHandle        = "Handle: load, decide, append expecting the version you loaded, and return the events; a refusal, or an append that fails, returns the error and stores nothing" + inPart1
	ruleEveryOrder    = "whatever the order of concurrent bids, each bid was recorded or refused as too low, the versions have no gap, every accepted bid beats the one before it, and the highest bid wins" + inPart1
	ruleOneAtATime    = "Bidding runs Handle one command at a time per lot, so the bids on a lot never conflict: the store must refuse no append at all, and retrying after a conflict does not pass" + inPart1
	ruleLotsDoNotWait = "Bidding runs Handle one command at a time per lot, and lots never wait for each other" + inPart1
)

// describeCommand writes a command as its type name and fields, with times
// of day as ClockTime writes them, such as
// PlaceBid{Lot:lot-1 Bidder:ada Amount:120 At:19:05}.
func describeCommand(cmd Command) string {
	if cmd == nil {
		return "<nil>"
	}
	switch c := cmd.(type) {
	case OpenLot:
		return fmt.Sprintf("OpenLot{Lot:%s Title:%s StartPrice:%d ClosesAt:%s}", c.Lot, c.Title, c.StartPrice, ClockTime(c.ClosesAt))
	case PlaceBid:
		return fmt.Sprintf("PlaceBid{Lot:%s Bidder:%s Amount:%d At:%s}", c.Lot, c.Bidder, c.Amount, ClockTime(c.At))
	case CloseLot:
		return fmt.Sprintf("CloseLot{Lot:%s}", c.Lot)
	}
	return cmd.CommandType() + fmt.Sprintf("%+v", cmd)
}

// describeStore writes what a store holds, as DescribeRecorded writes it,
// on one line.
func describeStore(recorded []string) string {
	if len(recorded) == 0 {
		return "an empty store"
	}
	return strings.Join(recorded, "; ")
}

// describeGiven writes a Given's events on one line.
func describeGiven(events []Event) string {
	if len(events) == 0 {
		return "no events: a lot never opened"
	}
	return strings.Join(DescribeEvents(events), "; ")
}

// lotFrom folds the given events into a lot: the Given of a test.
func lotFrom(events ...Event) Lot {
	lot := Lot{ID: "lot-1"}
	for _, e := range events {
		lot.Apply(e)
	}
	return lot
}

// lotOpened is lot-1, open from a start price of 100 until 20:00.
func lotOpened() LotOpened {
	return LotOpened{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)}
}

// bid is an accepted bid on lot-1.
func bid(bidder string, amount int, hour, minute int) BidPlaced {
	return BidPlaced{Lot: "lot-1", Bidder: bidder, Amount: amount, At: at(hour, minute, 0)}
}

// placeBid is a bid on lot-1 to decide.
func placeBid(bidder string, amount int, hour, minute, second int) PlaceBid {
	return PlaceBid{Lot: "lot-1", Bidder: bidder, Amount: amount, At: at(hour, minute, second)}
}

// outcome describes what handling a command gave: its events, or the
// refusal it wraps.
func outcome(events []Event, err error) string {
	if err != nil {
		for _, r := range []error{ErrUnknownCommand, ErrUnknownLot, ErrLotExists, ErrInvalidPrice, ErrBidTooLow, ErrLotClosed, ErrWrongExpectedVersion} {
			if errors.Is(err, r) {
				return "refused: " + r.Error()
			}
		}
		return "error: " + err.Error()
	}
	return fmt.Sprint(DescribeEvents(events))
}

func refused(err error) string { return "refused: " + err.Error() }

func recorded(descriptions ...string) string { return fmt.Sprint(descriptions) }

// TestPart1Example is the worked example of Part 1: two lots, handled line
// by line through a Bidding.
func TestPart1Example(t *testing.T) {
	example := []struct {
		line string
		want string
		why  string // the worked example's words
	}{
		{"19:00:00 open lot-1 100 20:00:00 Painting of the quay", recorded("LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}"),
			"lot-1 opens at a start price of 100 until 20:00"},
		{"19:02:00 open lot-2 200 20:30:00 A weekend in the cabin", recorded("LotOpened{Lot:lot-2 Title:A weekend in the cabin StartPrice:200 ClosesAt:20:30}"),
			"lot-2 opens at 200 until 20:30"},
		{"19:05:00 bid lot-1 ada 120", recorded("BidPlaced{Lot:lot-1 Bidder:ada Amount:120 At:19:05}"),
			"Ada's 120 is lot-1's first bid and is at least 100: BidPlaced"},
		{"19:12:00 bid lot-1 grace 120", refused(ErrBidTooLow), // not above the price
			"Grace's 120 at 19:12 only equals the price: ErrBidTooLow"},
		{"19:15:00 bid lot-2 alan 150", refused(ErrBidTooLow), // a first bid below the start price
			"Alan's 150 on lot-2 is a first bid below its start price of 200: ErrBidTooLow"},
		{"19:20:00 bid lot-1 grace 150", recorded("BidPlaced{Lot:lot-1 Bidder:grace Amount:150 At:19:20}"),
			"Grace's 150 at 19:20 beats 120"},
		{"19:31:00 bid lot-1 ada 140", refused(ErrBidTooLow),
			"Ada's 140 at 19:31 does not beat 150: ErrBidTooLow"},
		{"19:40:00 bid lot-2 alan 200", recorded("BidPlaced{Lot:lot-2 Bidder:alan Amount:200 At:19:40}"), // the start price is enough
			"Alan's 200 on lot-2 equals the start price, which is enough for a first bid"},
		{"20:00:00 bid lot-1 alan 500", refused(ErrLotClosed), // at the closing time: too late
			"Alan's 500 on lot-1 comes at 20:00 exactly, the closing time: ErrLotClosed, however generous"},
		{"20:00:10 close lot-1", recorded("LotClosed{Lot:lot-1 Winner:grace Amount:150}"),
			"at 20:00:10 the hammer falls on lot-1: LotClosed with Grace as winner for 150"},
		{"20:31:00 close lot-2", recorded("LotClosed{Lot:lot-2 Winner:alan Amount:200}"),
			"at 20:31 lot-2 goes to Alan for 200"},
		{"20:32:00 close lot-2", refused(ErrLotClosed),
			"closing lot-2 again at 20:32 is ErrLotClosed"},
	}
	store := newPart1Store()
	bidding := NewBidding(store)
	lines := []string{}
	for _, tt := range example {
		lines = append(lines, tt.line)
		l, err := parseLine(tt.line)
		require.NoError(t, err, "parseLine(%q)", tt.line)
		events, err := bidding.Handle(l.cmd)
		assert.Equal(t, tt.want, outcome(events, err), "the worked example of Part 1, line %s: Bidding.Handle(%s): %s", tt.line, describeCommand(l.cmd), tt.why+inPart1)
	}
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @3 BidPlaced{Lot:lot-1 Bidder:ada Amount:120 At:19:05}",
		"lot-1 v3 @4 BidPlaced{Lot:lot-1 Bidder:grace Amount:150 At:19:20}",
		"lot-1 v4 @6 LotClosed{Lot:lot-1 Winner:grace Amount:150}",
	}, DescribeRecorded(store.ReadStream("lot-1", 1)), `ReadStream("lot-1", 1): refusals record nothing, so lot-1's stream holds four events`+inPart1)
	// lot-1: 150 × 2 bids = 300; lot-2: 200 × 1 bid = 200; 300 + 200 = 500.
	assert.Equal(t, 500, part1Answer(lines),
		"part1Answer(the worked example): the sum, over every lot closed with a winner, of the winning amount times the number of bids the lot accepted"+inPart1)
}

// decideCase is a Given (events) / When (command) / Then (events or
// refusal) case.
type decideCase struct {
	name  string
	given []Event
	when  Command
	then  []string // the events, described
	err   error    // or the refusal
	rule  string   // the chapter's rule the case checks, with its day and part
}

func checkDecide(t *testing.T, cases []decideCase) {
	t.Helper()
	for _, tt := range cases {
		lot := lotFrom(tt.given...)
		events, err := Decide(lot, tt.when)
		gw := fmt.Sprintf("%s:\nGiven: %s\nWhen: Decide(lot, %s)\nThen: ", tt.name, describeGiven(tt.given), describeCommand(tt.when))
		if tt.err != nil {
			assert.ErrorIs(t, err, tt.err, "%sit is refused: %s", gw, tt.rule)
			assert.Empty(t, DescribeEvents(events), "%sa refusal records no events: %s", gw, tt.rule)
			continue
		}
		if assert.NoError(t, err, "%sit is not refused: %s", gw, tt.rule) {
			assert.Equal(t, tt.then, DescribeEvents(events), "%sthe events: %s", gw, tt.rule)
		}
	}
}

func TestPart1FullOpenAndClose(t *testing.T) {
	opened := lotOpened()
	closed := LotClosed{Lot: "lot-1", Winner: "ada", Amount: 120}
	checkDecide(t, []decideCase{
		{"open a new lot", nil, OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)},
			[]string{"LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}"}, nil, ruleOpenPrice},
		{"a start price of 1", nil, OpenLot{Lot: "lot-1", Title: "Pebble", StartPrice: 1, ClosesAt: at(20, 0, 0)},
			[]string{"LotOpened{Lot:lot-1 Title:Pebble StartPrice:1 ClosesAt:20:00}"}, nil, ruleOpenPrice},
		{"open a lot twice", []Event{opened}, OpenLot{Lot: "lot-1", Title: "Again", StartPrice: 100, ClosesAt: at(21, 0, 0)}, nil, ErrLotExists, ruleOpenExists},
		{"open a closed lot", []Event{opened, closed}, OpenLot{Lot: "lot-1", Title: "Again", StartPrice: 100, ClosesAt: at(21, 0, 0)}, nil, ErrLotExists, ruleOpenExists},
		{"a start price of 0", nil, OpenLot{Lot: "lot-1", Title: "Free", StartPrice: 0, ClosesAt: at(20, 0, 0)}, nil, ErrInvalidPrice, ruleOpenPrice},
		{"a negative start price", nil, OpenLot{Lot: "lot-1", Title: "Debt", StartPrice: -5, ClosesAt: at(20, 0, 0)}, nil, ErrInvalidPrice, ruleOpenPrice},
		{"close with bids", []Event{opened, bid("ada", 120, 19, 5), bid("grace", 150, 19, 20)}, CloseLot{Lot: "lot-1"},
			[]string{"LotClosed{Lot:lot-1 Winner:grace Amount:150}"}, nil, ruleClose},
		{"close a lot nobody bid on", []Event{opened}, CloseLot{Lot: "lot-1"},
			[]string{"LotClosed{Lot:lot-1 Winner: Amount:0}"}, nil, ruleClose},
		{"close before the closing time", []Event{opened, bid("ada", 120, 19, 5)}, CloseLot{Lot: "lot-1"},
			[]string{"LotClosed{Lot:lot-1 Winner:ada Amount:120}"}, nil, ruleClose},
		{"close twice", []Event{opened, closed}, CloseLot{Lot: "lot-1"}, nil, ErrLotClosed, ruleCloseRefuse},
		{"close a lot never opened", nil, CloseLot{Lot: "lot-1"}, nil, ErrUnknownLot, ruleCloseRefuse},
		{"a nil command", []Event{opened}, nil, nil, ErrUnknownCommand, ruleUnknownCmd},
	})
}

func TestPart1FullBids(t *testing.T) {
	opened := lotOpened()
	closed := LotClosed{Lot: "lot-1", Winner: "ada", Amount: 120}
	checkDecide(t, []decideCase{
		{"a first bid at the start price", []Event{opened}, placeBid("ada", 100, 19, 5, 0),
			[]string{"BidPlaced{Lot:lot-1 Bidder:ada Amount:100 At:19:05}"}, nil, ruleBidTooLow},
		{"a first bid above it", []Event{opened}, placeBid("ada", 130, 19, 5, 30),
			[]string{"BidPlaced{Lot:lot-1 Bidder:ada Amount:130 At:19:05:30}"}, nil, ruleBidPlaced},
		{"a first bid below it", []Event{opened}, placeBid("ada", 99, 19, 5, 0), nil, ErrBidTooLow, ruleBidTooLow},
		{"a bid above the price", []Event{opened, bid("ada", 120, 19, 5)}, placeBid("grace", 121, 19, 6, 0),
			[]string{"BidPlaced{Lot:lot-1 Bidder:grace Amount:121 At:19:06}"}, nil, ruleBidTooLow},
		{"a bid at the price", []Event{opened, bid("ada", 120, 19, 5)}, placeBid("grace", 120, 19, 6, 0), nil, ErrBidTooLow, ruleBidTooLow},
		{"a bid between the start price and the price", []Event{opened, bid("ada", 120, 19, 5)}, placeBid("grace", 110, 19, 6, 0), nil, ErrBidTooLow, ruleBidTooLow},
		{"the leader raises their own bid", []Event{opened, bid("ada", 120, 19, 5)}, placeBid("ada", 125, 19, 6, 0),
			[]string{"BidPlaced{Lot:lot-1 Bidder:ada Amount:125 At:19:06}"}, nil, ruleBidTooLow},
		{"a second before the close", []Event{opened, bid("ada", 120, 19, 5)}, placeBid("grace", 200, 19, 59, 59),
			[]string{"BidPlaced{Lot:lot-1 Bidder:grace Amount:200 At:19:59:59}"}, nil, ruleBidClosed},
		{"at the closing time", []Event{opened, bid("ada", 120, 19, 5)}, placeBid("grace", 200, 20, 0, 0), nil, ErrLotClosed, ruleBidClosed},
		{"after the closing time, even a low bid", []Event{opened}, placeBid("grace", 5, 21, 0, 0), nil, ErrLotClosed, ruleBidClosed},
		{"after the hammer fell, before the closing time", []Event{opened, bid("ada", 120, 19, 5), closed}, placeBid("grace", 200, 19, 30, 0), nil, ErrLotClosed, ruleBidClosed},
		{"a lot never opened", nil, placeBid("ada", 100, 19, 5, 0), nil, ErrUnknownLot, ruleBidUnknown},
		{"after the warning", []Event{opened, bid("ada", 120, 19, 5), BiddersWarned{Lot: "lot-1", Bidders: []string{"ada"}}}, placeBid("grace", 130, 19, 59, 0),
			[]string{"BidPlaced{Lot:lot-1 Bidder:grace Amount:130 At:19:59}"}, nil, ruleBidClosed},
	})
}

func TestPart1FullHandle(t *testing.T) {
	store := newPart1Store()
	_, err := Handle(store, nil)
	assert.ErrorIs(t, err, ErrUnknownCommand, "Handle(store, nil): a nil command is ErrUnknownCommand"+inPart1)
	steps := []struct {
		cmd  Command
		want string
		rule string
	}{
		{placeBid("ada", 100, 19, 0, 0), refused(ErrUnknownLot), ruleBidUnknown},
		{OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)}, recorded("LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}"), ruleHandle},
		{OpenLot{Lot: "lot-1", Title: "Again", StartPrice: 50, ClosesAt: at(20, 0, 0)}, refused(ErrLotExists), ruleOpenExists},
		{placeBid("ada", 100, 19, 5, 0), recorded("BidPlaced{Lot:lot-1 Bidder:ada Amount:100 At:19:05}"), ruleBidTooLow},
		{placeBid("grace", 100, 19, 6, 0), refused(ErrBidTooLow), ruleBidTooLow},
		{placeBid("grace", 101, 19, 7, 0), recorded("BidPlaced{Lot:lot-1 Bidder:grace Amount:101 At:19:07}"), ruleBidTooLow},
		{CloseLot{Lot: "lot-1"}, recorded("LotClosed{Lot:lot-1 Winner:grace Amount:101}"), ruleClose},
		{placeBid("ada", 300, 19, 8, 0), refused(ErrLotClosed), ruleBidClosed},
	}
	for _, s := range steps {
		before := DescribeRecorded(store.ReadAll(1))
		events, err := Handle(store, s.cmd)
		assert.Equal(t, s.want, outcome(events, err), "Given: %s\nWhen: Handle(store, %s)\nThen: %s", describeStore(before), describeCommand(s.cmd), s.rule)
	}
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @2 BidPlaced{Lot:lot-1 Bidder:ada Amount:100 At:19:05}",
		"lot-1 v3 @3 BidPlaced{Lot:lot-1 Bidder:grace Amount:101 At:19:07}",
		"lot-1 v4 @4 LotClosed{Lot:lot-1 Winner:grace Amount:101}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1), the refusals recorded nothing: "+ruleHandle)
}

// bidders is how many goroutines bid on each lot at once.
const bidders = 40

// amountOf is what bidder i offers: 100 to 300 in steps of 5, every
// bidder a different amount (37 and 41 have no common factor), so
// exactly one bid is the highest.
func amountOf(i int) int {
	return 100 + (i*37%41)*5
}

// runConcurrently calls bid from one goroutine per bidder and lot, all at
// once, and returns each call's error by lot and bidder. A panic in a
// goroutine comes back as an error instead of ending the test run.
func runConcurrently(lots []string, bid func(lot string, i int) error) map[string][]error {
	got := map[string]error{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, lot := range lots {
		for i := 0; i < bidders; i++ {
			wg.Add(1)
			go func(lot string, i int) {
				defer wg.Done()
				var err error
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
					mu.Lock()
					got[fmt.Sprintf("%s/%d", lot, i)] = err
					mu.Unlock()
				}()
				<-start
				err = bid(lot, i)
			}(lot, i)
		}
	}
	close(start)
	wg.Wait()
	errs := map[string][]error{}
	for _, lot := range lots {
		list := []error{}
		for i := 0; i < bidders; i++ {
			list = append(list, got[fmt.Sprintf("%s/%d", lot, i)])
		}
		errs[lot] = list
	}
	return errs
}

// checkConcurrentLot checks what is certain after concurrent bids on one
// lot, whatever order they came in: every bid was recorded or refused as
// too low, the stream's versions have no gaps, the accepted amounts rise
// with the versions, the highest bid is among them, and the lot closes
// with it.
func checkConcurrentLot(t *testing.T, store *EventStore, lot string, errs []error) {
	t.Helper()
	accepted := 0
	for i, err := range errs {
		if err == nil {
			accepted++
			continue
		}
		if !errors.Is(err, ErrBidTooLow) {
			// The first wrong answer is enough: the other bids most
			// likely went wrong the same way.
			t.Fatalf("%s: bidder-%d's bid of %d: a bid is either recorded or refused as too low (%s), but got: %v", lot, i, amountOf(i), ruleEveryOrder, err)
		}
	}
	stream := store.ReadStream(lot, 1)
	require.Len(t, DescribeRecorded(stream), accepted+2, "%s: LotOpened, one BidPlaced per accepted bid, LotClosed: %s", lot, ruleEveryOrder)
	highest := 0
	for i := 0; i < bidders; i++ {
		if amountOf(i) > highest {
			highest = amountOf(i)
		}
	}
	last := 0
	for i, r := range stream {
		assert.Equal(t, i+1, r.Version, "%s: versions are 1, 2, 3, ... with no gaps: %s", lot, ruleEveryOrder)
		switch e := r.Event.(type) {
		case BidPlaced:
			assert.Greater(t, e.Amount, last, "%s v%d: every accepted bid is above the one before it: %s", lot, r.Version, ruleEveryOrder)
			last = e.Amount
		}
	}
	assert.Equal(t, highest, last, "%s: the highest bid is always accepted: %s", lot, ruleEveryOrder)
	assert.Equal(t, []string{fmt.Sprintf("LotClosed{Lot:%s Winner:bidder-%d Amount:%d}", lot, winnerOf(highest), highest)},
		DescribeEvents([]Event{stream[len(stream)-1].Event}), "%s: the highest bid wins: %s", lot, ruleEveryOrder)
}

// winnerOf returns the bidder who offered amount.
func winnerOf(amount int) int {
	for i := 0; i < bidders; i++ {
		if amountOf(i) == amount {
			return i
		}
	}
	return -1
}

func TestPart1FullConcurrentBids(t *testing.T) {
	store := newPart1Store()
	b := NewBidding(store)
	lots := []string{"lot-1", "lot-2"}
	for _, lot := range lots {
		_, err := b.Handle(OpenLot{Lot: lot, Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)})
		require.NoError(t, err, "opening %s", lot)
	}
	_, err := b.Handle(nil)
	assert.ErrorIs(t, err, ErrUnknownCommand, "Bidding.Handle(nil): a nil command is ErrUnknownCommand here too"+inPart1)
	errs := runConcurrently(lots, func(lot string, i int) error {
		_, err := b.Handle(PlaceBid{Lot: lot, Bidder: fmt.Sprintf("bidder-%d", i), Amount: amountOf(i), At: at(19, 30, i)})
		return err
	})
	for _, lot := range lots {
		_, err := b.Handle(CloseLot{Lot: lot})
		require.NoError(t, err, "closing %s", lot)
		checkConcurrentLot(t, store, lot, errs[lot])
	}
}

// pairUp is a read hook for the store that tries to make two readers of
// one stream meet: a reader waits up to patience for a second reader of
// its stream, and the two go on together. Without a lock per lot, two bids
// on one lot then both decide on the same version, and one of their
// appends is refused. With one, the second reader cannot come while the
// first holds the lot, and each read just waits out its patience.
type pairUp struct {
	mu       sync.Mutex
	waiting  map[string]chan struct{}
	patience time.Duration
}

func (p *pairUp) arrive(stream string) {
	p.mu.Lock()
	if other, ok := p.waiting[stream]; ok {
		delete(p.waiting, stream)
		p.mu.Unlock()
		close(other) // the first reader goes on, and so does this one
		return
	}
	mine := make(chan struct{})
	p.waiting[stream] = mine
	p.mu.Unlock()
	select {
	case <-mine:
	case <-time.After(p.patience):
		p.mu.Lock()
		if p.waiting[stream] == mine {
			delete(p.waiting, stream)
		}
		p.mu.Unlock()
	}
}

// TestPart1FullOneAtATime checks that a Bidding handles one lot's bids one
// at a time. The store's read hook holds back every reader of lot-5 for
// up to 20 ms, waiting for a second one: if a second bid on lot-5 can read
// the lot before the first has appended, the two decide on the same
// version and the store refuses one of the appends. A Bidding with a lock
// per lot never lets that happen, so the store must count no conflicts at
// all (retrying after a conflict is not enough: the conflict happened).
// Three rounds of 2, 3 and 4 bidders, each round bidding above the last.
func TestPart1FullOneAtATime(t *testing.T) {
	store := newPart1Store()
	b := NewBidding(store)
	_, err := b.Handle(OpenLot{Lot: "lot-5", Title: "Six guitar lessons", StartPrice: 100, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err, "opening lot-5")
	hook := &pairUp{waiting: map[string]chan struct{}{}, patience: 20 * time.Millisecond}
	store.readHook = hook.arrive
	highest := 0
	for round := 1; round <= 3; round++ {
		n := round + 1
		var mu sync.Mutex
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := []string{}
		for i := 0; i < n; i++ {
			amount := 100 + round*100 + i*10 // above every bid of the rounds before
			if amount > highest {
				highest = amount
			}
			wg.Add(1)
			go func(i, amount int) {
				defer wg.Done()
				var err error
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
					if err != nil && !errors.Is(err, ErrBidTooLow) {
						mu.Lock()
						errs = append(errs, fmt.Sprintf("round %d, bidder-%d's bid of %d: %v", round, i, amount, err))
						mu.Unlock()
					}
				}()
				<-start
				_, err = b.Handle(PlaceBid{Lot: "lot-5", Bidder: fmt.Sprintf("bidder-%d", i), Amount: amount, At: at(19, 30, round*10+i)})
			}(i, amount)
		}
		close(start)
		wg.Wait()
		if conflicts := store.Conflicts(); conflicts > 0 {
			store.readHook = nil
			t.Errorf("Bidding must apply one lot's bids one at a time: %d append(s) were refused as conflicts in round %d "+
				"(two bids on lot-5 read it at the same version; a lock per lot, held from loading the lot to appending, prevents that): %s", conflicts, round, ruleOneAtATime)
			return
		}
		if len(errs) > 0 {
			store.readHook = nil
			t.Errorf("every bid is either recorded or refused as too low (%s); %s", ruleEveryOrder, errs[0])
			return
		}
	}
	store.readHook = nil
	lot := LoadLot(store, "lot-5")
	assert.Equal(t, highest, lot.Price, "lot-5's price: the highest bid is always accepted: "+ruleEveryOrder)
}

// TestPart1FullLotsDoNotWait checks that a Bidding's lock is per lot: a bid
// on lot-b goes through while a bid on lot-a is in the middle of its
// handling. The store's read hook holds the reader of lot-a back until
// lot-b has been read, for up to 2 s: with one lock for every lot, lot-b's
// bid waits for lot-a's, and lot-a's reader waits in vain.
func TestPart1FullLotsDoNotWait(t *testing.T) {
	// Given two open lots, and lot-a's reader held back until lot-b is read,
	store := newPart1Store()
	b := NewBidding(store)
	for _, lot := range []string{"lot-a", "lot-b"} {
		_, err := b.Handle(OpenLot{Lot: lot, Title: "A painting", StartPrice: 100, ClosesAt: at(20, 0, 0)})
		require.NoError(t, err, "opening %s", lot)
	}
	aReading, bRead := make(chan struct{}), make(chan struct{})
	var aOnce, bOnce sync.Once
	waitedInVain := false
	store.readHook = func(stream string) {
		switch stream {
		case "lot-a":
			aOnce.Do(func() {
				close(aReading)
				select {
				case <-bRead:
				case <-time.After(2 * time.Second):
					waitedInVain = true
				}
			})
		case "lot-b":
			bOnce.Do(func() { close(bRead) })
		}
	}

	// when a bid on lot-a is being handled and a bid on lot-b comes in,
	var wg sync.WaitGroup
	var errA error
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, errA = b.Handle(PlaceBid{Lot: "lot-a", Bidder: "ada", Amount: 150, At: at(19, 30, 0)})
	}()
	<-aReading
	_, errB := b.Handle(PlaceBid{Lot: "lot-b", Bidder: "bea", Amount: 160, At: at(19, 30, 1)})
	wg.Wait()
	store.readHook = nil

	// then both are recorded, and lot-b's did not wait for lot-a's.
	assert.NoError(t, errA, "the bid on lot-a: "+ruleLotsDoNotWait)
	assert.NoError(t, errB, "the bid on lot-b: "+ruleLotsDoNotWait)
	assert.False(t, waitedInVain, "lot-b's bid waited for lot-a's (a lock per lot, not one for the whole Bidding): "+ruleLotsDoNotWait)
}
