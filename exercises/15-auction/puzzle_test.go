//go:build ignore

package auction

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: the auctioneer's log of a charity evening at Kestrel Bank,
// one line per thing that happened, in the order of their times of day:
//
//	19:00:00 open lot-1 100 20:00:00 Painting of the quay   start price 100, closes at 20:00
//	19:05:00 bid lot-1 ada 120 seen=1                       ada saw lot-1 at version 1
//	19:05:30 bid lot-1 grace 130                            (no seen=: the lot as it is)
//	20:00:10 close lot-1                                    the auctioneer brings the hammer down
//
// Part 1: handle every line in order through a Bidding (ignoring seen=),
// on a store whose clock starts at 18:00 and moves on a second per append.
// Refused commands change nothing. The answer is the sum, over every lot
// closed with a winner, of the winning amount times the number of bids the
// lot accepted.
//
// Part 2: the same evening with an Auctioneer on a Scheduler (whose clock
// is the store's too): before each line the scheduler's clock moves on to
// the line's time, running the warnings and closes that are due. Bids go
// through BidOptimistically with the version their bidder saw; the other
// lines through the auctioneer. After the last line the clock moves on to
// midnight. The answer is the sum, over Results, of each lot's Amount
// times the length of its History, plus the number of conflicts the bids
// met times the number of warnings sent.

// evening is the day of the auction, at midnight; lines give times of day.
var evening = time.Date(2024, time.December, 6, 0, 0, 0, 0, time.UTC)

// at returns a time of day of the evening.
func at(hour, minute, second int) time.Time {
	return evening.Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute + time.Duration(second)*time.Second)
}

// logLine is one line of the log: a command, when it happened, and for a
// bid the version its bidder saw (AnyVersion when the line does not say).
type logLine struct {
	at   time.Time
	cmd  Command
	seen int
}

// errBadLine: a line that is not in the log's format.
var errBadLine = errors.New("bad log line")

// parseTime reads "19:05:00".
func parseTime(s string) (time.Time, bool) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	n := []int{}
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, false
		}
		n = append(n, v)
	}
	return at(n[0], n[1], n[2]), true
}

// parseLine reads one line of the log.
func parseLine(s string) (logLine, error) {
	bad := fmt.Errorf("%q: %w", s, errBadLine)
	f := strings.Fields(s)
	if len(f) < 3 {
		return logLine{}, bad
	}
	when, ok := parseTime(f[0])
	if !ok {
		return logLine{}, bad
	}
	switch {
	case f[1] == "open" && len(f) >= 6:
		price, err := strconv.Atoi(f[3])
		closes, ok := parseTime(f[4])
		if err != nil || !ok {
			return logLine{}, bad
		}
		cmd := OpenLot{Lot: f[2], Title: strings.Join(f[5:], " "), StartPrice: price, ClosesAt: closes}
		return logLine{at: when, cmd: cmd, seen: AnyVersion}, nil
	case f[1] == "bid" && (len(f) == 5 || len(f) == 6):
		amount, err := strconv.Atoi(f[4])
		if err != nil {
			return logLine{}, bad
		}
		seen := AnyVersion
		if len(f) == 6 {
			v, found := strings.CutPrefix(f[5], "seen=")
			n, err := strconv.Atoi(v)
			if !found || err != nil || n < 0 {
				return logLine{}, bad
			}
			seen = n
		}
		cmd := PlaceBid{Lot: f[2], Bidder: f[3], Amount: amount, At: when}
		return logLine{at: when, cmd: cmd, seen: seen}, nil
	case f[1] == "close" && len(f) == 3:
		return logLine{at: when, cmd: CloseLot{Lot: f[2]}, seen: AnyVersion}, nil
	}
	return logLine{}, bad
}

// mustParse reads a whole log.
func mustParse(lines []string) []logLine {
	out := []logLine{}
	for _, s := range lines {
		l, err := parseLine(s)
		if err != nil {
			panic(err)
		}
		out = append(out, l)
	}
	return out
}

