//go:build ignore

package bank

import (
	"strconv"
	"testing"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle.
//
// Part 1: the bank's whole history, thousands of events of hundreds of
// accounts interleaved. Rebuild the accounts; the answer is the money held
// in the live accounts (opened and not closed) times the number of live
// accounts.
//
// Part 2: a day's command log, handled one line after the other with
// Handle, starting from an empty bank. For every command the bank refuses,
// note the version of the account it was about just before (0 when the
// bank has never heard of the account); the answer is the sum of them.

// part1Answer answers Part 1 for a history.
func part1Answer(history []Event) int {
	held, live := 0, 0
	for _, a := range Rebuild(history) {
		if a.Opened && !a.Closed {
			held += a.Balance
			live++
		}
	}
	return held * live
}

// part2Answer answers Part 2 for a command log.
func part2Answer(lines []string) int {
	accounts := map[string]*Account{}
	sum := 0
	for _, line := range lines {
		cmd, err := ParseCommand(line)
		if err != nil {
			panic(err)
		}
		version := 0
		if a, ok := accounts[cmd.AccountID()]; ok {
			version = a.Version
		}
		if _, err := Handle(accounts, cmd); err != nil {
			sum += version
		}
	}
	return sum
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleHistory(puzzle.Seed())), 80738000)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleLog(puzzle.Seed())), 8023)
}

// puzzleSize is the number of events in the history, and of lines in the
// command log.
const puzzleSize = 3000

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// simAccount is the generator's own idea of an account.
type simAccount struct {
	id      string
	balance int
	opened  bool
	closed  bool
}

// puzzleHistory generates the history of Part 1: every event follows the
// rules, as the bank would have recorded them.
func puzzleHistory(seed string) []Event {
	r := puzzle.New("03-aggregates/history", seed)
	var live []*simAccount
	next := 0
	history := make([]Event, 0, puzzleSize+1)
	for len(history) < puzzleSize {
		n := r.Intn(100)
		if n < 10 || len(live) == 0 {
			next += r.Between(1, 3)
			a := &simAccount{id: "acc-" + strconv.Itoa(next), opened: true}
			live = append(live, a)
			history = append(history, AccountOpened{Account: a.id, Owner: r.Pick(firstNames) + " " + r.Pick(lastNames)})
			continue
		}
		i := r.Intn(len(live))
		a := live[i]
		switch {
		case n < 55 || (n < 97 && a.balance == 0):
			amount := r.Between(1, 5000)
			a.balance += amount
			history = append(history, MoneyDeposited{Account: a.id, Amount: amount})
		case n < 97:
			amount := r.Between(1, a.balance)
			if r.Chance(10) {
				amount = a.balance
			}
			a.balance -= amount
			history = append(history, MoneyWithdrawn{Account: a.id, Amount: amount})
		default:
			if a.balance > 0 {
				history = append(history, MoneyWithdrawn{Account: a.id, Amount: a.balance})
				a.balance = 0
			}
			history = append(history, AccountClosed{Account: a.id})
			live[i] = live[len(live)-1]
			live = live[:len(live)-1]
		}
	}
	return history
}

// puzzleLog generates the command log of Part 2: commands of customers
// who mostly, but not always, know what their accounts allow.
func puzzleLog(seed string) []string {
	r := puzzle.New("03-aggregates/log", seed)
	accounts := map[string]*simAccount{}
	lines := make([]string, 0, puzzleSize)
	for len(lines) < puzzleSize {
		id := "acc-" + strconv.Itoa(r.Between(1, 120))
		a, ok := accounts[id]
		if !ok {
			a = &simAccount{id: id}
			accounts[id] = a
		}
		usable := a.opened && !a.closed
		amount := r.Between(1, 3000)
		if r.Chance(3) {
			amount = []int{0, -amount, MaxAmount + amount}[r.Intn(3)]
		}
		n := r.Intn(100)
		switch {
		case n < 8 || (!a.opened && n < 70):
			owner := r.Pick(firstNames) + " " + r.Pick(lastNames)
			if r.Chance(4) {
				owner = ""
			}
			lines = append(lines, "open "+id+" "+owner)
			if owner != "" {
				a.opened = true
			}
		case n < 50:
			lines = append(lines, "deposit "+id+" "+strconv.Itoa(amount))
			if usable && amount > 0 && amount <= MaxAmount {
				a.balance += amount
			}
		case n < 96:
			if usable && a.balance > 0 && r.Chance(20) {
				amount = a.balance
			}
			lines = append(lines, "withdraw "+id+" "+strconv.Itoa(amount))
			if usable && amount > 0 && amount <= a.balance {
				a.balance -= amount
			}
		default:
			lines = append(lines, "close "+id)
			if usable && a.balance == 0 {
				a.closed = true
			}
		}
	}
	return lines
}
