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

// checkCheckpoints compares every checkpoint of a subscription.
func checkCheckpoints(t *testing.T, sub *Subscription, when string, want ...int) {
	t.Helper()
	for i, w := range want {
		assert.Equal(t, w, sub.Checkpoint(i), "Checkpoint(%d) %s", i, when)
	}
}

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
	checkCheckpoints(t, sub, "of a new subscription", 0, 0)

	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"},
		MoneyDeposited{Account: "acc-1", Amount: 2750},
		AccountOpened{Account: "acc-2", Owner: "Alan Turing"},
	)
	sms.down = true
	sub.Deliver()
	checkCheckpoints(t, sub, "after the first Deliver", 3, 3)
	assert.Equal(t, []string{"@2 acc-1: large deposit of 2750 into acc-1"}, describeSent(email.sent), "e-mails after the first Deliver")

	appendAll(t, store,
		MoneyDeposited{Account: "acc-2", Amount: 4500},
		MoneyWithdrawn{Account: "acc-1", Amount: 300},
	)
	sub.Deliver()
	// The text message about position 4 failed: that notifier stays at 3.
	checkCheckpoints(t, sub, "after the second Deliver, with text messages down", 5, 3)
	assert.Empty(t, sms.sent, "text messages after the second Deliver")

	sms.down = false
	sub = NewSubscription(store, byEmail, bySMS)
	checkCheckpoints(t, sub, "after the restart", 0, 0)
	sub.Deliver()
	checkCheckpoints(t, sub, "after the first Deliver since the restart", 5, 5)
	assert.Equal(t, []string{
		"@2 acc-1: large deposit of 2750 into acc-1",
		"@4 acc-2: large deposit of 4500 into acc-2",
	}, describeSent(email.sent), "e-mails after the restart: none twice")
	assert.Equal(t, []string{"@4 acc-2: large deposit of 4500 into acc-2"}, describeSent(sms.sent), "text messages after the restart")

	email.down = true
	appendAll(t, store, MoneyDeposited{Account: "acc-1", Amount: 2100})
	sub.Deliver()
	checkCheckpoints(t, sub, "at the end", 5, 6)

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
	assert.Equal(t, 33, part2Answer(lines), "part2Answer(%q)", lines)
}

func TestPart2FullDeliver(t *testing.T) {
	store := newStore()
	a, b := &recorder{}, &recorder{}
	sub := NewSubscription(store, a, b)
	sub.Deliver()
	checkCheckpoints(t, sub, "after a Deliver with an empty store", 0, 0)
	assert.Empty(t, a.seen, "positions delivered to handler 0 with an empty store")

	appendAll(t, store,
		AccountOpened{Account: "acc-1", Owner: "Ada"},
		MoneyDeposited{Account: "acc-1", Amount: 5},
		AccountOpened{Account: "acc-2", Owner: "Alan"},
	)
	sub.Deliver()
	sub.Deliver()
	checkCheckpoints(t, sub, "after two Delivers", 3, 3)
	appendAll(t, store, MoneyDeposited{Account: "acc-2", Amount: 6}, AccountClosed{Account: "acc-1"})
	sub.Deliver()
	checkCheckpoints(t, sub, "after a third Deliver", 5, 5)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, a.seen, "positions delivered to handler 0: each once, in order")
	assert.Equal(t, []int{1, 2, 3, 4, 5}, b.seen, "positions delivered to handler 1: each once, in order")

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
	checkCheckpoints(t, sub, "after the first Deliver", 0, 2, 4)
	assert.Equal(t, []int{1}, first.seen, "positions delivered to handler 0, which fails on 1 once")
	assert.Equal(t, []int{1, 2, 3}, middle.seen, "positions delivered to handler 1, which fails on 3 twice")
	assert.Equal(t, []int{1, 2, 3, 4, 5}, last.seen, "positions delivered to handler 2, which fails on 5 once")

	sub.Deliver()
	checkCheckpoints(t, sub, "after the second Deliver", 5, 2, 5)
	sub.Deliver()
	checkCheckpoints(t, sub, "after the third Deliver", 5, 5, 5)
	assert.Equal(t, []int{1, 1, 2, 3, 4, 5}, first.seen, "positions delivered to handler 0")
	assert.Equal(t, []int{1, 2, 3, 3, 3, 4, 5}, middle.seen, "positions delivered to handler 1: 3 again until it succeeds")
	assert.Equal(t, []int{1, 2, 3, 4, 5, 5}, last.seen, "positions delivered to handler 2")
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
	checkCheckpoints(t, sub, "after the restart, with the handlers in another order", 3, 3)
	assert.Equal(t, []int{1, 2, 1, 2, 3}, rec.seen, "positions delivered to the recorder: at least once")
	assert.Equal(t, []string{
		"@2 acc-1: large deposit of 60 into acc-1",
		"@3 acc-1: large deposit of 70 into acc-1",
	}, describeSent(mailer.sent), "notifications: exactly once")
}
