//go:build ignore

package bank

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errHandlerFailed is what the recording handler fails with.
var errHandlerFailed = errors.New("handler failed")

// recorder is a Handler for the tests: it writes down the position of
// every event delivered to it, and fails on a position as many times as
// failAt says.
type recorder struct {
	seen   []int
	failAt map[int]int
}

// Handle records the event's position, and fails if it is to fail.
func (r *recorder) Handle(e RecordedEvent) error {
	r.seen = append(r.seen, e.Position)
	if r.failAt[e.Position] > 0 {
		r.failAt[e.Position]--
		return errHandlerFailed
	}
	return nil
}

// appendAll appends each event to its account's stream.
func appendAll(t *testing.T, store *EventStore, events ...Event) {
	t.Helper()
	for _, e := range events {
		_, err := store.Append(e.AccountID(), AnyVersion, []Event{e})
		require.NoError(t, err, "Append(%q, AnyVersion, %v)", e.AccountID(), DescribeEvents([]Event{e}))
	}
}

// checkCheckpoints compares every checkpoint of a subscription; when says
// what has happened, and rule is the chapter's rule the checkpoints follow.
func checkCheckpoints(t *testing.T, sub *Subscription, when, rule string, want ...int) {
	t.Helper()
	for i, w := range want {
		assert.Equal(t, w, sub.Checkpoint(i), "Checkpoint(%d) %s: %s", i, when, rule)
	}
}

// The rules of Part 2 the tests check, in the chapter's words.
const (
	ruleNewSubscription = "a new subscription starts every handler with a checkpoint of 0 — day 7, Part 2"
	ruleDeliver         = "Deliver hands each handler the store's events after its checkpoint, one at a time, in position order, and moves its checkpoint to each event it handles — day 7, Part 2"
	ruleStopOne         = "at the first event a handler fails on, Deliver stops delivering to that handler, its checkpoint staying just before the failed event, and goes on with the next handler — day 7, Part 2"
	ruleRetry           = "the next Deliver starts with the failed event — day 7, Part 2"
	ruleRestart         = "a restart is a new subscription on the same notifiers: its checkpoints are 0, every event is delivered again, and the notifiers' own memory is all that stands between the members and a second letter — day 7, Part 2"
)

// TestPart2Example is the worked example of Part 2: two notifiers on one
// subscription, e-mail for deposits of 2000 or more and text messages for
// deposits of 4000 or more, while the mailers go down and the
// subscription restarts.
func TestPart2Example(t *testing.T) {
	store := newStore()
	email, sms := &fakeMailer{}, &fakeMailer{}
	byEmail := NewLargeDepositNotifier(2000, email)
	bySMS := NewLargeDepositNotifier(4000, sms)
	sub := NewSubscription(store, byEmail, bySMS)
	checkCheckpoints(t, sub, "of a new subscription", ruleNewSubscription, 0, 0)

	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"},
		MoneyDeposited{Account: "acc-1", Amount: 2750},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
	)
	sms.down = true
	sub.Deliver()
	checkCheckpoints(t, sub, "after the first Deliver, with @1 to @3 in the store and text messages down", ruleDeliver, 3, 3)
	assert.Equal(t, []string{"@2 acc-1: large deposit of 2750 into acc-1"}, describeSent(email.sent), "e-mails after the first Deliver: %s", ruleDeliver)

	appendAll(t, store,
		MoneyDeposited{Account: "acc-2", Amount: 4500},
		MoneyWithdrawn{Account: "acc-1", Amount: 300},
	)
	sub.Deliver()
	// The text message about position 4 failed: that notifier stays at 3.
	checkCheckpoints(t, sub, "after the second Deliver, with @4 and @5 new and text messages down", ruleStopOne, 5, 3)
	assert.Empty(t, sms.sent, "text messages after the second Deliver, with text messages down: %s", ruleSendFails)

	sms.down = false
	sub = NewSubscription(store, byEmail, bySMS)
	checkCheckpoints(t, sub, "after the restart", ruleRestart, 0, 0)
	sub.Deliver()
	checkCheckpoints(t, sub, "after the first Deliver since the restart, with text messages up", ruleRestart, 5, 5)
	assert.Equal(t, []string{
		"@2 acc-1: large deposit of 2750 into acc-1",
		"@4 acc-2: large deposit of 4500 into acc-2",
	}, describeSent(email.sent), "e-mails after the restart, none twice: %s", ruleRestart)
	assert.Equal(t, []string{"@4 acc-2: large deposit of 4500 into acc-2"}, describeSent(sms.sent), "text messages after the restart, @4 never sent before: %s", ruleRestart)

	email.down = true
	appendAll(t, store, MoneyDeposited{Account: "acc-1", Amount: 2100})
	sub.Deliver()
	checkCheckpoints(t, sub, "at the end, after @6 deposited 2100 with e-mail down", ruleStopOne, 5, 6)

	lines := []string{
		"acc-1 open Ada Lovelace",
		"acc-1 deposit 2750",
		"acc-2 open Alan Turing",
		"sms down",
		"deliver",
		"acc-2 deposit 4500",
		"acc-1 withdraw 300",
		"deliver",
		"sms up",
		"restart",
		"deliver",
		"email down",
		"acc-1 deposit 2100",
		"deliver",
	}
	// 3 notifications sent × (5 + 6 = 11) = 33.
	assert.Equal(t, 33, part2Answer(lines), "part2Answer(%q): the answer multiplies the notifications the mailers accepted by the sum of the checkpoints at the end — day 7, Part 2", lines)
}

