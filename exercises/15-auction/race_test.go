//go:build ignore

package auction

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules of Part 2, as the chapter states them.
const (
	ruleOptimistic    = "BidOptimistically: fold the lot up to version seen with LoadLotAt (a seen beyond the end of the stream gives the lot as it is), decide, and append expecting the version you decided on" + inPart2
	ruleRetry         = "if the store answers ErrWrongExpectedVersion, count a conflict, load the lot as it is now, decide again, and append again, until the bid is recorded or refused" + inPart2
	ruleRefusalEnds   = "a refusal ends it at once, even one decided on the version the bidder saw: that is the lot they bid on, and the bid did not stand there" + inPart2
	ruleConflicts     = "BidOptimistically returns the events (nil when refused), the conflicts and the error" + inPart2
	ruleAuctioneerNil = "the Auctioneer handles a command as Handle does: a nil command is ErrUnknownCommand" + inPart2
	ruleSchedule      = "for every lot it opens, the Auctioneer schedules two jobs, warn lot-1 at ClosesAt minus WarningBefore and close lot-1 at ClosesAt; a refused OpenLot schedules nothing" + inPart2
	ruleClosedByHand  = "if the lot was closed by hand before, the scheduled close is refused, and nothing more happens" + inPart2
	ruleWarn          = "WarnBidders records BiddersWarned, with everyone who bid so far (once each, in the order of their first bid), expecting the version it loaded, then calls notifier.Warn for each of them, and returns how many it warned" + inPart2
	ruleWarnNobody    = "a lot nobody bid on records BiddersWarned with nobody in it" + inPart2
	ruleWarnRetry     = "if a bid slips in between the load and the append, the append meets a conflict: load the lot again and try again, so the new bidder is in the warning too" + inPart2
	ruleWarnOnce      = "a lot already warned, or closed, warns nobody and records nothing (0, nil); a lot never opened is ErrUnknownLot" + inPart2
	ruleRecordFirst   = "record first, send after: if the process died in between, the bidders would miss a warning, but nobody ever gets two" + inPart2
	ruleLateBidder    = "a bidder who arrives after the warning is not warned" + inPart2
	ruleResults       = "Results: one Result per lot in the store, in the order they were opened, open lots included, each with every accepted bid, oldest first, in its History (an empty list, not nil, when there are none), and the winner and the amount of its LotClosed (none and 0 while the lot is open)" + inPart2
)