// isRefusal tells the auction's refusals from anything else.
func isRefusal(err error) bool {
	for _, r := range []error{ErrUnknownCommand, ErrUnknownLot, ErrLotExists, ErrInvalidPrice, ErrBidTooLow, ErrLotClosed} {
		if errors.Is(err, r) {
			return true
		}
	}
	return false
}

// newPart1Store is Part 1's store: its clock starts at 18:00 and moves on
// a second per append.
func newPart1Store() *EventStore {
	return NewEventStore(&StepClock{T: at(18, 0, 0), Step: time.Second})
}

// part1Answer answers Part 1 for a log.
func part1Answer(lines []string) int {
	store := newPart1Store()
	bidding := NewBidding(store)
	for _, l := range mustParse(lines) {
		if _, err := bidding.Handle(l.cmd); err != nil && !isRefusal(err) {
			panic(fmt.Sprintf("%s %v: %v", ClockTime(l.at), l.cmd.CommandType(), err))
		}
	}
	sum := 0
	for _, r := range store.ReadAll(1) {
		switch e := r.Event.(type) {
		case LotClosed:
			if e.Winner != "" {
				sum += e.Amount * LoadLot(store, e.Lot).Bids
			}
		}
	}
	return sum
}

// part2Run is Part 2's evening: an auctioneer on a scheduler.
type part2Run struct {
	sched      *Scheduler
	store      *EventStore
	notifier   *Notifier
	auctioneer *Auctioneer
	conflicts  int
}

func newPart2Run() *part2Run {
	r := &part2Run{sched: NewScheduler(at(18, 0, 0)), notifier: &Notifier{}}
	r.store = NewEventStore(r.sched)
	r.auctioneer = NewAuctioneer(r.store, r.sched, r.notifier)
	return r
}

// step moves the clock on to the line's time, then handles the line. It
// returns the events recorded, the conflicts met and the refusal.
func (r *part2Run) step(l logLine) ([]Event, int, error) {
	r.sched.AdvanceTo(l.at)
	switch c := l.cmd.(type) {
	case PlaceBid:
		events, conflicts, err := BidOptimistically(r.store, c, l.seen)
		r.conflicts += conflicts
		return events, conflicts, err
	}
	events, err := r.auctioneer.Handle(l.cmd)
	return events, 0, err
}

// answer finishes the evening and answers Part 2.
func (r *part2Run) answer() int {
	r.sched.AdvanceTo(at(24, 0, 0))
	sum := 0
	for _, res := range Results(r.store) {
		sum += res.Amount * len(res.History)
	}
	return sum + r.conflicts*len(r.notifier.Sent())
}

// part2Answer answers Part 2 for a log.
func part2Answer(lines []string) int {
	r := newPart2Run()
	for _, l := range mustParse(lines) {
		if _, _, err := r.step(l); err != nil && !isRefusal(err) {
			panic(fmt.Sprintf("%s %v: %v", ClockTime(l.at), l.cmd.CommandType(), err))
		}
	}
	return r.answer()
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleLog(puzzle.Seed())), 2028985)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleLog(puzzle.Seed())), 2709925)
}

var (
	bidderNames = []string{"ada", "grace", "alan", "edsger", "barbara", "donald", "margaret", "ken", "frances", "john", "radia", "dennis", "hedy", "katherine", "tim", "mary"}
	lotTitles   = []string{
		"Painting of the quay", "A weekend in the cabin", "Hand-knitted jumper", "Boat trip round the point",
		"Signed cookbook", "Dinner for four at the harbour", "Jar of heather honey", "Pottery bowl",
		"Six guitar lessons", "Crate of apples", "Watercolour of the lighthouse", "Sourdough for a year",
	}
)

// timed is a generated line and the second of the day it happens at; seq
// keeps lines of the same second in the order they were made.
type timed struct {
	at   int
	seq  int
	text string
}

