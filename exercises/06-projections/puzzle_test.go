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

// The puzzle: a script of what happens at the bank while the counter's
// screen shows a BalanceView. Each line is one of:
//
//	acc-17 open Ada Lovelace   an event appended to the store (also
//	acc-17 deposit 250         withdraw and close)
//	catch up                   the view catches up with the store
//	query acc-17               the screen asks the view for a balance
//	redeliver 42               the event at position 42, which the view
//	                           has projected already, is delivered to it
//	                           again, with Project
//
// Part 1: run the script; the answer is the sum of the balances the view
// answers to the queries (0 for an account it does not know).
//
// Part 2 has a script of its own (screenScript), run on a Screen: the
// same lines (catch up, query and redeliver now go through the screen),
// and four more:
//
//	deliver 42                 the event at position 42, after the live
//	                           view's checkpoint but not the next one, is
//	                           delivered to it out of turn, with Project
//	rebuild                    a rebuild starts (refused if one is running)
//	rebuild 40                 the rebuild has time for 40 events
//	swap                       the swap is asked for (refused if the new
//	                           view has not caught up)
//
// The answer is the sum of the balances the screen answers to the
// queries (0 for an account it does not know).

// errBadScript: a line that is not in the script's format.
var errBadScript = errors.New("bad script line")

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 6, 9, 0, 0, 0, time.UTC)

// runScript runs a script on a new store and view, calls query for every
// query's answer, and returns the view.
func runScript(lines []string, query func(balance int, known bool)) (*EventStore, *BalanceView) {
	store := newStore()
	view := NewBalanceView()
	for _, line := range lines {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "catch" && f[1] == "up":
			view.CatchUp(store)
		case len(f) == 2 && f[0] == "query":
			query(view.Balance(f[1]))
		case len(f) == 2 && f[0] == "redeliver":
			view.Project(recordAt(store, line, f[1]))
		default:
			appendLine(store, line)
		}
	}
	return store, view
}

// part1Answer answers Part 1 for a script.
func part1Answer(lines []string) int {
	sum := 0
	runScript(lines, func(balance int, known bool) { sum += balance })
	return sum
}

// runScreen runs a script of Part 2 on a new store and a Screen whose live
// view starts empty, calls query for every query's answer, and returns the
// store and the screen.
func runScreen(lines []string, query func(balance int, known bool)) (*EventStore, *Screen) {
	store := newStore()
	screen := NewScreen(store, NewBalanceView())
	for _, line := range lines {
		f := strings.Fields(line)
		bad := fmt.Errorf("%q: %w", line, errBadScript)
		switch {
		case len(f) == 2 && f[0] == "catch" && f[1] == "up":
			screen.CatchUp()
		case len(f) == 2 && f[0] == "query":
			query(screen.Balance(f[1]))
		case len(f) == 2 && (f[0] == "redeliver" || f[0] == "deliver"):
			screen.Project(recordAt(store, line, f[1]))
		case len(f) == 1 && f[0] == "rebuild":
			// A refusal (a rebuild is running) changes nothing.
			_ = screen.StartRebuild()
		case len(f) == 2 && f[0] == "rebuild":
			n, err := strconv.Atoi(f[1])
			if err != nil {
				panic(bad)
			}
			screen.Rebuild(n)
		case len(f) == 1 && f[0] == "swap":
			// A refusal (not caught up, or no rebuild) changes nothing.
			_ = screen.Swap()
		default:
			// Every other line is an event, as in Part 1's script.
			appendLine(store, line)
		}
	}
	return store, screen
}

// recordAt is the store's event at the position a script line names.
func recordAt(store *EventStore, line, position string) RecordedEvent {
	n, err := strconv.Atoi(position)
	all := store.ReadAll(n)
	if err != nil || len(all) == 0 {
		panic(fmt.Errorf("%q: %w", line, errBadScript))
	}
	return all[0]
}

// appendLine appends the event a script line names, such as
// "acc-17 deposit 250", to the store.
func appendLine(store *EventStore, line string) {
	f := strings.Fields(line)
	bad := fmt.Errorf("%q: %w", line, errBadScript)
	var e Event
	switch {
	case len(f) >= 3 && f[1] == "open":
		e = AccountOpened{Account: f[0], Owner: strings.Join(f[2:], " ")}
	case len(f) == 2 && f[1] == "close":
		e = AccountClosed{Account: f[0]}
	case len(f) == 3 && (f[1] == "deposit" || f[1] == "withdraw"):
		amount, err := strconv.Atoi(f[2])
		if err != nil {
			panic(bad)
		}
		if f[1] == "deposit" {
			e = MoneyDeposited{Account: f[0], Amount: amount}
		} else {
			e = MoneyWithdrawn{Account: f[0], Amount: amount}
		}
	default:
		panic(bad)
	}
	if _, err := store.Append(f[0], AnyVersion, []Event{e}); err != nil {
		panic(err)
	}
}