// TestPart2Example is the worked example of Part 2: two bidders who saw
// the same version, a bidder whose screen is out of date, the two-minute
// warning and the close, all on the scheduler's clock.
func TestPart2Example(t *testing.T) {
	example := []struct {
		line      string
		want      string
		conflicts int
		why       string // the worked example's words
	}{
		{"19:00:00 open lot-1 100 20:00:00 Painting of the quay", recorded("LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}"), 0,
			"opening lot-1 schedules warn lot-1 at 19:58 and close lot-1 at 20:00"},
		{"19:10:00 bid lot-1 alan 120 seen=1", recorded("BidPlaced{Lot:lot-1 Bidder:alan Amount:120 At:19:10}"), 0,
			"Alan saw version 1 and bids 120: recorded as v2, no conflict"},
		{"19:30:00 bid lot-1 ada 150 seen=2", recorded("BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}"), 0,
			"Ada and Grace both saw version 2, with Alan's 120 on top; Ada's 150 is appended first, as v3"},
		// grace saw version 2 too: 140 beats alan's 120, but the append
		// expecting version 2 conflicts; at version 3 it is below ada's 150.
		{"19:31:00 bid lot-1 grace 140 seen=2", refused(ErrBidTooLow), 1,
			"Grace decided that 140 beats 120, but her append expecting version 2 meets a conflict; she reloads version 3, where the price is 150: ErrBidTooLow, after 1 conflict"},
		// Her screen still shows version 2: a conflict, then 170 beats 150.
		{"19:45:00 bid lot-1 grace 170 seen=2", recorded("BidPlaced{Lot:lot-1 Bidder:grace Amount:170 At:19:45}"), 1,
			"at 19:45 Grace's screen still shows version 2; her 170 conflicts again, and on the reloaded lot it beats 150: v4, after 1 conflict"},
		// The warning went out at 19:58, as version 5.
		{"19:59:00 bid lot-1 edsger 180 seen=5", recorded("BidPlaced{Lot:lot-1 Bidder:edsger Amount:180 At:19:59}"), 0,
			"Edsger saw version 5 and bids 180 at 19:59: v6"},
		// The scheduler closed the lot at 20:00.
		{"20:00:30 close lot-1", refused(ErrLotClosed), 0,
			"at 20:00 the scheduler closes the lot; the hand-written close at 20:00:30 is ErrLotClosed"},
	}
	run := newPart2Run()
	lines := []string{}
	for i, tt := range example {
		lines = append(lines, tt.line)
		l, err := parseLine(tt.line)
		require.NoError(t, err, "parseLine(%q)", tt.line)
		events, conflicts, err := run.step(l)
		assert.Equal(t, tt.want, outcome(events, err), "the worked example of Part 2, line %s: %s", tt.line, tt.why+inPart2)
		assert.Equal(t, tt.conflicts, conflicts, "the worked example of Part 2, line %s: the conflicts BidOptimistically met: %s", tt.line, tt.why+inPart2)
		if i == 0 {
			assert.Equal(t, []string{"warn lot-1 at 19:58", "close lot-1 at 20:00"}, run.sched.Pending(), "the scheduler's jobs after %s: %s", tt.line, tt.why+inPart2)
		}
	}
	stream := run.store.ReadStream("lot-1", 1)
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @2 BidPlaced{Lot:lot-1 Bidder:alan Amount:120 At:19:10}",
		"lot-1 v3 @3 BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}",
		"lot-1 v4 @4 BidPlaced{Lot:lot-1 Bidder:grace Amount:170 At:19:45}",
		"lot-1 v5 @5 BiddersWarned{Lot:lot-1 Bidders:[alan ada grace]}",
		"lot-1 v6 @6 BidPlaced{Lot:lot-1 Bidder:edsger Amount:180 At:19:59}",
		"lot-1 v7 @7 LotClosed{Lot:lot-1 Winner:edsger Amount:180}",
	}, DescribeRecorded(stream), `ReadStream("lot-1", 1) at the end of the worked example: `+ruleWarn)
	if assert.Len(t, DescribeRecorded(stream), 7, `ReadStream("lot-1", 1) at the end of the worked example`) {
		assert.Equal(t, "19:58", ClockTime(stream[4].At), "when the warning was recorded: at 19:58 the warning runs, "+ruleSchedule)
		assert.Equal(t, "20:00", ClockTime(stream[6].At), "when the lot was closed: at 20:00 the scheduler closes the lot, "+ruleSchedule)
	}
	warnings := []string{"alan: lot-1 closes at 20:00", "ada: lot-1 closes at 20:00", "grace: lot-1 closes at 20:00"}
	assert.Equal(t, warnings, run.notifier.Sent(), "the warnings sent: each of the three gets \"lot-1 closes at 20:00\", and Edsger, who bid after the warning, is not warned"+inPart2)

	// The warning again, as a scheduler that fires twice would: nobody is
	// warned twice, and nothing is recorded.
	n, err := run.auctioneer.WarnBidders("lot-1")
	again := `WarnBidders("lot-1") again, as a scheduler that fires twice would, returns 0, sends nothing and records nothing: lot-1 stays at version 7`
	assert.NoError(t, err, again+inPart2)
	assert.Equal(t, 0, n, again+inPart2)
	assert.Equal(t, warnings, run.notifier.Sent(), "the warnings sent after "+again+inPart2)
	assert.Equal(t, 7, run.store.Version("lot-1"), "the version of lot-1 after "+again+inPart2)

	assert.Equal(t, []string{
		"lot-1 Painting of the quay: closed, won by edsger for 180; bids: alan 120 at 19:10, ada 150 at 19:30, grace 170 at 19:45, edsger 180 at 19:59",
	}, DescribeResults(Results(run.store)), "Results shows lot-1 won by edsger for 180, with the four bids that were recorded: "+ruleResults)
	// 180 × 4 bids in the history + 2 conflicts × 3 warnings = 720 + 6 = 726.
	assert.Equal(t, 726, part2Answer(lines),
		"part2Answer(the worked example): the sum over the results of the winning amount times the length of the history, plus the conflicts times the warnings sent"+inPart2)
}

