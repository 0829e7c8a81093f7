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

// The puzzle: a day at the bank with snapshots. The script's first line
// is "every N": the bank takes a snapshot of an account every N events.
// Then each line is one of:
//
//	open acc-17 Ada Lovelace    a teller's command, in chapter 1's format,
//	deposit acc-17 250          handled with HandleWithSnapshots (refused
//	                            ones change nothing)
//	load acc-17                 Load the account
//	legacy acc-17               the bank's earlier code saves a schema 1
//	                            snapshot of acc-17 as it is now, with its
//	                            balance in cents (Part 2 only)
//
// The answer is the sum, over the load lines, of the balance loaded times
// the number of events read to load it. Part 1's script has no legacy
// lines; Part 2's has.

// errBadScript: a line that is not in the script's format.
var errBadScript = errors.New("bad script line")

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 10, 9, 0, 0, 0, time.UTC)

// legacySnapshot is the snapshot the bank's earlier code would take of an
// account: schema 1, its balance in cents.
func legacySnapshot(store *EventStore, id string) Snapshot {
	state := Account{ID: id}
	for _, r := range store.ReadStream(id, 1) {
		state.Apply(r.Event)
	}
	state.Balance *= 100
	return Snapshot{ID: id, Version: state.Version, Schema: 1, State: state}
}

// answer runs a script and returns its answer.
func answer(lines []string) int {
	f := strings.Fields(lines[0])
	every, err := 0, error(nil)
	if len(f) == 2 && f[0] == "every" {
		every, err = strconv.Atoi(f[1])
	}
	if len(f) != 2 || f[0] != "every" || err != nil || every < 1 {
		panic(fmt.Errorf("%q: %w", lines[0], errBadScript))
	}
	store := newStore()
	snaps := NewSnapshotStore()
	sum := 0
	for _, line := range lines[1:] {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "load":
			a, read := Load(store, snaps, f[1])
			sum += a.Balance * read
		case len(f) == 2 && f[0] == "legacy":
			snaps.Save(legacySnapshot(store, f[1]))
		default:
			cmd, err := ParseCommand(line)
			if err != nil {
				panic(fmt.Errorf("%q: %w", line, err))
			}
			HandleWithSnapshots(store, snaps, every, cmd)
		}
	}
	return sum
}

// part1Answer answers Part 1 for a script.
func part1Answer(lines []string) int {
	return answer(lines)
}

// part2Answer answers Part 2 for a script.
func part2Answer(lines []string) int {
	return answer(lines)
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleScript(puzzle.Seed(), false)), 4764486)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleScript(puzzle.Seed(), true)), 5316824)
}

// puzzleSize is the number of lines of the script, about.
const puzzleSize = 1500

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// puzzleScript generates a script: accounts opened, deposits,
// withdrawals, a few closings, loads and, for Part 2, legacy snapshots.
// Both parts' scripts come from the same seed: Part 2's has legacy lines
// in between.
func puzzleScript(seed string, legacy bool) []string {
	r := puzzle.New("10-snapshots", seed)
	next := 0
	acc := func() string { return "acc-" + strconv.Itoa(r.Between(1, next+1)) }
	lines := []string{"every 7"}
	for len(lines) < puzzleSize {
		switch k := r.Intn(100); {
		case k < 4 || next == 0:
			next++
			lines = append(lines, "open acc-"+strconv.Itoa(next)+" "+r.Pick(firstNames)+" "+r.Pick(lastNames))
		case k < 50:
			lines = append(lines, "deposit "+acc()+" "+strconv.Itoa(r.Between(1, 2000)))
		case k < 72:
			lines = append(lines, "withdraw "+acc()+" "+strconv.Itoa(r.Between(1, 1500)))
		case k < 73:
			lines = append(lines, "close "+acc())
		case k < 95:
			lines = append(lines, "load "+acc())
		default:
			if id := acc(); legacy {
				lines = append(lines, "legacy "+id)
			}
		}
	}
	return lines
}
