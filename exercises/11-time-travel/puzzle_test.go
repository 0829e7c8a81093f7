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

// Part 1's puzzle: a week at the bank, and Tomás's questions about it.
// Each line of the week is a time in RFC 3339 and a teller's command in
// chapter 1's format, handled by chapter 5's router on a store whose
// clock shows the line's time (refused commands record nothing):
//
//	2024-03-01T09:12:00Z open acc-7 Ngozi Okafor
//	2024-03-01T10:30:00Z deposit acc-7 1200
//
// A line may also ask for a transfer, in chapter 8's format (the worked
// example of Part 2 has one): its TransferRequested is recorded, and
// chapter 8's transfer manager carries it out at once, at the same time.
//
//	2024-03-04T16:45:00Z transfer t-1 acc-12 acc-14 120
//
// Then come Tomás's questions, asked the next morning: the balance of an
// account as of a global position, or as of a moment.
//
//	balance acc-7 @5
//	balance acc-7 2024-03-03T12:00:00Z
//
// Part 1's answer is the sum of the balances the questions get, with
// StateAt and StateAsOf.
//
// Part 2's puzzle is the auditors' quarter: the books of the whole first
// quarter, from puzzleQuarter, and the moment the auditors name. Its
// answer is the size in bytes of WriteAudit's CSV of the books as they
// stood at that moment.

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
	manager := NewTransferManager(store, router)
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
		if len(f) == 6 && f[1] == "transfer" {
			amount, err := strconv.Atoi(f[5])
			if err != nil {
				panic(fmt.Errorf("%q: %w", line, errBadScript))
			}
			e := TransferRequested{Transfer: f[2], From: f[3], To: f[4], Amount: amount}
			if _, err := store.Append(e.AccountID(), NoStream, []Event{e}); err != nil {
				panic(fmt.Errorf("%q: %w", line, err))
			}
			if err := manager.Handle(store.ReadStream(e.AccountID(), 1)[0]); err != nil {
				panic(fmt.Errorf("%q: %w", line, err))
			}
			continue
		}
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

// auditBytes returns the number of bytes of WriteAudit's CSV of store as
// it stood at moment t.
func auditBytes(store *EventStore, t time.Time) int {
	var buf bytes.Buffer
	if err := WriteAudit(store, t, &buf); err != nil {
		panic(err)
	}
	return buf.Len()
}

// part2Answer answers Part 2 for a script and a moment: the number of
// bytes of the audit export of its store as it stood at that moment.
func part2Answer(lines []string, t time.Time) int {
	store, _ := runDay(lines)
	return auditBytes(store, t)
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleScript(puzzle.Seed())), 812008)
}

func TestPart2FullPuzzle(t *testing.T) {
	store, moment := puzzleQuarter(puzzle.Seed())
	puzzle.Check(t, "part2", auditBytes(store, moment), 118088)
}

// The size of Part 1's puzzle: teller lines, then questions.
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
			lines = append(lines, stamp+"open acc-"+strconv.Itoa(next)+" "+randomOwner(r))
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

// The size of Part 2's puzzle: the market's stallholders, whose accounts
// take most of the quarter's events, and the longest pause, in seconds,
// between two of the events of a business day.
const (
	quarterStallholders = 4
	quarterPause        = 2200
)

// quarterAccount is an account as the quarter's generator keeps track of
// it, so that every event it records is one the bank could have recorded.
type quarterAccount struct {
	id      string
	balance int
	closed  bool
}

// puzzleQuarter generates the auditors' quarter: the books of a branch
// from 2 January to 28 March 2024, and the moment the auditors name, in
// Paris time: the time of a completed transfer late in the quarter, so
// that several events were recorded exactly at it, and some after it.
func puzzleQuarter(seed string) (*EventStore, time.Time) {
	store, transfers := books(seed, time.Date(2024, time.March, 28, 0, 0, 0, 0, time.UTC))
	r := puzzle.New("11-time-travel/moment", seed)
	moment := transfers[r.Between(len(transfers)*4/5, len(transfers)-2)]
	return store, moment.In(time.FixedZone("CET", 3600))
}