// newLotAt2 returns a store holding lot-1, opened with a start price of
// 100 until 20:00, and alan's bid of 120: version 2.
func newLotAt2(t *testing.T) *EventStore {
	t.Helper()
	store := newPart1Store()
	_, err := Handle(store, OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err)
	_, err = Handle(store, placeBid("alan", 120, 19, 10, 0))
	require.NoError(t, err)
	return store
}

// TestPart2FullRace interleaves bidders by hand: each decides on the
// version it saw, and the store lets only one append per version through.
func TestPart2FullRace(t *testing.T) {
	store := newLotAt2(t)
	steps := []struct {
		name      string
		bid       PlaceBid
		seen      int
		want      string
		conflicts int
		rule      string
	}{
		{"ada saw version 2 and appends first", placeBid("ada", 150, 19, 30, 0), 2,
			recorded("BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}"), 0, ruleOptimistic},
		{"grace saw version 2 too, and is still above after reloading", placeBid("grace", 200, 19, 31, 0), 2,
			recorded("BidPlaced{Lot:lot-1 Bidder:grace Amount:200 At:19:31}"), 1, ruleRetry},
		{"edsger saw version 1: above the start price then, too low now", placeBid("edsger", 130, 19, 32, 0), 1,
			refused(ErrBidTooLow), 1, ruleRetry},
		{"barbara's bid is too low even on the version she saw", placeBid("barbara", 90, 19, 33, 0), 1,
			refused(ErrBidTooLow), 0, ruleRefusalEnds},
		{"donald names a version the lot has not reached: he decides on the lot as it is", placeBid("donald", 210, 19, 34, 0), 9,
			recorded("BidPlaced{Lot:lot-1 Bidder:donald Amount:210 At:19:34}"), 0, ruleOptimistic},
		{"ken saw the lot before it opened", placeBid("ken", 500, 19, 35, 0), 0,
			refused(ErrUnknownLot), 0, ruleRefusalEnds},
		{"a lot that does not exist", PlaceBid{Lot: "lot-9", Bidder: "ken", Amount: 500, At: at(19, 35, 0)}, 0,
			refused(ErrUnknownLot), 0, ruleRefusalEnds},
	}
	for _, s := range steps {
		before := DescribeRecorded(store.ReadAll(1))
		events, conflicts, err := BidOptimistically(store, s.bid, s.seen)
		gw := fmt.Sprintf("%s:\nGiven: %s\nWhen: BidOptimistically(store, %s, %d)\nThen: ", s.name, describeStore(before), describeCommand(s.bid), s.seen)
		assert.Equal(t, s.want, outcome(events, err), "%sthe outcome: %s", gw, s.rule)
		assert.Equal(t, s.conflicts, conflicts, "%sthe conflicts met: %s", gw, s.rule)
	}
	_, err := Handle(store, CloseLot{Lot: "lot-1"})
	require.NoError(t, err, "closing lot-1")
	events, conflicts, err := BidOptimistically(store, placeBid("margaret", 300, 19, 50, 0), 5)
	assert.Equal(t, refused(ErrLotClosed), outcome(events, err), "margaret saw lot-1 open at version 5; it closed since: "+ruleRetry)
	assert.Equal(t, 1, conflicts, "margaret's bid, decided on version 5 of a lot closed since: the conflicts met: "+ruleRetry)
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @2 BidPlaced{Lot:lot-1 Bidder:alan Amount:120 At:19:10}",
		"lot-1 v3 @3 BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}",
		"lot-1 v4 @4 BidPlaced{Lot:lot-1 Bidder:grace Amount:200 At:19:31}",
		"lot-1 v5 @5 BidPlaced{Lot:lot-1 Bidder:donald Amount:210 At:19:34}",
		"lot-1 v6 @6 LotClosed{Lot:lot-1 Winner:donald Amount:210}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1) after the bids, each decided on the version its bidder saw: "+ruleOptimistic)
}