// part2Answer answers Part 2 for a script.
func part2Answer(lines []string) int {
	sum := 0
	runScreen(lines, func(balance int, known bool) { sum += balance })
	return sum
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleScript(puzzle.Seed())), 538767)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(screenScript(puzzle.Seed())), 1054123)
}

// puzzleSize is the number of events in the script.
const puzzleSize = 2000

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// simAccount is the generator's own idea of an account.
type simAccount struct {
	id      string
	balance int
}

// simBank is the generators' bank: the accounts still open, and the
// highest account number given so far.
type simBank struct {
	live []*simAccount
	next int
}

// step appends one teller line that follows the rules (an opening, a
// deposit, a withdrawal, or a close, after the withdrawal of what is left)
// and returns the lines and how many events they record.
func (b *simBank) step(r *puzzle.Rand, lines []string) ([]string, int) {
	n := r.Intn(100)
	if n < 10 || len(b.live) == 0 {
		b.next += r.Between(1, 2)
		a := &simAccount{id: "acc-" + strconv.Itoa(b.next)}
		b.live = append(b.live, a)
		return append(lines, a.id+" open "+r.Pick(firstNames)+" "+r.Pick(lastNames)), 1
	}
	i := r.Intn(len(b.live))
	a := b.live[i]
	switch {
	case n < 55 || (n < 97 && a.balance == 0):
		amount := r.Between(1, 5000)
		a.balance += amount
		return append(lines, a.id+" deposit "+strconv.Itoa(amount)), 1
	case n < 97:
		amount := r.Between(1, a.balance)
		a.balance -= amount
		return append(lines, a.id+" withdraw "+strconv.Itoa(amount)), 1
	}
	recorded := 1
	if a.balance > 0 {
		lines = append(lines, a.id+" withdraw "+strconv.Itoa(a.balance))
		a.balance = 0
		recorded++
	}
	b.live[i] = b.live[len(b.live)-1]
	b.live = b.live[:len(b.live)-1]
	return append(lines, a.id+" close"), recorded
}

// puzzleScript generates the script: a history that follows the rules,
// with the screen catching up, asking and being delivered old events now
// and then.
func puzzleScript(seed string) []string {
	r := puzzle.New("06-projections", seed)
	bank := &simBank{}
	events, caught := 0, 0
	lines := make([]string, 0, puzzleSize*3/2)
	for events < puzzleSize {
		switch n := r.Intn(100); {
		case n < 8:
			lines = append(lines, "catch up")
			caught = events
			continue
		case n < 20:
			lines = append(lines, "query acc-"+strconv.Itoa(r.Between(1, bank.next+3)))
			continue
		case n < 23 && caught > 0:
			// Only what the view has seen can be delivered again.
			lines = append(lines, "redeliver "+strconv.Itoa(r.Between(1, caught)))
			continue
		}
		var recorded int
		lines, recorded = bank.step(r, lines)
		events += recorded
	}
	return lines
}

// screenSize is the number of events in Part 2's script.
const screenSize = 3000

// screenScript generates Part 2's script: a history that follows the
// rules, with the screen catching up, asking, being delivered old events
// and now and then one out of turn, and rebuilding its view behind the
// live one, a few events at a time, asking for the swap too early more
// often than not.
func screenScript(seed string) []string {
	r := puzzle.New("06-projections/part2", seed)
	bank := &simBank{}
	events := 0
	shown := 0          // the live view's checkpoint
	rebuilding := false // whether a rebuild is running
	built := 0          // the new view's checkpoint, while one is
	lines := make([]string, 0, screenSize*3/2)
	for events < screenSize {
		switch n := r.Intn(100); {
		case n < 6:
			lines = append(lines, "catch up")
			shown = events
			continue
		case n < 18:
			lines = append(lines, "query acc-"+strconv.Itoa(r.Between(1, bank.next+3)))
			continue
		case n < 21 && shown > 0:
			// Only what the live view has seen can be delivered again.
			lines = append(lines, "redeliver "+strconv.Itoa(r.Between(1, shown)))
			continue
		case n < 22 && events >= shown+2:
			// Out of turn: the events between are never delivered.
			shown = r.Between(shown+2, events)
			lines = append(lines, "deliver "+strconv.Itoa(shown))
			continue
		case n < 24:
			lines = append(lines, "rebuild")
			if !rebuilding {
				rebuilding, built = true, 0
			}
			continue
		case n < 32 && rebuilding:
			k := r.Between(1, 120)
			lines = append(lines, "rebuild "+strconv.Itoa(k))
			built += k
			if built > events {
				built = events
			}
			if built == events && r.Chance(50) {
				lines = append(lines, "swap")
				rebuilding, shown = false, built
			}
			continue
		case n < 36:
			lines = append(lines, "swap")
			if rebuilding && built == events {
				rebuilding, shown = false, built
			}
			continue
		}
		var recorded int
		lines, recorded = bank.step(r, lines)
		events += recorded
	}
	return lines
}
