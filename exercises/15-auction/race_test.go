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

// TestPart2Example is the worked example of Part 2: two bidders who saw
// the same version, a bidder whose screen is out of date, the two-minute
// warning and the close, all on the scheduler's clock.
func TestPart2Example(t *testing.T) {
	example := []struct {
		line      string
		want      string
		conflicts int
	}{
		{"19:00:00 open lot-1 100 20:00:00 Painting of the quay", recorded("LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}"), 0},
		{"19:10:00 bid lot-1 alan 120 seen=1", recorded("BidPlaced{Lot:lot-1 Bidder:alan Amount:120 At:19:10}"), 0},
		{"19:30:00 bid lot-1 ada 150 seen=2", recorded("BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}"), 0},
		// grace saw version 2 too: 140 beats alan's 120, but the append
		// expecting version 2 conflicts; at version 3 it is below ada's 150.
		{"19:31:00 bid lot-1 grace 140 seen=2", refused(ErrBidTooLow), 1},
		// Her screen still shows version 2: a conflict, then 170 beats 150.
		{"19:45:00 bid lot-1 grace 170 seen=2", recorded("BidPlaced{Lot:lot-1 Bidder:grace Amount:170 At:19:45}"), 1},
		// The warning went out at 19:58, as version 5.
		{"19:59:00 bid lot-1 edsger 180 seen=5", recorded("BidPlaced{Lot:lot-1 Bidder:edsger Amount:180 At:19:59}"), 0},
		// The scheduler closed the lot at 20:00.
		{"20:00:30 close lot-1", refused(ErrLotClosed), 0},
	}
	run := newPart2Run()
	lines := []string{}
	for i, tt := range example {
		lines = append(lines, tt.line)
		l, err := parseLine(tt.line)
		require.NoError(t, err, "parseLine(%q)", tt.line)
		events, conflicts, err := run.step(l)
		assert.Equal(t, tt.want, outcome(events, err), "%s", tt.line)
		assert.Equal(t, tt.conflicts, conflicts, "%s: the conflicts BidOptimistically met", tt.line)
		if i == 0 {
			assert.Equal(t, []string{"warn lot-1 at 19:58", "close lot-1 at 20:00"}, run.sched.Pending(), "the scheduler's jobs after %s", tt.line)
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
	}, DescribeRecorded(stream), `ReadStream("lot-1", 1)`)
	if assert.Len(t, stream, 7, `ReadStream("lot-1", 1)`) {
		assert.Equal(t, "19:58", ClockTime(stream[4].At), "when the warning was recorded")
		assert.Equal(t, "20:00", ClockTime(stream[6].At), "when the lot was closed")
	}
	warnings := []string{"alan: lot-1 closes at 20:00", "ada: lot-1 closes at 20:00", "grace: lot-1 closes at 20:00"}
	assert.Equal(t, warnings, run.notifier.Sent(), "the warnings sent")

	// The warning again, as a scheduler that fires twice would: nobody is
	// warned twice, and nothing is recorded.
	n, err := run.auctioneer.WarnBidders("lot-1")
	assert.NoError(t, err, `WarnBidders("lot-1") a second time`)
	assert.Equal(t, 0, n, `WarnBidders("lot-1") a second time`)
	assert.Equal(t, warnings, run.notifier.Sent(), `the warnings sent after WarnBidders("lot-1") a second time`)
	assert.Equal(t, 7, run.store.Version("lot-1"), `the version of lot-1 after WarnBidders("lot-1") a second time`)

	assert.Equal(t, []string{
		"lot-1 Painting of the quay: closed, won by edsger for 180; bids: alan 120 at 19:10, ada 150 at 19:30, grace 170 at 19:45, edsger 180 at 19:59",
	}, DescribeResults(Results(run.store)), "Results")
	// 180 × 4 bids in the history + 2 conflicts × 3 warnings = 720 + 6 = 726.
	assert.Equal(t, 726, part2Answer(lines), "part2Answer(%q)", lines)
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
	}{
		{"ada saw version 2 and appends first", placeBid("ada", 150, 19, 30, 0), 2,
			recorded("BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}"), 0},
		{"grace saw version 2 too, and is still above after reloading", placeBid("grace", 200, 19, 31, 0), 2,
			recorded("BidPlaced{Lot:lot-1 Bidder:grace Amount:200 At:19:31}"), 1},
		{"edsger saw version 1: above the start price then, too low now", placeBid("edsger", 130, 19, 32, 0), 1,
			refused(ErrBidTooLow), 1},
		{"barbara's bid is too low even on the version she saw", placeBid("barbara", 90, 19, 33, 0), 1,
			refused(ErrBidTooLow), 0},
		{"donald names a version the lot has not reached: he decides on the lot as it is", placeBid("donald", 210, 19, 34, 0), 9,
			recorded("BidPlaced{Lot:lot-1 Bidder:donald Amount:210 At:19:34}"), 0},
		{"ken saw the lot before it opened", placeBid("ken", 500, 19, 35, 0), 0,
			refused(ErrUnknownLot), 0},
		{"a lot that does not exist", PlaceBid{Lot: "lot-9", Bidder: "ken", Amount: 500, At: at(19, 35, 0)}, 0,
			refused(ErrUnknownLot), 0},
	}
	for _, s := range steps {
		events, conflicts, err := BidOptimistically(store, s.bid, s.seen)
		assert.Equal(t, s.want, outcome(events, err), "%s: BidOptimistically(store, %v, %d)", s.name, s.bid, s.seen)
		assert.Equal(t, s.conflicts, conflicts, "%s: the conflicts met", s.name)
	}
	_, err := Handle(store, CloseLot{Lot: "lot-1"})
	require.NoError(t, err, "closing lot-1")
	events, conflicts, err := BidOptimistically(store, placeBid("margaret", 300, 19, 50, 0), 5)
	assert.Equal(t, refused(ErrLotClosed), outcome(events, err), "margaret saw lot-1 open at version 5; it closed since")
	assert.Equal(t, 1, conflicts, "margaret's bid: the conflicts met")
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @2 BidPlaced{Lot:lot-1 Bidder:alan Amount:120 At:19:10}",
		"lot-1 v3 @3 BidPlaced{Lot:lot-1 Bidder:ada Amount:150 At:19:30}",
		"lot-1 v4 @4 BidPlaced{Lot:lot-1 Bidder:grace Amount:200 At:19:31}",
		"lot-1 v5 @5 BidPlaced{Lot:lot-1 Bidder:donald Amount:210 At:19:34}",
		"lot-1 v6 @6 LotClosed{Lot:lot-1 Winner:donald Amount:210}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1)")
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
		assert.GreaterOrEqual(t, total, 0, "round %d: conflicts", round)
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
	assert.ErrorIs(t, err, ErrUnknownCommand, "Auctioneer.Handle(nil)")
	_, err = a.Handle(OpenLot{Lot: "lot-1", Title: "Painting of the quay", StartPrice: 100, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err, "opening lot-1")
	_, err = a.Handle(OpenLot{Lot: "lot-2", Title: "Pottery bowl", StartPrice: 30, ClosesAt: at(19, 30, 0)})
	require.NoError(t, err, "opening lot-2")
	_, err = a.Handle(OpenLot{Lot: "lot-1", Title: "Again", StartPrice: 100, ClosesAt: at(21, 0, 0)})
	assert.ErrorIs(t, err, ErrLotExists, "opening lot-1 again")
	assert.Equal(t, []string{"warn lot-2 at 19:28", "close lot-2 at 19:30", "warn lot-1 at 19:58", "close lot-1 at 20:00"}, sched.Pending(),
		"the jobs: a warning and a close for each lot opened, none for the refused one")

	for _, b := range []PlaceBid{placeBid("ada", 120, 19, 5, 0), placeBid("grace", 130, 19, 6, 0), placeBid("ada", 140, 19, 7, 0), placeBid("alan", 150, 19, 8, 0)} {
		_, err := a.Handle(b)
		require.NoError(t, err, "Auctioneer.Handle(%v)", b)
	}
	assert.Equal(t, 0, sched.AdvanceTo(at(19, 27, 0)), "jobs run by 19:27")
	assert.Equal(t, 1, sched.AdvanceTo(at(19, 29, 0)), "jobs run by 19:29")
	assert.Equal(t, []string{
		"lot-2 v1 @2 LotOpened{Lot:lot-2 Title:Pottery bowl StartPrice:30 ClosesAt:19:30}",
		"lot-2 v2 @7 BiddersWarned{Lot:lot-2 Bidders:[]}",
	}, DescribeRecorded(store.ReadStream("lot-2", 1)), "lot-2 nobody bid on: the warning is recorded, with nobody in it")
	assert.Empty(t, notifier.Sent(), "the warnings sent for a lot nobody bid on")
	sched.AdvanceTo(at(19, 58, 0))
	assert.Equal(t, []string{
		"ada: lot-1 closes at 20:00", "grace: lot-1 closes at 20:00", "alan: lot-1 closes at 20:00",
	}, notifier.Sent(), "everyone who bid on lot-1, once, in the order of their first bid")
	_, err = a.Handle(placeBid("barbara", 160, 19, 59, 0))
	require.NoError(t, err, "barbara's bid after the warning")
	n, err := a.WarnBidders("lot-1")
	assert.NoError(t, err, `WarnBidders("lot-1") again`)
	assert.Equal(t, 0, n, `WarnBidders("lot-1") again`)
	sched.AdvanceTo(at(20, 0, 0))
	assert.Len(t, notifier.Sent(), 3, "barbara bid after the warning went out, and is not warned")
	assert.Equal(t, []string{
		"lot-1 v1 @1 LotOpened{Lot:lot-1 Title:Painting of the quay StartPrice:100 ClosesAt:20:00}",
		"lot-1 v2 @3 BidPlaced{Lot:lot-1 Bidder:ada Amount:120 At:19:05}",
		"lot-1 v3 @4 BidPlaced{Lot:lot-1 Bidder:grace Amount:130 At:19:06}",
		"lot-1 v4 @5 BidPlaced{Lot:lot-1 Bidder:ada Amount:140 At:19:07}",
		"lot-1 v5 @6 BidPlaced{Lot:lot-1 Bidder:alan Amount:150 At:19:08}",
		"lot-1 v6 @9 BiddersWarned{Lot:lot-1 Bidders:[ada grace alan]}",
		"lot-1 v7 @10 BidPlaced{Lot:lot-1 Bidder:barbara Amount:160 At:19:59}",
		"lot-1 v8 @11 LotClosed{Lot:lot-1 Winner:barbara Amount:160}",
	}, DescribeRecorded(store.ReadStream("lot-1", 1)), `ReadStream("lot-1", 1)`)
	assert.Equal(t, "LotClosed{Lot:lot-2 Winner: Amount:0}", DescribeEvents([]Event{store.ReadAll(8)[0].Event})[0], "the close of lot-2 at 19:30")
	assert.Empty(t, sched.Pending(), "the jobs left")

	_, err = a.WarnBidders("lot-9")
	assert.ErrorIs(t, err, ErrUnknownLot, `WarnBidders("lot-9")`)
	n, err = a.WarnBidders("lot-1")
	assert.NoError(t, err, `WarnBidders("lot-1") after it closed`)
	assert.Equal(t, 0, n, `WarnBidders("lot-1") after it closed`)
	assert.Equal(t, 8, store.Version("lot-1"), "lot-1's version: nothing recorded after the close")
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
	assert.Equal(t, 2, sched.AdvanceTo(at(21, 0, 0)), "the warning and the close still run")
	assert.Empty(t, notifier.Sent(), "a lot closed by hand warns nobody")
	assert.Equal(t, []string{
		"lot-3 v1 @1 LotOpened{Lot:lot-3 Title:Crate of apples StartPrice:20 ClosesAt:20:00}",
		"lot-3 v2 @2 BidPlaced{Lot:lot-3 Bidder:ada Amount:25 At:19:05}",
		"lot-3 v3 @3 LotClosed{Lot:lot-3 Winner:ada Amount:25}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1): the scheduled warning and close recorded nothing")
	assert.Equal(t, "19:50", ClockTime(store.ReadAll(3)[0].At), "when lot-3 was closed")
}

func TestPart2FullWarnEarly(t *testing.T) {
	a, sched, store, notifier := newEvening()
	_, err := a.Handle(OpenLot{Lot: "lot-4", Title: "Signed cookbook", StartPrice: 40, ClosesAt: at(20, 0, 0)})
	require.NoError(t, err)
	_, err = a.Handle(PlaceBid{Lot: "lot-4", Bidder: "ada", Amount: 40, At: at(19, 5, 0)})
	require.NoError(t, err)
	sched.AdvanceTo(at(19, 40, 0))
	n, err := a.WarnBidders("lot-4")
	require.NoError(t, err, `WarnBidders("lot-4") by hand at 19:40`)
	assert.Equal(t, 1, n, `WarnBidders("lot-4") by hand at 19:40`)
	_, err = a.Handle(PlaceBid{Lot: "lot-4", Bidder: "grace", Amount: 45, At: at(19, 41, 0)})
	require.NoError(t, err)
	sched.AdvanceTo(at(20, 30, 0))
	assert.Equal(t, []string{"ada: lot-4 closes at 20:00"}, notifier.Sent(), "the scheduled warning finds the lot warned already")
	assert.Equal(t, []string{
		"lot-4 v1 @1 LotOpened{Lot:lot-4 Title:Signed cookbook StartPrice:40 ClosesAt:20:00}",
		"lot-4 v2 @2 BidPlaced{Lot:lot-4 Bidder:ada Amount:40 At:19:05}",
		"lot-4 v3 @3 BiddersWarned{Lot:lot-4 Bidders:[ada]}",
		"lot-4 v4 @4 BidPlaced{Lot:lot-4 Bidder:grace Amount:45 At:19:41}",
		"lot-4 v5 @5 LotClosed{Lot:lot-4 Winner:grace Amount:45}",
	}, DescribeRecorded(store.ReadAll(1)), "ReadAll(1)")
}

func TestPart2FullResults(t *testing.T) {
	store := newPart1Store()
	assert.Empty(t, Results(store), "Results of an empty store")
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
	}, DescribeResults(results), "Results: every lot, in the order they were opened")
	if assert.Len(t, results, 4, "Results") {
		assert.NotNil(t, results[2].History, "the History of a lot nobody bid on is empty, not nil")
		assert.Equal(t, 0, results[0].Amount, "the Amount of a lot still open")
		assert.Equal(t, "", results[0].Winner, "the Winner of a lot still open")
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
		require.NoError(t, err, "Auctioneer.Handle(%v)", b)
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
	assert.NoError(t, err, `WarnBidders("lot-1")`)
	assert.Equal(t, 3, n, `WarnBidders("lot-1"): ada, alan and grace`)
	assert.Equal(t, []string{"ada: lot-1 closes at 20:00", "alan: lot-1 closes at 20:00", "grace: lot-1 closes at 20:00"},
		notifier.Sent(), "the warnings sent: each bidder once, though the first append was refused (send them after BiddersWarned is recorded)")
}