func TestPart2FullConcurrentOptimistic(t *testing.T) {
	for round := 0; round < 5; round++ {
		store := NewEventStore(&StepClock{T: at(18, 0, 0), Step: time.Millisecond})
		lots := []string{"lot-1", "lot-2"}
		for _, lot := range lots {
			_, err := Handle(store, OpenLot{Lot: lot, Title: "Jar of heather honey", StartPrice: 100, ClosesAt: at(20, 0, 0)})
			require.NoError(t, err, "round %d: opening %s", round, lot)
		}
		var mu sync.Mutex
		total := 0
		errs := runConcurrently(lots, func(lot string, i int) error {
			bid := PlaceBid{Lot: lot, Bidder: fmt.Sprintf("bidder-%d", i), Amount: amountOf(i), At: at(19, 30, i)}
			_, conflicts, err := BidOptimistically(store, bid, store.Version(lot))
			mu.Lock()
			total += conflicts
			mu.Unlock()
			return err
		})
		assert.GreaterOrEqual(t, total, 0, "round %d: conflicts: %s", round, ruleConflicts)
		for _, lot := range lots {
			_, err := Handle(store, CloseLot{Lot: lot})
			require.NoError(t, err, "round %d: closing %s", round, lot)
			checkConcurrentLot(t, store, lot, errs[lot])
		}
	}
}

// newEvening returns an auctioneer on a scheduler at 18:00 whose clock is
// also the store's.
func newEvening() (*Auctioneer, *Scheduler, *EventStore, *Notifier) {
	sched := NewScheduler(at(18, 0, 0))
	store := NewEventStore(sched)
	notifier := &Notifier{}
	return NewAuctioneer(store, sched, notifier), sched, store, notifier
}