func TestPart2FullDeliver(t *testing.T) {
	store := newStore()
	a, b := &recorder{}, &recorder{}
	sub := NewSubscription(store, a, b)
	sub.Deliver()
	checkCheckpoints(t, sub, "after a Deliver with an empty store", ruleDeliver, 0, 0)
	assert.Empty(t, a.seen, "positions delivered to handler 0 with an empty store: %s", ruleDeliver)

	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 5},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
	)
	sub.Deliver()
	sub.Deliver()
	checkCheckpoints(t, sub, "after two Delivers, with @1 to @3 in the store", ruleDeliver, 3, 3)
	appendAll(t, store, MoneyDeposited{Account: "acc-2", Amount: 6}, AccountClosed{Account: "acc-1"})
	sub.Deliver()
	checkCheckpoints(t, sub, "after a third Deliver, with @4 and @5 new", ruleDeliver, 5, 5)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, a.seen, "positions delivered to handler 0, each once, in order: %s", ruleDeliver)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, b.seen, "positions delivered to handler 1, each once, in order: %s", ruleDeliver)

	none := NewSubscription(store)
	none.Deliver()
}

func TestPart2FullFailureStopsOneHandler(t *testing.T) {
	store := newStore()
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 5},
		MoneyDeposited{Account: "acc-1", Amount: 6},
		MoneyDeposited{Account: "acc-1", Amount: 7},
		MoneyDeposited{Account: "acc-1", Amount: 8},
	)
	first := &recorder{failAt: map[int]int{1: 1}}
	middle := &recorder{failAt: map[int]int{3: 2}}
	last := &recorder{failAt: map[int]int{5: 1}}
	sub := NewSubscription(store, first, middle, last)

	sub.Deliver()
	checkCheckpoints(t, sub, "after the first Deliver of @1 to @5, to handlers that fail on 1 once, on 3 twice and on 5 once", ruleStopOne, 0, 2, 4)
	assert.Equal(t, []int{1}, first.seen, "positions delivered to handler 0, which fails on 1 once: %s", ruleStopOne)
	assert.Equal(t, []int{1, 2, 3}, middle.seen, "positions delivered to handler 1, which fails on 3 twice: %s", ruleStopOne)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, last.seen, "positions delivered to handler 2, which fails on 5 once: %s", ruleStopOne)

	sub.Deliver()
	checkCheckpoints(t, sub, "after the second Deliver, handler 1 failing on 3 again", ruleRetry, 5, 2, 5)
	sub.Deliver()
	checkCheckpoints(t, sub, "after the third Deliver, no handler failing", ruleRetry, 5, 5, 5)
	assert.Equal(t, []int{1, 1, 2, 3, 4, 5}, first.seen, "positions delivered to handler 0, which failed on 1 once: %s", ruleRetry)
	assert.Equal(t, []int{1, 2, 3, 3, 3, 4, 5}, middle.seen, "positions delivered to handler 1, 3 again until it succeeds: %s", ruleRetry)
	assert.Equal(t, []int{1, 2, 3, 4, 5, 5}, last.seen, "positions delivered to handler 2, which failed on 5 once: %s", ruleRetry)
}

// TestPart2FullRestart: checkpoints kept in memory are lost when the bank
// restarts, and everything is delivered again. The handlers must cope.
func TestPart2FullRestart(t *testing.T) {
	store := newStore()
	mailer := &fakeMailer{}
	notifier := NewLargeDepositNotifier(50, mailer)
	rec := &recorder{}
	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 60},
	)
	NewSubscription(store, notifier, rec).Deliver()
	appendAll(t, store, MoneyDeposited{Account: "acc-1", Amount: 70})
	sub := NewSubscription(store, rec, notifier)
	sub.Deliver()
	checkCheckpoints(t, sub, "after the first Deliver since the restart, with the handlers in another order", ruleRestart, 3, 3)
	assert.Equal(t, []int{1, 2, 1, 2, 3}, rec.seen, "positions delivered to the recorder, at least once: %s", ruleRestart)
	assert.Equal(t, []string{
		"@2 acc-1: large deposit of 60 into acc-1",
		"@3 acc-1: large deposit of 70 into acc-1",
	}, describeSent(mailer.sent), "notifications, exactly once: %s", ruleRestart)
}
