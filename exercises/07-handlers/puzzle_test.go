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

// The puzzles: a day of deliveries to the bank's notifiers. Events are
// written as in chapter 6's script: "acc-17 open Ada Lovelace",
// "acc-17 deposit 2750", "acc-17 withdraw 40", "acc-17 close".
//
// Part 1: a log of what one notifier, with a threshold of 2000, was
// delivered. Each line is a delivery, the event's position and then the
// event (the same position can come again: at least once), or the mailer
// going down (every Send fails) or coming back up:
//
//	@17 acc-3 deposit 2750
//	mailer down
//	mailer up
//
// The answer is the sum of the positions of the notifications the mailer
// accepted, times the number of errors Handle returned.
//
// Part 2: a script for a subscription of the store with two notifiers,
// the first sending e-mails about deposits of 2000 or more, the second
// text messages about deposits of 4000 or more. Each line is an event,
// appended to the store, or one of:
//
//	deliver      the subscription delivers (Deliver)
//	email down   the e-mail mailer goes down (every Send fails), or up
//	sms down     the text-message mailer goes down, or up
//	restart      the bank restarts: a new subscription of the store, for
//	             the same two notifiers, whose checkpoints start at 0
//
// The answer is the number of notifications the two mailers accepted,
// times the sum of the two checkpoints at the end of the script.

// errBadScript: a line that is not in the script's format.
var errBadScript = errors.New("bad script line")

// The puzzles' thresholds: e-mails (and Part 1's notifier), text messages.
const (
	emailThreshold = 2000
	smsThreshold   = 4000
)

// newStore returns an empty store whose clock starts at opening and moves
// on a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: opening, Step: time.Minute})
}

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 7, 9, 0, 0, 0, time.UTC)

// parseEvent reads an event written as "acc-17 deposit 2750".
func parseEvent(line string) Event {
	f := strings.Fields(line)
	bad := fmt.Errorf("%q: %w", line, errBadScript)
	switch {
	case len(f) >= 3 && f[1] == "open":
		return AccountOpened{Account: f[0], Owner: strings.Join(f[2:], " ")}
	case len(f) == 2 && f[1] == "close":
		return AccountClosed{Account: f[0]}
	case len(f) == 3 && (f[1] == "deposit" || f[1] == "withdraw"):
		amount, err := strconv.Atoi(f[2])
		if err != nil {
			panic(bad)
		}
		if f[1] == "deposit" {
			return MoneyDeposited{Account: f[0], Amount: amount}
		}
		return MoneyWithdrawn{Account: f[0], Amount: amount}
	}
	panic(bad)
}

// part1Answer answers Part 1 for a log.
func part1Answer(lines []string) int {
	mailer := &fakeMailer{}
	notifier := NewLargeDepositNotifier(emailThreshold, mailer)
	errs := 0
	for _, line := range lines {
		switch line {
		case "mailer down":
			mailer.down = true
			continue
		case "mailer up":
			mailer.down = false
			continue
		}
		pos, event, found := strings.Cut(line, " ")
		position, err := strconv.Atoi(strings.TrimPrefix(pos, "@"))
		if !found || !strings.HasPrefix(pos, "@") || err != nil {
			panic(fmt.Errorf("%q: %w", line, errBadScript))
		}
		e := parseEvent(event)
		if notifier.Handle(RecordedEvent{StreamID: e.AccountID(), Version: 1, Position: position, Event: e}) != nil {
			errs++
		}
	}
	sum := 0
	for _, n := range mailer.sent {
		sum += n.Position
	}
	return sum * errs
}