func TestPart2FullWarnings(t *testing.T) {
	a, sched, store, notifier := newEvening()
	_, err := a.Handle(nil)
	assert.ErrorIs(t, err, ErrUnknownCommand, "Auctioneer.Handle(nil): "+ruleAuctioneerNil)
	_, err = a.Handle(OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err, "opening lot-1")
	_, err = a.Handle(OpenLot{Lot: "lot-2", Title: "Pottery bowl", StartPrice: 30, ClosesAt: at(19, 30, 0)})
	require.NoError(t, err, "opening lot-2")
	_, err = a.Handle(OpenLot{Lot: "lot-1", Title: "Again", StartPrice: 100, ClosesAt: at(21, 0, 0)})
	assert.ErrorIs(t, err, ErrLotExists, "opening lot-1 again: "+ruleOpenExists)
	assert.Equal(t, []string{"warn lot-2 at 19:28", "close lot-2 at 19:30", "warn lot-1 at 19:58", "close lot-1 at 20:00"}, sched.Pending(),
		"the jobs after opening lot-1 (closes at 20:00), lot-2 (closes at 19:30) and lot-1 again: "+ruleSchedule)

	for _, b := range []PlaceBid{placeBid("ada", 120, 19, 5, 0), placeBid("grace", 130, 19, 6, 0), placeBid("ada", 140, 19, 7, 0), placeBid("alan", 150, 19, 8, 0)} {
		_, err := a.Handle(b)
		require.NoError(t, err, "Auctioneer.Handle(%s)", describeCommand(b))
	}
	assert.Equal(t, 0, sched.AdvanceTo(at(19, 27, 0)), "jobs run by 19:27, lot-2 closing at 19:30: "+ruleSchedule)
	assert.Equal(t, 1, sched.AdvanceTo(at(19, 29, 0)), "jobs run by 19:29, lot-2 closing at 19:30: "+ruleSchedule)
	assert.Equal(t, []string{
		"lot-2 v1 @2 LotOpened{Lot:lot-2 Title:Pottery bowl StartPrice:30 ClosesAt:19:30}",
		"lot-2 v2 @7 BiddersWarned{Lot:lot-2 Bidders:[]}",
	}, DescribeRecorded(store.ReadStream("lot-2", 1)), "lot-2, nobody bid on, after its warning: "+ruleWarnNobody)
	assert.Empty(t, notifier.Sent(), "the warnings sent for lot-2, nobody bid on: "+ruleWarnNobody)
	sched.AdvanceTo(at(19, 58, 0))
	assert.Equal(t, []string{
		"ada: lot-1 closes at 20:00", "grace: lot-1 closes at 20:00", "alan: lot-1 closes at 20:00",
	}, notifier.Sent(), "the warnings sent at 19:58 for lot-1, with bids of ada, grace, ada and alan: "+ruleWarn)
	_, err = a.Handle(placeBid("barbara", 160, 19, 59, 0))
	require.NoError(t, err, "barbara's bid after the warning")
	n, err := a.WarnBidders("lot-1")
	assert.NoError(t, err, `WarnBidders("lot-1") again: `+ruleWarnOnce)
	assert.Equal(t, 0, n, `WarnBidders("lot-1") again: `+ruleWarnOnce)
	sched.AdvanceTo(at(20, 0, 0))
	assert.Len(t, notifier.Sent(), 3, "the warnings sent, barbara having bid after the warning went out: "+ruleLateBidder)
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @3 BidPlaced{Lot:lot-1 Bidder:ada Amount:120 At:19:05}",
		"lot-1 v3 @4 BidPlaced{Lot:lot-1 Bidder:grace Amount:130 At:19:06}",
		"lot-1 v4 @5 BidPlaced{Lot:lot-1 Bidder:ada Amount:140 At:19:07}",
		"lot-1 v5 @6 BidPlaced{Lot:lot-1 Bidder:alan Amount:150 At:19:08}",
		"lot-1 v6 @9 BiddersWarned{Lot:lot-1 Bidders:[ada grace alan]}",
		"lot-1 v7 @10 BidPlaced{Lot:lot-1 Bidder:barbara Amount:160 At:19:59}",
		"lot-1 v8 @11 LotClosed{Lot:lot-1 Winner:barbara Amount:160}",
	}, DescribeRecorded(store.ReadStream("lot-1", 1)), `ReadStream("lot-1", 1) after 20:00: `+ruleSchedule)
	assert.Equal(t, "LotClosed{Lot:lot-2 Winner: Amount:0}", DescribeEvents([]Event{store.ReadAll(8)[0].Event})[0], "the close of lot-2 at 19:30: "+ruleSchedule)
	assert.Empty(t, sched.Pending(), "the jobs left after 20:00: "+ruleSchedule)

	_, err = a.WarnBidders("lot-9")
	assert.ErrorIs(t, err, ErrUnknownLot, `WarnBidders("lot-9"), a lot never opened: `+ruleWarnOnce)
	n, err = a.WarnBidders("lot-1")
	assert.NoError(t, err, `WarnBidders("lot-1") after it closed: `+ruleWarnOnce)
	assert.Equal(t, 0, n, `WarnBidders("lot-1") after it closed: `+ruleWarnOnce)
	assert.Equal(t, 8, store.Version("lot-1"), "lot-1's version after WarnBidders on the closed lot, nothing recorded: "+ruleWarnOnce)
}