// clockOf writes a second of the day as the log does: "19:05:00".
func clockOf(second int) string {
	out := ""
	for _, n := range []int{second / 3600, second / 60 % 60, second % 60} {
		if out != "" {
			out += ":"
		}
		if n < 10 {
			out += "0"
		}
		out += strconv.Itoa(n)
	}
	return out
}

// logs keeps the logs generated so far: both parts read the same one.
var logs = map[string][]string{}

// puzzleLog generates the evening's log: lots that open between 18:00
// and 22:00 and stay open for 20 to 45 minutes, bidders who mostly outbid
// the price they saw, a few late or too-low bids, bidders looking at a
// version a little out of date, and lots closed by hand now and then.
func puzzleLog(seed string) []string {
	if cached, ok := logs[seed]; ok {
		return cached
	}
	r := puzzle.New("15-auction", seed)
	var lines []timed
	add := func(second int, text string) {
		lines = append(lines, timed{at: second, seq: len(lines), text: text})
	}
	const lots = 80
	const six = 18 * 3600 // 18:00, in seconds
	opens := []int{}
	for i := 0; i < lots; i++ {
		opens = append(opens, six+r.Between(0, 4*3600))
	}
	sort.Ints(opens)
	warning := int(WarningBefore / time.Second)
	for i, opened := range opens {
		id := "lot-" + strconv.Itoa(i+1)
		closes := opened + 60*r.Between(20, 45)
		start := 5 * r.Between(4, 100)
		add(opened, "open "+id+" "+strconv.Itoa(start)+" "+clockOf(closes)+" "+r.Pick(lotTitles))
		if r.Chance(4) {
			add(opened+r.Between(1, 300), "open "+id+" "+strconv.Itoa(start)+" "+clockOf(closes)+" "+r.Pick(lotTitles))
		}
		closeAt := closes + r.Between(0, 90)
		if r.Chance(8) {
			closeAt = closes - 60*r.Between(1, 10)
		}
		add(closeAt, "close "+id)

		// The bids, in time order, simulated against the lot as it will be.
		n := r.Between(10, 45)
		secs := []int{}
		for j := 0; j < n; j++ {
			secs = append(secs, opened+r.Between(-60, closes-opened+90))
		}
		sort.Ints(secs)
		version, price, bids := 1, 0, 0
		warned, closed := false, false
		for _, when := range secs {
			early := when < opened
			if !warned && !closed && when >= closes-warning {
				warned = true
				version++
			}
			if !closed && when >= closeAt {
				closed = true
				version++
			}
			amount := 0
			switch m := r.Intn(100); {
			case bids == 0 && m < 15:
				amount = start - 5*r.Between(1, 5)
			case bids == 0:
				amount = start + 5*r.Between(0, 6)
			case m < 12:
				amount = price - 5*r.Between(0, 4)
			default:
				amount = price + 5*r.Between(1, 12)
			}
			if amount < 1 {
				amount = 1
			}
			seen := version
			switch m := r.Intn(100); {
			case early:
				seen = 0
			case m < 40:
				seen = version - r.Between(1, 3)
			case m < 45:
				seen = -1 // no seen=
			}
			if seen < 1 && !early && seen != -1 {
				seen = 1
			}
			text := "bid " + id + " " + r.Pick(bidderNames) + " " + strconv.Itoa(amount)
			if seen >= 0 {
				text += " seen=" + strconv.Itoa(seen)
			}
			add(when, text)
			if !early && !closed && when < closes && ((bids == 0 && amount >= start) || (bids > 0 && amount > price)) {
				version++
				price = amount
				bids++
			}
		}
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].at != lines[j].at {
			return lines[i].at < lines[j].at
		}
		return lines[i].seq < lines[j].seq
	})
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, clockOf(l.at)+" "+l.text)
	}
	logs[seed] = out
	return out
}
