//go:build ignore

package bank

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: a day of the bank's command log, some of it garbled.
//
// Part 1: net = the amounts of the deposits that parse minus the amounts of
// the withdrawals that parse; the answer is net times the number of lines
// that do not parse.
//
// Part 2: of the lines that parse, net = the amounts of the valid deposits
// minus those of the valid withdrawals; the answer is net times the number
// of commands Validate refuses.

// part1Answer answers Part 1 for a command log.
func part1Answer(lines []string) int {
	net, broken := 0, 0
	for _, line := range lines {
		cmd, err := ParseCommand(line)
		if err != nil {
			broken++
			continue
		}
		net += signedAmount(cmd)
	}
	return net * broken
}

// part2Answer answers Part 2 for a command log.
func part2Answer(lines []string) int {
	net, refused := 0, 0
	for _, line := range lines {
		cmd, err := ParseCommand(line)
		if err != nil {
			continue
		}
		if Validate(cmd) != nil {
			refused++
			continue
		}
		net += signedAmount(cmd)
	}
	return net * refused
}

// signedAmount is what a command adds to the net: a deposit's amount, a
// withdrawal's amount negated, or nothing.
func signedAmount(cmd Command) int {
	switch c := cmd.(type) {
	case DepositMoney:
		return c.Amount
	case WithdrawMoney:
		return -c.Amount
	}
	return 0
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleInput(puzzle.Seed())), 829038532)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleInput(puzzle.Seed())), 3631545780)
}

// puzzleLines is the length of the puzzle's command log.
const puzzleLines = 3000

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
	badIDs     = []string{"ACC-12", "acc-", "acc12", "acc-12a", "a-12", "acc-x9", "12", "account-12"}
	garbled    = []string{
		"", "   ", "transfer %s acc-9 40", "pay %s 40", "Deposit %s 40", "balance %s",
		"open", "deposit %s", "withdraw %s", "deposit %s 12.50", "withdraw %s ten",
		"deposit %s 5 coins", "close %s now", "close", "deposit %s 1,000",
	}
)

// puzzleInput generates the command log for a seed.
func puzzleInput(seed string) []string {
	r := puzzle.New("01-commands", seed)
	lines := make([]string, 0, puzzleLines)
	for len(lines) < puzzleLines {
		lines = append(lines, puzzleLine(r))
	}
	return lines
}

// puzzleLine generates one line of the command log.
func puzzleLine(r *puzzle.Rand) string {
	id := "acc-" + strconv.Itoa(r.Between(1, 400))
	if r.Chance(4) {
		id = r.Pick(badIDs)
	}
	sep := " "
	if r.Chance(5) {
		sep = r.Pick([]string{"  ", "\t", " \t "})
	}
	n := r.Intn(100)
	switch {
	case n < 12:
		owner := r.Pick(firstNames) + sep + r.Pick(lastNames)
		if r.Chance(20) {
			owner = r.Pick(firstNames) + " " + r.Pick(firstNames) + sep + r.Pick(lastNames)
		}
		if r.Chance(6) {
			owner = r.Pick([]string{"", " ", "\t"})
		}
		return "open" + sep + id + " " + owner
	case n < 50:
		return "deposit" + sep + id + sep + strconv.Itoa(puzzleAmount(r))
	case n < 82:
		return "withdraw " + id + sep + strconv.Itoa(puzzleAmount(r))
	case n < 91:
		return "close" + sep + id
	}
	line := r.Pick(garbled)
	if line == "" || line == "   " || line == "open" || line == "close" {
		return line
	}
	return fmt.Sprintf(line, id)
}

// puzzleAmount generates the amount of a deposit or a withdrawal.
func puzzleAmount(r *puzzle.Rand) int {
	n := r.Intn(100)
	switch {
	case n < 2:
		return 0
	case n < 5:
		return -r.Between(1, 500)
	case n < 6:
		return MaxAmount
	case n < 8:
		return MaxAmount + r.Between(1, 2*MaxAmount)
	}
	return r.Between(1, 5000)
}
