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

// The puzzles: two scripts of a busy day. Their first line is
// "batch N", the most events a read model projects per tick. Then each
// line is one of:
//
//	open acc-17 Ada Lovelace    a teller's command, in chapter 1's format,
//	deposit acc-17 250          dispatched at once through the router
//	                            (refused ones change nothing)
//	tick                        the read model ticks once
//
// and, in the Part 1 script:
//
//	read acc-17                 the LaggingView answers with acc-17's balance
//	wait acc-17 2               read your writes: WaitFor the position of
//	                            acc-17's last event, ticking at most 2
//	                            times, then read acc-17 (even when it gave up)
//
// or, in the Part 2 script:
//
//	star repo-4 ada             GiveStar (refused ones change nothing)
//	unstar repo-4 ada           TakeStar (refused ones change nothing)
//	count repo-4                the StarCounter answers with repo-4's stars
//
// Part 1: the sum, over every read (the ones after a wait too), of the
// balance it answered times the version it reflects.
//
// Part 2: the sum of the stars of every count, times the number of counts
// that were not up to date.

// errBadScript: a line that is not in the script's format.
var errBadScript = errors.New("bad script line")

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 9, 9, 0, 0, 0, time.UTC)

// batchOf reads the script's first line, "batch N".
func batchOf(lines []string) int {
	f := strings.Fields(lines[0])
	n, err := 0, error(nil)
	if len(f) == 2 && f[0] == "batch" {
		n, err = strconv.Atoi(f[1])
	}
	if len(f) != 2 || f[0] != "batch" || err != nil || n < 1 {
		panic(fmt.Errorf("%q: %w", lines[0], errBadScript))
	}
	return n
}

// teller dispatches a teller's command line through the router.
func teller(router *Router, i int, line string) {
	cmd, err := ParseCommand(line)
	if err != nil {
		panic(fmt.Errorf("%q: %w", line, err))
	}
	router.Dispatch(Envelope{ID: "line-" + strconv.Itoa(i+1), Command: cmd})
}

// part1Answer answers Part 1 for a script.
func part1Answer(lines []string) int {
	store := newStore()
	router := NewRouter(store)
	view := NewLaggingView(store, batchOf(lines))
	sum := 0
	for i, line := range lines[1:] {
		f := strings.Fields(line)
		switch {
		case line == "tick":
			view.Tick()
		case len(f) == 2 && f[0] == "read":
			a := view.Balance(f[1])
			sum += a.Balance * a.Version
		case len(f) == 3 && f[0] == "wait":
			ticks, err := strconv.Atoi(f[2])
			if err != nil {
				panic(fmt.Errorf("%q: %w", line, errBadScript))
			}
			view.WaitFor(PositionOf(store, f[1], store.Version(f[1])), ticks)
			a := view.Balance(f[1])
			sum += a.Balance * a.Version
		default:
			teller(router, i, line)
		}
	}
	return sum
}

// part2Answer answers Part 2 for a script.
func part2Answer(lines []string) int {
	store := newStore()
	router := NewRouter(store)
	counter := NewStarCounter(store, batchOf(lines))
	stars, stale := 0, 0
	for i, line := range lines[1:] {
		f := strings.Fields(line)
		switch {
		case line == "tick":
			counter.Tick()
		case len(f) == 3 && f[0] == "star":
			GiveStar(store, f[1], f[2])
		case len(f) == 3 && f[0] == "unstar":
			TakeStar(store, f[1], f[2])
		case len(f) == 2 && f[0] == "count":
			c := counter.Stars(f[1])
			stars += c.Stars
			if !c.UpToDate {
				stale++
			}
		default:
			teller(router, i, line)
		}
	}
	return stars * stale
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleScript1(puzzle.Seed())), 27772888)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleScript2(puzzle.Seed())), 512343)
}

// puzzleSize is the number of lines of each script, about.
const puzzleSize = 1500

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
	users      = []string{"ada", "grace", "alan", "edsger", "barbara", "donald", "margaret", "ken", "frances", "john", "radia", "dennis", "leslie", "tony", "niklaus", "guido"}
)

// tellerLine returns a random teller's command; next counts the accounts
// opened so far.
func tellerLine(r *puzzle.Rand, next *int) string {
	acc := "acc-" + strconv.Itoa(r.Between(1, *next+1))
	switch k := r.Intn(100); {
	case k < 10 || *next == 0:
		*next++
		return "open acc-" + strconv.Itoa(*next) + " " + r.Pick(firstNames) + " " + r.Pick(lastNames)
	case k < 70:
		return "deposit " + acc + " " + strconv.Itoa(r.Between(1, 2000))
	case k < 97:
		return "withdraw " + acc + " " + strconv.Itoa(r.Between(1, 1500))
	default:
		return "close " + acc
	}
}

// puzzleScript1 generates Part 1's script: teller commands, ticks, reads
// and waits.
func puzzleScript1(seed string) []string {
	r := puzzle.New("09-consistency", seed+"/part1")
	next := 0
	lines := []string{"batch 3"}
	for len(lines) < puzzleSize {
		switch k := r.Intn(100); {
		case k < 56:
			lines = append(lines, tellerLine(r, &next))
		case k < 70:
			lines = append(lines, "tick")
		case k < 88:
			lines = append(lines, "read acc-"+strconv.Itoa(r.Between(1, next+1)))
		default:
			lines = append(lines, "wait acc-"+strconv.Itoa(r.Between(1, next+1))+" "+strconv.Itoa(r.Between(0, 4)))
		}
	}
	return lines
}

// puzzleScript2 generates Part 2's script: stars given and taken, teller
// commands, ticks and counts.
func puzzleScript2(seed string) []string {
	r := puzzle.New("09-consistency", seed+"/part2")
	next := 0
	repo := func() string { return "repo-" + strconv.Itoa(r.Between(1, 12)) }
	lines := []string{"batch 2"}
	for len(lines) < puzzleSize {
		switch k := r.Intn(100); {
		case k < 30:
			lines = append(lines, "star "+repo()+" "+r.Pick(users))
		case k < 42:
			lines = append(lines, "unstar "+repo()+" "+r.Pick(users))
		case k < 52:
			lines = append(lines, tellerLine(r, &next))
		case k < 70:
			lines = append(lines, "tick")
		default:
			lines = append(lines, "count "+repo())
		}
	}
	return lines
}
