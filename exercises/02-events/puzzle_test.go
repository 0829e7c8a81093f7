//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: a teller's log. Each line shows the account as the teller
// sees it, then " | ", then the command a customer hands in:
//
//	new | open acc-7 Ngozi Okafor           never opened
//	open balance=250 | deposit acc-7 1200   open, holding 250
//	closed balance=0 | deposit acc-3 40     closed
//
// Part 1: execute only the opens and the deposits; the answer is the total
// amount of the MoneyDeposited events times the number of AccountOpened
// events.
//
// Part 2: execute every command; the answer is the number of refused
// commands times the total amount of the MoneyWithdrawn events.

// errBadTellerLine: a line that is not in the teller's format.
var errBadTellerLine = errors.New("bad teller line")

// parseTellerLine reads one line of the teller's log.
func parseTellerLine(line string) (Account, Command, error) {
	left, right, found := strings.Cut(line, "|")
	if !found {
		return Account{}, nil, fmt.Errorf("%q: %w", line, errBadTellerLine)
	}
	cmd, err := ParseCommand(right)
	if err != nil {
		return Account{}, nil, err
	}
	fields := strings.Fields(left)
	if len(fields) == 0 {
		return Account{}, nil, fmt.Errorf("%q: %w", line, errBadTellerLine)
	}
	state := Account{ID: cmd.AccountID()}
	switch fields[0] {
	case "new":
	case "open":
		state.Opened = true
	case "closed":
		state.Opened, state.Closed = true, true
	default:
		return Account{}, nil, fmt.Errorf("%q: %w", line, errBadTellerLine)
	}
	for _, f := range fields[1:] {
		v, ok := strings.CutPrefix(f, "balance=")
		if !ok {
			return Account{}, nil, fmt.Errorf("%q: %w", line, errBadTellerLine)
		}
		if state.Balance, err = strconv.Atoi(v); err != nil {
			return Account{}, nil, fmt.Errorf("%q: %w", line, errBadTellerLine)
		}
	}
	return state, cmd, nil
}

// mustParseTellerLine is parseTellerLine for lines known to be good.
func mustParseTellerLine(line string) (Account, Command) {
	state, cmd, err := parseTellerLine(line)
	if err != nil {
		panic(err)
	}
	return state, cmd
}

// part1Answer answers Part 1 for a teller's log.
func part1Answer(lines []string) int {
	deposited, opened := 0, 0
	for _, line := range lines {
		state, cmd := mustParseTellerLine(line)
		switch cmd.(type) {
		case OpenAccount, DepositMoney:
		default:
			continue // Part 2
		}
		events, _ := Execute(state, cmd)
		for _, e := range events {
			switch e := e.(type) {
			case AccountOpened:
				opened++
			case MoneyDeposited:
				deposited += e.Amount
			}
		}
	}
	return deposited * opened
}

// part2Answer answers Part 2 for a teller's log.
func part2Answer(lines []string) int {
	refused, withdrawn := 0, 0
	for _, line := range lines {
		state, cmd := mustParseTellerLine(line)
		events, err := Execute(state, cmd)
		if err != nil {
			refused++
		}
		for _, e := range events {
			switch e := e.(type) {
			case MoneyWithdrawn:
				withdrawn += e.Amount
			}
		}
	}
	return refused * withdrawn
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleInput(puzzle.Seed())), 47375595)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleInput(puzzle.Seed())), 1203816124)
}

// puzzleLines is the length of the teller's log.
const puzzleLines = 3000

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
	badIDs     = []string{"ACC-12", "acc-", "acc12", "acc-12a", "a-12", "acc-x9"}
)

// puzzleInput generates the teller's log for a seed.
func puzzleInput(seed string) []string {
	r := puzzle.New("02-events", seed)
	lines := make([]string, 0, puzzleLines)
	for len(lines) < puzzleLines {
		lines = append(lines, puzzleLine(r))
	}
	return lines
}

// puzzleLine generates one line of the teller's log.
func puzzleLine(r *puzzle.Rand) string {
	balance := 0
	state := "new"
	switch n := r.Intn(100); {
	case n < 78:
		if !r.Chance(25) {
			balance = r.Between(1, 5000)
		}
		state = "open balance=" + strconv.Itoa(balance)
	case n < 88:
		state = "closed balance=0"
	}
	id := "acc-" + strconv.Itoa(r.Between(1, 500))
	if r.Chance(3) {
		id = r.Pick(badIDs)
	}
	var cmd string
	switch n := r.Intn(100); {
	case n < 15:
		owner := r.Pick(firstNames) + " " + r.Pick(lastNames)
		if r.Chance(5) {
			owner = ""
		}
		cmd = "open " + id + " " + owner
	case n < 50:
		cmd = "deposit " + id + " " + strconv.Itoa(puzzleAmount(r))
	case n < 85:
		amount := puzzleAmount(r)
		if n := r.Intn(100); n < 30 {
			amount = balance
		} else if n < 50 {
			amount = balance + r.Between(1, 100)
		}
		cmd = "withdraw " + id + " " + strconv.Itoa(amount)
	default:
		cmd = "close " + id
	}
	return state + " | " + cmd
}

// puzzleAmount generates the amount of a deposit or a withdrawal.
func puzzleAmount(r *puzzle.Rand) int {
	n := r.Intn(100)
	switch {
	case n < 2:
		return 0
	case n < 4:
		return -r.Between(1, 500)
	case n < 6:
		return MaxAmount + r.Between(1, MaxAmount)
	}
	return r.Between(1, 3000)
}
