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

// The puzzle: the log of a day's append attempts. Tellers read an account,
// decide, and ask the store to append one or more events, saying which
// version they read:
//
//	teller-4 acc-17 expect=3 deposit 120              append if acc-17 is at version 3
//	teller-2 acc-9 expect=none open Ada Lovelace      append if acc-9 does not exist
//	teller-1 acc-17 expect=any withdraw 40; close     append, whatever the version
//
// The events after the expectation are separated by ";": open <owner...>,
// deposit <amount>, withdraw <amount> and close.
//
// Part 1: append every attempt to an empty store (its clock starts at
// opening and moves on a second per append) with AnyVersion, ignoring
// what the tellers expected. The answer is the sum, over every stream, of
// its last event's Position times its Version.
//
// Part 2: append every attempt to an empty store with the version its
// teller expected. The answer is the number of refused appends times the
// sum of the versions of all the streams at the end of the day.

// attempt is one line of the log.
type attempt struct {
	teller   string
	stream   string
	expected int
	events   []Event
}

// errBadAttempt: a line that is not in the log's format.
var errBadAttempt = errors.New("bad append attempt")

// parseAttempt reads one line of the log.
func parseAttempt(line string) (attempt, error) {
	bad := fmt.Errorf("%q: %w", line, errBadAttempt)
	fields := strings.Fields(line)
	if len(fields) < 4 {
		return attempt{}, bad
	}
	a := attempt{teller: fields[0], stream: fields[1]}
	switch fields[2] {
	case "expect=any":
		a.expected = AnyVersion
	case "expect=none":
		a.expected = NoStream
	default:
		v, ok := strings.CutPrefix(fields[2], "expect=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 1 {
			return attempt{}, bad
		}
		a.expected = n
	}
	for _, part := range strings.Split(strings.Join(fields[3:], " "), ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			return attempt{}, bad
		}
		switch {
		case f[0] == "open" && len(f) >= 2:
			a.events = append(a.events, AccountOpened{Account: a.stream, Owner: strings.Join(f[1:], " ")})
		case f[0] == "close" && len(f) == 1:
			a.events = append(a.events, AccountClosed{Account: a.stream})
		case (f[0] == "deposit" || f[0] == "withdraw") && len(f) == 2:
			amount, err := strconv.Atoi(f[1])
			if err != nil {
				return attempt{}, bad
			}
			if f[0] == "deposit" {
				a.events = append(a.events, MoneyDeposited{Account: a.stream, Amount: amount})
			} else {
				a.events = append(a.events, MoneyWithdrawn{Account: a.stream, Amount: amount})
			}
		default:
			return attempt{}, bad
		}
	}
	return a, nil
}

// mustParseAttempts reads a whole log.
func mustParseAttempts(lines []string) []attempt {
	out := make([]attempt, 0, len(lines))
	for _, line := range lines {
		a, err := parseAttempt(line)
		if err != nil {
			panic(err)
		}
		out = append(out, a)
	}
	return out
}

// streamsOf returns the ids of the streams of a store's events, in the
// order they first appear.
func streamsOf(records []RecordedEvent) []string {
	seen := map[string]bool{}
	var ids []string
	for _, r := range records {
		if !seen[r.StreamID] {
			seen[r.StreamID] = true
			ids = append(ids, r.StreamID)
		}
	}
	return ids
}

// part1Answer answers Part 1 for a log.
func part1Answer(lines []string) int {
	store := NewEventStore(&StepClock{T: opening, Step: time.Second})
	for _, a := range mustParseAttempts(lines) {
		if _, err := store.Append(a.stream, AnyVersion, a.events); err != nil {
			panic(err)
		}
	}
	sum := 0
	for _, id := range streamsOf(store.ReadAll(1)) {
		last := store.ReadStream(id, store.Version(id))
		if len(last) != 1 {
			panic(fmt.Sprintf("ReadStream(%q, Version(%q)) returned %d events, want its last one", id, id, len(last)))
		}
		sum += last[0].Position * last[0].Version
	}
	return sum
}

// part2Answer answers Part 2 for a log.
func part2Answer(lines []string) int {
	store := NewEventStore(&StepClock{T: opening, Step: time.Second})
	refused := 0
	for _, a := range mustParseAttempts(lines) {
		if _, err := store.Append(a.stream, a.expected, a.events); err != nil {
			if !errors.Is(err, ErrWrongExpectedVersion) {
				panic(err)
			}
			refused++
		}
	}
	versions := 0
	for _, id := range streamsOf(store.ReadAll(1)) {
		versions += store.Version(id)
	}
	return refused * versions
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleLog(puzzle.Seed())), 2638136)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleLog(puzzle.Seed())), 425904)
}

// puzzleSize is the number of lines in the log, over 150 accounts (both
// times puzzle.Scale(), 1 unless a benchmark asks for a larger input).
const puzzleSize = 1500

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// simStream is the generator's own idea of a stream.
type simStream struct {
	version int
	balance int
	closed  bool
}

// puzzleLog generates the log: tellers who mostly expect the version the
// stream is at, and sometimes read it a little too long ago.
func puzzleLog(seed string) []string {
	r := puzzle.New("04-event-store", seed)
	streams := map[string]*simStream{}
	size := puzzleSize * puzzle.Scale()
	lines := make([]string, 0, size)
	for len(lines) < size {
		id := "acc-" + strconv.Itoa(r.Between(1, 150*puzzle.Scale())) // as many accounts per line at any scale
		s, ok := streams[id]
		if !ok {
			s = &simStream{}
			streams[id] = s
		}
		if s.closed {
			continue
		}
		var events []string
		balance := s.balance
		n := r.Intn(100)
		switch {
		case s.version == 0 || n < 4:
			events = append(events, "open "+r.Pick(firstNames)+" "+r.Pick(lastNames))
			if s.version == 0 && r.Chance(40) {
				amount := r.Between(1, 5000)
				balance += amount
				events = append(events, "deposit "+strconv.Itoa(amount))
			}
		case n < 50 || balance == 0:
			amount := r.Between(1, 5000)
			balance += amount
			events = append(events, "deposit "+strconv.Itoa(amount))
		case n < 85:
			amount := r.Between(1, balance)
			balance -= amount
			events = append(events, "withdraw "+strconv.Itoa(amount))
		case n < 96:
			in, out := r.Between(1, 5000), r.Between(1, 5000)
			if out > balance+in {
				out = balance + in
			}
			balance += in - out
			events = append(events, "deposit "+strconv.Itoa(in), "withdraw "+strconv.Itoa(out))
		default:
			if balance > 0 {
				events = append(events, "withdraw "+strconv.Itoa(balance))
				balance = 0
			}
			events = append(events, "close")
		}
		expect := s.version
		switch m := r.Intn(100); {
		case s.version == 0 || strings.HasPrefix(events[0], "open"):
			if r.Chance(10) {
				expect = AnyVersion
			} else {
				expect = NoStream
			}
		case m < 15:
			expect = AnyVersion
		case m < 30:
			expect = s.version - r.Between(1, 3)
			if expect < 1 {
				expect = s.version + 1
			}
		case m < 34:
			expect = s.version + 1
		}
		word := strconv.Itoa(expect)
		switch expect {
		case AnyVersion:
			word = "any"
		case NoStream:
			word = "none"
		}
		lines = append(lines, "teller-"+strconv.Itoa(r.Between(1, 9))+" "+id+" expect="+word+" "+strings.Join(events, "; "))
		if expect == AnyVersion || expect == s.version {
			s.version += len(events)
			s.balance = balance
			s.closed = events[len(events)-1] == "close"
		}
	}
	return lines
}