// part2Answer answers Part 2 for a script.
func part2Answer(lines []string) int {
	store := newStore()
	email, sms := &fakeMailer{}, &fakeMailer{}
	byEmail := NewLargeDepositNotifier(emailThreshold, email)
	bySMS := NewLargeDepositNotifier(smsThreshold, sms)
	sub := NewSubscription(store, byEmail, bySMS)
	for _, line := range lines {
		switch line {
		case "deliver":
			sub.Deliver()
		case "email down", "email up":
			email.down = line == "email down"
		case "sms down", "sms up":
			sms.down = line == "sms down"
		case "restart":
			sub = NewSubscription(store, byEmail, bySMS)
		default:
			e := parseEvent(line)
			if _, err := store.Append(e.AccountID(), AnyVersion, []Event{e}); err != nil {
				panic(err)
			}
		}
	}
	return (len(email.sent) + len(sms.sent)) * (sub.Checkpoint(0) + sub.Checkpoint(1))
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleDeliveries(puzzle.Seed())), 18021861)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleScript(puzzle.Seed())), 1135948)
}

// The sizes of the puzzles, in events.
const (
	part1Size = 1500
	part2Size = 1200
)

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// simAccount is the generator's own idea of an account.
type simAccount struct {
	id      string
	balance int
}

// history generates n events that follow the bank's rules, written as in
// the scripts, one of them in about 30 a deposit of exactly threshold.
func history(r *puzzle.Rand, n, threshold int) []string {
	var live []*simAccount
	next := 0
	out := make([]string, 0, n+n/10)
	for len(out) < n {
		k := r.Intn(100)
		if k < 10 || len(live) == 0 {
			next += r.Between(1, 2)
			a := &simAccount{id: "acc-" + strconv.Itoa(next)}
			live = append(live, a)
			out = append(out, a.id+" open "+r.Pick(firstNames)+" "+r.Pick(lastNames))
			continue
		}
		i := r.Intn(len(live))
		a := live[i]
		switch {
		case k < 55 || (k < 97 && a.balance == 0):
			amount := r.Between(1, 5000)
			if r.Chance(3) {
				amount = threshold
			}
			a.balance += amount
			out = append(out, a.id+" deposit "+strconv.Itoa(amount))
		case k < 97:
			amount := r.Between(1, a.balance)
			a.balance -= amount
			out = append(out, a.id+" withdraw "+strconv.Itoa(amount))
		default:
			if a.balance > 0 {
				out = append(out, a.id+" withdraw "+strconv.Itoa(a.balance))
				a.balance = 0
			}
			out = append(out, a.id+" close")
			live[i] = live[len(live)-1]
			live = live[:len(live)-1]
		}
	}
	return out
}

// puzzleDeliveries generates Part 1's log: every event delivered in
// order, some of them again later, and while the mailer is down every
// delivery is retried once it is back up.
func puzzleDeliveries(seed string) []string {
	r := puzzle.New("07-handlers", seed)
	events := history(r, part1Size, emailThreshold)
	lines := make([]string, 0, part1Size*3/2)
	deliver := func(position int) {
		lines = append(lines, "@"+strconv.Itoa(position)+" "+events[position-1])
	}
	down := false
	var retry []int
	for i := range events {
		position := i + 1
		switch {
		case !down && r.Chance(2):
			lines = append(lines, "mailer down")
			down = true
		case down && r.Chance(15):
			lines = append(lines, "mailer up")
			down = false
			for _, p := range retry {
				deliver(p)
			}
			retry = nil
		}
		deliver(position)
		if down {
			retry = append(retry, position)
		}
		if r.Chance(8) {
			from := position - 20
			if from < 1 {
				from = 1
			}
			deliver(r.Between(from, position))
		}
	}
	return lines
}

// puzzleScript generates Part 2's script.
func puzzleScript(seed string) []string {
	r := puzzle.New("07-handlers", seed+"/part2")
	events := history(r, part2Size, smsThreshold)
	lines := make([]string, 0, part2Size*3/2)
	emailDown, smsDown := false, false
	for _, e := range events {
		lines = append(lines, e)
		switch k := r.Intn(1000); {
		case k < 100:
			lines = append(lines, "deliver")
		case k < 115:
			emailDown = !emailDown
			lines = append(lines, map[bool]string{true: "email down", false: "email up"}[emailDown])
		case k < 130:
			smsDown = !smsDown
			lines = append(lines, map[bool]string{true: "sms down", false: "sms up"}[smsDown])
		case k < 133:
			lines = append(lines, "restart")
		}
	}
	return lines
}
