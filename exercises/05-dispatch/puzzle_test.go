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

// The puzzle: a day of commands arriving at the router. Each line is an
// envelope, its id and then a command in the teller's format, or the word
// step, when the bank handles what is queued:
//
//	cmd-17 deposit acc-3 250
//	step
//	cmd-17 deposit acc-3 250     the same envelope again: a retry
//
// Part 1: Dispatch every command in order, each in an envelope of its own
// (the line number, "line-1", "line-2", ..., as its id: Part 1 ignores the
// ids of the log and the step lines). The answer is the number of refused
// commands times the money held, at the end, in accounts that are open.
//
// Part 2: Submit every envelope with its own id, Step at every step line,
// and at the end Step until nothing is pending. The answer is the number
// of Steps times the sum of the positions of the store's MoneyWithdrawn
// events.

// errBadEnvelope: a line that is neither an envelope nor "step".
var errBadEnvelope = errors.New("bad envelope line")

// parseEnvelope reads one line of the log; step reports a step line.
func parseEnvelope(line string) (env Envelope, step bool, err error) {
	if strings.TrimSpace(line) == "step" {
		return Envelope{}, true, nil
	}
	id, rest, found := strings.Cut(strings.TrimSpace(line), " ")
	if !found || !strings.HasPrefix(id, "cmd-") {
		return Envelope{}, false, fmt.Errorf("%q: %w", line, errBadEnvelope)
	}
	cmd, err := ParseCommand(rest)
	if err != nil {
		return Envelope{}, false, err
	}
	return Envelope{ID: id, Command: cmd}, false, nil
}

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 5, 9, 0, 0, 0, time.UTC)

// moneyHeld returns the money held in the open accounts of a store.
func moneyHeld(store *EventStore) int {
	var history []Event
	for _, r := range store.ReadAll(1) {
		history = append(history, r.Event)
	}
	held := 0
	for _, a := range Rebuild(history) {
		if a.Opened && !a.Closed {
			held += a.Balance
		}
	}
	return held
}

// part1Answer answers Part 1 for a log.
func part1Answer(lines []string) int {
	store := newStore()
	router := NewRouter(store)
	refused, n := 0, 0
	for _, line := range lines {
		env, step, err := parseEnvelope(line)
		if err != nil {
			panic(err)
		}
		if step {
			continue
		}
		n++
		env.ID = "line-" + strconv.Itoa(n)
		if _, err := router.Dispatch(env); err != nil {
			refused++
		}
	}
	return refused * moneyHeld(store)
}

// part2Answer answers Part 2 for a log.
func part2Answer(lines []string) int {
	store := newStore()
	router := NewRouter(store)
	steps := 0
	for _, line := range lines {
		env, step, err := parseEnvelope(line)
		if err != nil {
			panic(err)
		}
		if step {
			router.Step()
			steps++
			continue
		}
		router.Submit(env)
	}
	for router.Pending() > 0 {
		router.Step()
		steps++
		if steps > 10*len(lines) {
			panic("Pending() never reaches 0")
		}
	}
	positions := 0
	for _, r := range store.ReadAll(1) {
		if r.Event.EventType() == "MoneyWithdrawn" {
			positions += r.Position
		}
	}
	return steps * positions
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleLog(puzzle.Seed())), 127413433)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleLog(puzzle.Seed())), 71047080)
}

// puzzleSize is the number of envelope lines in the log.
const puzzleSize = 1500

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// simAccount is the generator's own idea of an account.
type simAccount struct {
	opened, closed bool
	balance        int
}

// puzzleLog generates the log: customers who mostly know what their
// accounts allow, and senders who now and then send an envelope again.
func puzzleLog(seed string) []string {
	r := puzzle.New("05-dispatch", seed)
	accounts := map[string]*simAccount{}
	var sent []string
	lines := make([]string, 0, puzzleSize*5/4)
	next := 0
	for len(sent) < puzzleSize {
		if len(sent) > 0 && r.Chance(25) {
			lines = append(lines, "step")
		}
		if len(sent) > 10 && r.Chance(7) {
			line := sent[len(sent)-r.Between(1, 10)]
			sent = append(sent, line)
			lines = append(lines, line)
			continue
		}
		id := "acc-" + strconv.Itoa(r.Between(1, 60))
		a, ok := accounts[id]
		if !ok {
			a = &simAccount{}
			accounts[id] = a
		}
		usable := a.opened && !a.closed
		amount := r.Between(1, 3000)
		var cmd string
		switch n := r.Intn(100); {
		case n < 5 || (!a.opened && n < 80):
			cmd = "open " + id + " " + r.Pick(firstNames) + " " + r.Pick(lastNames)
			a.opened = true
		case n < 50:
			cmd = "deposit " + id + " " + strconv.Itoa(amount)
			if usable {
				a.balance += amount
			}
		case n < 96:
			if usable && a.balance > 0 && r.Chance(20) {
				amount = a.balance
			}
			cmd = "withdraw " + id + " " + strconv.Itoa(amount)
			if usable && amount <= a.balance {
				a.balance -= amount
			}
		default:
			cmd = "close " + id
			if usable && a.balance == 0 {
				a.closed = true
			}
		}
		next++
		line := "cmd-" + strconv.Itoa(next) + " " + cmd
		sent = append(sent, line)
		lines = append(lines, line)
	}
	return lines
}
