//go:build ignore

package bank

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: a week at the bank, and Tomás's questions about it. Each
// line of the week is a time in RFC 3339 and a teller's command in
// chapter 1's format, handled by chapter 5's router on a store whose
// clock shows the line's time (refused commands record nothing):
//
//	2024-03-01T09:12:00Z open acc-7 Ngozi Okafor
//	2024-03-01T10:30:00Z deposit acc-7 1200
//
// Then come Tomás's questions, asked the next morning: the balance of an
// account as of a global position, or as of a moment.
//
//	balance acc-7 @5
//	balance acc-7 2024-03-03T12:00:00Z
//
// Part 1's answer is the sum of the balances the questions get, with
// StateAt and StateAsOf. Part 2's answer is the size in bytes of the
// audit export of the week, WriteAudit's CSV (the questions change
// nothing in the store).

// errBadScript: a line that is not in the script's format.
var errBadScript = errors.New("bad script line")

// at parses an RFC 3339 time, or panics.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(fmt.Errorf("%q: %w", s, errBadScript))
	}
	return t
}

// runDay runs a script: it handles the teller lines and answers the
// questions. It returns the store and the sum of the balances the
// questions got.
func runDay(lines []string) (*EventStore, int) {
	clock := &StepClock{} // Step 0: it shows the time of the line being handled
	store := NewEventStore(clock)
	router := NewRouter(store)
	sum := 0
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) == 3 && f[0] == "balance" {
			if strings.HasPrefix(f[2], "@") {
				position, err := strconv.Atoi(f[2][1:])
				if err != nil {
					panic(fmt.Errorf("%q: %w", line, errBadScript))
				}
				sum += StateAt(store, f[1], position).Balance
			} else {
				sum += StateAsOf(store, f[1], at(f[2])).Balance
			}
			continue
		}
		if len(f) < 2 {
			panic(fmt.Errorf("%q: %w", line, errBadScript))
		}
		clock.T = at(f[0])
		cmd, err := ParseCommand(strings.Join(f[1:], " "))
		if err != nil {
			panic(fmt.Errorf("%q: %w", line, err))
		}
		router.Dispatch(Envelope{ID: "line-" + strconv.Itoa(i+1), Command: cmd})
	}
	return store, sum
}

// part1Answer answers Part 1 for a script: the sum of the balances its
// questions get.
func part1Answer(lines []string) int {
	_, sum := runDay(lines)
	return sum
}

// part2Answer answers Part 2 for a script: the number of bytes of the
// audit export of its store.
func part2Answer(lines []string) int {
	store, _ := runDay(lines)
	var buf bytes.Buffer
	if err := WriteAudit(store, &buf); err != nil {
		panic(err)
	}
	return buf.Len()
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleScript(puzzle.Seed())), 812008)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleScript(puzzle.Seed())), 68681)
}

// The size of the puzzle: teller lines, then questions.
const (
	puzzleLines     = 1300
	puzzleQuestions = 200
)

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
	nicknames  = []string{"Bud", "Ace", "Doc", "Ro", "Kit"}
)

// puzzleScript generates a week of teller lines from 1 March 2024, with
// owners written "First Last", "Last, First" and `First "Nick" Last`, then
// Tomás's questions about it. The questions are picked from the events
// the week records (with the given store and router), often exactly at an
// event's position or time, or just before it.
func puzzleScript(seed string) []string {
	r := puzzle.New("11-time-travel", seed)
	day := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	now := day.Add(time.Duration(r.Between(0, 1800)) * time.Second)
	next := 0
	acc := func() string { return "acc-" + strconv.Itoa(r.Between(1, next+1)) }
	var lines []string
	for len(lines) < puzzleLines {
		if !r.Chance(10) {
			now = now.Add(time.Duration(r.Between(1, 300)) * time.Second)
		}
		if now.After(day.Add(8 * time.Hour)) {
			day = day.Add(24 * time.Hour)
			now = day.Add(time.Duration(r.Between(0, 1800)) * time.Second)
		}
		stamp := now.Format(time.RFC3339) + " "
		switch k := r.Intn(100); {
		case k < 6 || next == 0:
			next++
			first, last := r.Pick(firstNames), r.Pick(lastNames)
			owner := first + " " + last
			switch n := r.Intn(10); {
			case n < 2:
				owner = last + ", " + first
			case n < 3:
				owner = first + ` "` + r.Pick(nicknames) + `" ` + last
			}
			lines = append(lines, stamp+"open acc-"+strconv.Itoa(next)+" "+owner)
		case k < 60:
			lines = append(lines, stamp+"deposit "+acc()+" "+strconv.Itoa(r.Between(1, 2000)))
		case k < 98:
			lines = append(lines, stamp+"withdraw "+acc()+" "+strconv.Itoa(r.Between(1, 1500)))
		default:
			lines = append(lines, stamp+"close "+acc())
		}
	}
	store, _ := runDay(lines)
	all := store.ReadAll(1)
	for q := 0; q < puzzleQuestions; q++ {
		e := all[r.Intn(len(all))]
		id := e.StreamID
		if r.Chance(15) {
			id = acc()
		}
		switch k := r.Intn(100); {
		case k < 3:
			lines = append(lines, "balance "+id+" @0")
		case k < 6:
			lines = append(lines, "balance "+id+" @"+strconv.Itoa(len(all)+r.Between(1, 50)))
		case k < 8:
			lines = append(lines, "balance "+id+" 2024-02-29T12:00:00Z")
		case k < 35:
			lines = append(lines, "balance "+id+" @"+strconv.Itoa(e.Position))
		case k < 50:
			lines = append(lines, "balance "+id+" @"+strconv.Itoa(e.Position-1))
		case k < 80:
			lines = append(lines, "balance "+id+" "+e.At.Format(time.RFC3339))
		default:
			lines = append(lines, "balance "+id+" "+e.At.Add(-time.Second).Format(time.RFC3339))
		}
	}
	return lines
}
