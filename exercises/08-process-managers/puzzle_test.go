//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: a day at the bank with transfers. Each line is one of:
//
//	open acc-17 Ada Lovelace        a teller's command, in chapter 1's
//	deposit acc-17 250              format, dispatched at once through the
//	                                router (refused ones change nothing)
//	transfer t-4 acc-17 acc-3 120   a TransferRequested appended to the
//	                                stream transfer-t-4
//	deliver                         the subscription delivers (Part 2)
//	fail before                     the manager's next command is lost on
//	                                its way to the router (Part 2)
//	fail after                      the manager's next command is handled,
//	                                but its answer is lost (Part 2)
//	restart                         the bank restarts (Part 2): a new
//	                                TransferManager and a new Subscription
//	                                for it, from 0; the store and the
//	                                router (and what it remembers) stay
//
// Part 1: a transfer manager handles each transfer as soon as it is
// requested; the Part 2 lines are ignored.
//
// Part 2: the transfer manager is the one handler of a subscription of
// the store, and sends its commands through a dispatcher that fails as
// the fail lines say.
//
// For both, the answer is the sum of the amounts of the completed
// transfers plus the money held in open accounts at the end, times the
// number of failed transfers (counted as TransferFailed events in the
// store).

// errBadScript: a line that is not in the script's format.
var errBadScript = errors.New("bad script line")

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 8, 9, 0, 0, 0, time.UTC)

// run runs the script's lines, for Part 2 or not, and returns the answer.
func run(lines []string, part2 bool) int {
	store := newStore()
	router := NewRouter(store)
	net := &flaky{next: router, before: map[int]bool{}, after: map[int]bool{}}
	manager := NewTransferManager(store, net)
	sub := NewSubscription(store, manager)
	amounts := map[string]int{}
	for i, line := range lines {
		f := strings.Fields(line)
		bad := fmt.Errorf("%q: %w", line, errBadScript)
		switch {
		case line == "deliver" || line == "fail before" || line == "fail after" || line == "restart":
			if !part2 {
				continue
			}
			switch line {
			case "deliver":
				sub.Deliver()
			case "fail before":
				net.before[net.calls+1] = true
			case "fail after":
				net.after[net.calls+1] = true
			case "restart":
				manager = NewTransferManager(store, net)
				sub = NewSubscription(store, manager)
			}
		case len(f) == 5 && f[0] == "transfer":
			amount, err := strconv.Atoi(f[4])
			if err != nil {
				panic(bad)
			}
			e := TransferRequested{Transfer: f[1], From: f[2], To: f[3], Amount: amount}
			if _, err := store.Append(e.AccountID(), NoStream, []Event{e}); err != nil {
				panic(err)
			}
			amounts[e.AccountID()] = amount
			if !part2 {
				records := store.ReadStream(e.AccountID(), 1)
				if err := manager.Handle(records[0]); err != nil {
					panic(err)
				}
			}
		default:
			cmd, err := ParseCommand(line)
			if err != nil {
				panic(fmt.Errorf("%q: %w", line, err))
			}
			router.Dispatch(Envelope{ID: "line-" + strconv.Itoa(i+1), Command: cmd})
		}
	}
	var history []Event
	completed, failed := 0, 0
	for _, r := range store.ReadAll(1) {
		history = append(history, r.Event)
		switch r.Event.(type) {
		case TransferCompleted:
			completed += amounts[r.StreamID]
		case TransferFailed:
			failed++
		}
	}
	held := 0
	for _, a := range Rebuild(history) {
		if a.Opened && !a.Closed {
			held += a.Balance
		}
	}
	return (completed + held) * failed
}

// part1Answer answers Part 1 for a script.
func part1Answer(lines []string) int {
	return run(lines, false)
}

// part2Answer answers Part 2 for a script.
func part2Answer(lines []string) int {
	return run(lines, true)
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleScript(puzzle.Seed())), 62349951)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleScript(puzzle.Seed())), 60946400)
}

// puzzleSize is the number of teller commands and transfers in the script.
const puzzleSize = 600

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// puzzleScript generates the script: accounts opened, deposits, accounts
// closed, and transfers between them (some from or to accounts closed or
// never opened, some for more than the source holds), with deliveries,
// lost commands and restarts in between.
func puzzleScript(seed string) []string {
	r := puzzle.New("08-process-managers", seed)
	next, transfers := 0, 0
	acc := func() string { return "acc-" + strconv.Itoa(r.Between(1, next+1)) }
	lines := make([]string, 0, puzzleSize*3/2)
	for n := 0; n < puzzleSize; n++ {
		switch k := r.Intn(100); {
		case k < 8 || next == 0:
			next++
			lines = append(lines, "open acc-"+strconv.Itoa(next)+" "+r.Pick(firstNames)+" "+r.Pick(lastNames))
		case k < 10:
			// An account opened and closed at once, before any money arrives.
			next++
			id := "acc-" + strconv.Itoa(next)
			lines = append(lines, "open "+id+" "+r.Pick(firstNames)+" "+r.Pick(lastNames), "close "+id)
		case k < 45:
			lines = append(lines, "deposit "+acc()+" "+strconv.Itoa(r.Between(1, 3000)))
		case k < 50:
			lines = append(lines, "withdraw "+acc()+" "+strconv.Itoa(r.Between(1, 500)))
		default:
			transfers++
			lines = append(lines, "transfer t-"+strconv.Itoa(transfers)+" "+acc()+" "+acc()+" "+strconv.Itoa(r.Between(1, 2500)))
		}
		switch k := r.Intn(1000); {
		case k < 250:
			lines = append(lines, "deliver")
		case k < 290:
			lines = append(lines, "fail before")
		case k < 330:
			lines = append(lines, "fail after")
		case k < 334:
			lines = append(lines, "restart")
		}
	}
	return append(lines, "deliver")
}