func TestPart2FullClosedByHand(t *testing.T) {
	a, sched, store, notifier := newEvening()
	_, err := a.Handle(OpenLot{Lot: "lot-3", Title: "Crate of apples", StartPrice: 20, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err)
	_, err = a.Handle(PlaceBid{Lot: "lot-3", Bidder: "ada", Amount: 25, At: at(19, 5, 0)})
	require.NoError(t, err)
	sched.AdvanceTo(at(19, 50, 0))
	_, err = a.Handle(CloseLot{Lot: "lot-3"})
	require.NoError(t, err, "closing lot-3 by hand at 19:50")
	assert.Equal(t, 2, sched.AdvanceTo(at(21, 0, 0)), "the jobs run by 21:00 for lot-3 closed by hand at 19:50: the warning and the close still run, "+ruleClosedByHand)
	assert.Empty(t, notifier.Sent(), "the warnings sent for lot-3 closed by hand: "+ruleWarnOnce)
	assert.Equal(t, []string{
		"lot-3 v1 @1 LotOpened{Lot:lot-3 Title:Crate of apples StartPrice:20 ClosesAt:20:00}",
		"lot-3 v2 @2 BidPlaced{Lot:lot-3 Bidder:ada Amount:25 At:19:05}",
		"lot-3 v3 @3 LotClosed{Lot:lot-3 Winner:ada Amount:25}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1), the scheduled warning and close of lot-3 recorded nothing: "+ruleClosedByHand)
	assert.Equal(t, "19:50", ClockTime(store.ReadAll(3)[0].At), "when lot-3 was closed, by hand: "+ruleClosedByHand)
}

func TestPart2FullWarnEarly(t *testing.T) {
	a, sched, store, notifier := newEvening()
	_, err := a.Handle(OpenLot{Lot: "lot-4", Title: "Signed cookbook", StartPrice: 40, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err)
	_, err = a.Handle(PlaceBid{Lot: "lot-4", Bidder: "ada", Amount: 40, At: at(19, 5, 0)})
	require.NoError(t, err)
	sched.AdvanceTo(at(19, 40, 0))
	n, err := a.WarnBidders("lot-4")
	require.NoError(t, err, `WarnBidders("lot-4") by hand at 19:40: `+ruleWarn)
	assert.Equal(t, 1, n, `WarnBidders("lot-4") by hand at 19:40, ada having bid: `+ruleWarn)
	_, err = a.Handle(PlaceBid{Lot: "lot-4", Bidder: "grace", Amount: 45, At: at(19, 41, 0)})
	require.NoError(t, err)
	sched.AdvanceTo(at(20, 30, 0))
	assert.Equal(t, []string{"ada: lot-4 closes at 20:00"}, notifier.Sent(), "the warnings sent, the scheduled warning finding lot-4 warned already: "+ruleWarnOnce)
	assert.Equal(t, []string{
		"lot-4 v1 @1 LotOpened{Lot:lot-4 Title:Signed cookbook StartPrice:40 ClosesAt:20:00}",
		"lot-4 v2 @2 BidPlaced{Lot:lot-4 Bidder:ada Amount:40 At:19:05}",
		"lot-4 v3 @3 BiddersWarned{Lot:lot-4 Bidders:[ada]}",
		"lot-4 v4 @4 BidPlaced{Lot:lot-4 Bidder:grace Amount:45 At:19:41}",
		"lot-4 v5 @5 LotClosed{Lot:lot-4 Winner:grace Amount:45}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1), lot-4 warned by hand at 19:40, then by the scheduler at 19:58: "+ruleWarnOnce)
}

func TestPart2FullResults(t *testing.T) {
	store := newPart1Store()
	assert.Empty(t, DescribeResults(Results(store)), "Results of an empty store: "+ruleResults)
	cmds := []Command{
		OpenLot{Lot: "lot-2", Title: "Pottery bowl", StartPrice: 30, ClosesAt: at(20, 0, 0)},
		OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)},
		OpenLot{Lot: "lot-3", Title: "Crate of apples", StartPrice: 20, ClosesAt: at(20, 0, 0)},
		OpenLot{Lot: "lot-4", Title: "Jar of heather honey", StartPrice: 5, ClosesAt: at(20, 0, 0)},
		placeBid("ada", 120, 19, 5, 0),
		PlaceBid{Lot: "lot-2", Bidder: "grace", Amount: 35, At: at(19, 6, 0)},
		placeBid("alan", 130, 19, 7, 0),
		PlaceBid{Lot: "lot-2", Bidder: "ada", Amount: 40, At: at(19, 8, 0)},
		placeBid("grace", 125, 19, 9, 0), // too low: not in the history
		CloseLot{Lot: "lot-1"},
		CloseLot{Lot: "lot-3"},
	}
	for _, c := range cmds {
		_, _ = Handle(store, c)
	}
	results := Results(store)
	assert.Equal(t, []string{
		"lot-2 Pottery bowl: open; bids: grace 35 at 19:06, ada 40 at 19:08",
		"lot-1 Painting of the quay: closed, won by alan for 130; bids: ada 120 at 19:05, alan 130 at 19:07",
		"lot-3 Crate of apples: closed, no winner; bids: ",
		"lot-4 Jar of heather honey: open; bids: ",
	}, DescribeResults(results), "Results, grace's bid of 125 refused: "+ruleResults)
	if assert.Len(t, DescribeResults(results), 4, "Results: "+ruleResults) {
		assert.NotNil(t, results[2].History, "the History of lot-3, nobody bid on: "+ruleResults)
		assert.Equal(t, 0, results[0].Amount, "the Amount of lot-2, still open: "+ruleResults)
		assert.Equal(t, "", results[0].Winner, "the Winner of lot-2, still open: "+ruleResults)
	}
}

// TestPart2FullWarnOnceThroughAConflict: a bid that arrives while the
// warning is being recorded makes the warning's append a conflict. The
// warning is recorded on the next try, with the new bidder in it, and
// everyone is warned once: warnings go out after BiddersWarned is
// recorded, never before.
func TestPart2FullWarnOnceThroughAConflict(t *testing.T) {
	// Given lot-1 with two bidders, and grace bidding the moment the
	// auctioneer has read the lot to warn its bidders,
	a, _, store, notifier := newEvening()
	_, err := a.Handle(OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err, "opening lot-1")
	for _, b := range []PlaceBid{placeBid("ada", 120, 19, 5, 0), placeBid("alan", 130, 19, 6, 0)} {
		_, err := a.Handle(b)
		require.NoError(t, err, "Auctioneer.Handle(%s)", describeCommand(b))
	}
	bid := false
	store.readHook = func(stream string) {
		if bid { // grace's own bid reads the lot too
			return
		}
		bid = true
		_, err := Handle(store, placeBid("grace", 140, 19, 58, 0))
		assert.NoError(t, err, "grace's bid while the warning is on its way")
	}

	// when the bidders are warned,
	n, err := a.WarnBidders("lot-1")
	store.readHook = nil

	// then each of the three is warned once.
	gw := "Given: lot-1 with bids of ada and alan, and grace bidding the moment the auctioneer has read the lot\nWhen: WarnBidders(\"lot-1\")\nThen: "
	assert.NoError(t, err, gw+"no error: "+ruleWarnRetry)
	assert.Equal(t, 3, n, gw+"it warns ada, alan and grace: "+ruleWarnRetry)
	assert.Equal(t, []string{"ada: lot-1 closes at 20:00", "alan: lot-1 closes at 20:00", "grace: lot-1 closes at 20:00"},
		notifier.Sent(), gw+"the warnings sent, each bidder once, though the first append was refused: "+ruleRecordFirst)
}