// books generates the books of a branch from 2 January 2024 to the day
// of until, business days from 09:00 to 17:00 UTC, appended
// straight to a store. Most of its events are the takings and the
// withdrawals of a few market stallholders, whose streams grow to hundreds
// of events each; customers open, use and close accounts of their own, and
// transfers move money between the stallholders (a transfer for more than
// its account holds fails). No account is ever overdrawn or used after it
// closed. It also returns when each completed transfer was recorded.
func books(seed string, until time.Time) (*EventStore, []time.Time) {
	r := puzzle.New("11-time-travel/quarter", seed)
	clock := &StepClock{} // Step 0: it shows the time of the event being recorded
	store := NewEventStore(clock)
	record := func(stream string, events ...Event) {
		if _, err := store.Append(stream, AnyVersion, events); err != nil {
			panic(err)
		}
	}
	var stalls, customers []*quarterAccount
	open := func() *quarterAccount {
		a := &quarterAccount{id: "acc-" + strconv.Itoa(len(stalls)+len(customers)+1)}
		record(a.id, AccountOpened{Account: a.id, Owner: randomOwner(r)})
		return a
	}
	move := func(a *quarterAccount, amount int) {
		if amount >= 0 {
			record(a.id, MoneyDeposited{Account: a.id, Amount: amount})
		} else {
			record(a.id, MoneyWithdrawn{Account: a.id, Amount: -amount})
		}
		a.balance += amount
	}
	var transfers []time.Time // when each completed transfer was recorded
	requested := 0            // the transfers requested so far
	day := time.Date(2024, time.January, 2, 9, 0, 0, 0, time.UTC)
	for ; !day.After(until.Add(9 * time.Hour)); day = day.Add(24 * time.Hour) {
		if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			continue
		}
		clock.T = day.Add(time.Duration(r.Between(0, 600)) * time.Second)
		for clock.T.Before(day.Add(8 * time.Hour)) {
			if len(stalls) < quarterStallholders {
				stalls = append(stalls, open())
				clock.T = clock.T.Add(time.Duration(r.Between(1, quarterPause)) * time.Second)
				continue
			}
			stall := stalls[r.Intn(len(stalls))]
			switch k := r.Intn(100); {
			case k < 55:
				move(stall, r.Between(5, 400))
			case k < 70:
				if stall.balance > 0 {
					move(stall, -r.Between(1, stall.balance))
				}
			case k < 78:
				to := stalls[r.Intn(len(stalls))]
				if to == stall {
					continue
				}
				requested++
				id := "t-" + strconv.Itoa(requested)
				amount := r.Between(1, 1500)
				record(TransferStream(id), TransferRequested{Transfer: id, From: stall.id, To: to.id, Amount: amount})
				if amount > stall.balance {
					record(TransferStream(id), TransferFailed{Transfer: id, Reason: ErrInsufficientFunds.Error()})
					break
				}
				move(stall, -amount)
				move(to, amount)
				record(TransferStream(id), TransferCompleted{Transfer: id})
				transfers = append(transfers, clock.T)
			case k < 82:
				customers = append(customers, open())
			case k < 98:
				if len(customers) == 0 {
					continue
				}
				c := customers[r.Intn(len(customers))]
				if c.closed {
					continue
				}
				if r.Chance(60) || c.balance == 0 {
					move(c, r.Between(1, 2000))
				} else {
					move(c, -r.Between(1, c.balance))
				}
			default:
				if len(customers) == 0 {
					continue
				}
				c := customers[r.Intn(len(customers))]
				if c.closed {
					continue
				}
				if c.balance > 0 {
					move(c, -c.balance)
					clock.T = clock.T.Add(time.Second)
				}
				record(c.id, AccountClosed{Account: c.id})
				c.closed = true
			}
			clock.T = clock.T.Add(time.Duration(r.Between(1, quarterPause)) * time.Second)
		}
	}
	return store, transfers
}

// randomOwner is an owner's name as Ines types it: mostly first name and
// surname, sometimes surname first with a comma, sometimes with a
// nickname in quotes.
func randomOwner(r *puzzle.Rand) string {
	first, last := r.Pick(firstNames), r.Pick(lastNames)
	switch n := r.Intn(10); {
	case n < 2:
		return last + ", " + first
	case n < 3:
		return first + ` "` + r.Pick(nicknames) + `" ` + last
	}
	return first + " " + last
}
