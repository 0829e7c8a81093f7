//go:build ignore

package bank

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// flaky is a Dispatcher for the tests, in front of a real one. It numbers
// its calls from 1; a call in before is lost on its way and never
// arrives, a call in after is handled but its answer is lost. Both fail
// with an error that wraps ErrUnavailable.
type flaky struct {
	next   Dispatcher
	before map[int]bool
	after  map[int]bool
	calls  int
}

// Dispatch passes the envelope on, unless this call is one that fails.
func (f *flaky) Dispatch(env Envelope) ([]Event, error) {
	f.calls++
	if f.before[f.calls] {
		return nil, fmt.Errorf("call %d (%s) lost on its way: %w", f.calls, env.ID, ErrUnavailable)
	}
	events, err := f.next.Dispatch(env)
	if f.after[f.calls] {
		return nil, fmt.Errorf("call %d (%s) answer lost: %w", f.calls, env.ID, ErrUnavailable)
	}
	return events, err
}

// The rules of Part 2 the tests check, in the chapter's words.
const (
	ruleUnavailable = "ErrUnavailable is not a refusal: after a Dispatch that is unavailable, return the error at once and append nothing; the transfer is still under way — day 8, Part 2"
	ruleSameIDs     = "the next Deliver hands the same request over again, and Handle sends the same envelopes: a withdrawal whose answer was lost is not done twice, since the router answers its envelope id with the first outcome — day 8, Part 2"
	ruleRestart     = "after a restart every request is delivered again; the ones already finished are loaded as finished and left alone — day 8, Part 2"
	ruleRefusal     = "a refusal is the bank's answer, and the transfer fails; only ErrUnavailable leaves it under way — day 8, Part 2"
	ruleWaits       = "an unavailable Dispatch is returned as Handle's error, which says \"not handled\": the subscription keeps the manager's checkpoint just before the request, so later requests wait behind it — day 8, Part 2"
)

// TestPart2Example is the worked example of Part 2: a transfer manager on
// a subscription, while its commands and their answers get lost and the
// bank restarts.
func TestPart2Example(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	dispatchAll(t, router, "open acc-1 Ada Lovelace", "deposit acc-1 900", "open acc-2 Alan Turing")
	net := &flaky{next: router, before: map[int]bool{}, after: map[int]bool{1: true}}
	sub := NewSubscription(store, NewTransferManager(store, net))

	t1 := request(t, store, "t-1", "acc-1", "acc-2", 250)
	given := holds(store, "acc-1", "acc-2") + "; the answer of call 1 will be lost"
	sub.Deliver()
	// Call 1, t-1's withdrawal, was handled, but its answer was lost.
	s := gwt(given, "Deliver() hands over "+DescribeRecorded([]RecordedEvent{t1})[0])
	assert.Equal(t, []string{"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:250}"},
		streamOf(store, "transfer-t-1"), "%sthe stream of t-1: %s", s, ruleUnavailable)
	assert.Equal(t, []int{650, 0}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2, the withdrawal handled and its answer lost: %s", s, ruleUnavailable)
	given = "t-1 under way, its withdrawal handled and its answer lost; " + holds(store, "acc-1", "acc-2")
	sub.Deliver()
	// Call 2 sends the withdrawal again, under the same id: the router
	// answers with its first outcome. Call 3 is the deposit.
	s = gwt(given, "Deliver() again")
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:250}",
		"TransferCompleted{Transfer:t-1}",
	}, streamOf(store, "transfer-t-1"), "%sthe stream of t-1: %s", s, ruleSameIDs)
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2: %s", s, ruleSameIDs)

	dispatchAll(t, router, "open acc-3 Grace Hopper", "close acc-3")
	t2 := request(t, store, "t-2", "acc-1", "acc-3", 300)
	net.before[4] = true
	given = holds(store, "acc-1", "acc-2") + ", acc-3 closed; call 4 will be lost on its way"
	sub.Deliver()
	// Call 4, t-2's withdrawal, never arrived.
	s = gwt(given, "Deliver() hands over "+DescribeRecorded([]RecordedEvent{t2})[0])
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2: %s", s, ruleUnavailable)

	// The bank restarts: a new manager and a new subscription, from 0.
	sub = NewSubscription(store, NewTransferManager(store, net))
	sub.Deliver()
	s = gwt("t-1 completed, t-2 under way, its withdrawal lost on its way", "the bank restarts (a new manager on a new subscription) and Deliver() hands over every event again")
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-2 From:acc-1 To:acc-3 Amount:300}",
		"TransferFailed{Transfer:t-2 Reason:account is closed}",
	}, streamOf(store, "transfer-t-2"), "%sthe stream of t-2: %s", s, ruleRefund)
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2, t-2 refunded: %s", s, ruleRefund)
	assert.Equal(t, 7, net.calls, "%sthe calls to the dispatcher, 3 for t-1 and 4 for t-2 (withdraw twice, deposit, refund): %s", s, ruleRestart)

	lines := []string{
		"open acc-1 Ada Lovelace",
		"deposit acc-1 900",
		"open acc-2 Alan Turing",
		"transfer t-1 acc-1 acc-2 250",
		"fail after",
		"deliver",
		"deliver",
		"open acc-3 Grace Hopper",
		"close acc-3",
		"transfer t-2 acc-1 acc-3 300",
		"fail before",
		"deliver",
		"restart",
		"deliver",
	}
	// (250 completed + 650 + 250 = 900 held) × 1 failed = 1150.
	assert.Equal(t, 1150, part2Answer(lines), "part2Answer(%q): the completed transfers' amounts plus the money held in open accounts, times the number of failed transfers — day 8, Part 2", lines)
}

// TestPart2FullEveryCallFails loses each of a transfer's calls in turn,
// on its way or on its way back, and delivers the request again until the
// transfer is done: the accounts end as if nothing had been lost.
func TestPart2FullEveryCallFails(t *testing.T) {
	setup := []string{"open acc-1 Ada", "deposit acc-1 80", "open acc-2 Alan", "open acc-3 Grace", "close acc-3"}
	for _, to := range []string{"acc-2", "acc-3"} {
		for call := 1; call <= 3; call++ {
			for _, after := range []bool{false, true} {
				lost := "on its way"
				if after {
					lost = "after it was handled, its answer lost"
				}
				what := gwt(fmt.Sprintf("acc-1 holds 80, acc-2 is open, acc-3 closed; the dispatcher loses call %d %s", call, lost),
					fmt.Sprintf("Handle(TransferRequested{Transfer:t-1 From:acc-1 To:%s Amount:50}) five times", to))
				store := newStore()
				router := NewRouter(store)
				dispatchAll(t, router, setup...)
				net := &flaky{next: router, before: map[int]bool{call: !after}, after: map[int]bool{call: after}}
				manager := NewTransferManager(store, net)
				rec := request(t, store, "t-1", "acc-1", to, 50)
				errs := 0
				for i := 0; i < 5; i++ {
					err := manager.Handle(rec)
					if err != nil {
						assert.ErrorIs(t, err, ErrUnavailable, "%sHandle's error: %s", what, ruleUnavailable)
						assert.Len(t, streamOf(store, "transfer-t-1"), 1, "%sthe transfer's stream after Handle failed: %s", what, ruleUnavailable)
						errs++
					}
				}
				wantErrs := 1
				if to == "acc-2" && call == 3 {
					wantErrs = 0 // a completed transfer makes only 2 calls
				}
				assert.Equal(t, wantErrs, errs, "%sthe Handle calls that failed: %s", what, ruleSameIDs)
				if to == "acc-2" {
					assert.Equal(t, []int{30, 50}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2: %s", what, ruleSameIDs)
					assert.Equal(t, "TransferCompleted{Transfer:t-1}", streamOf(store, "transfer-t-1")[1], "%sthe transfer's outcome: %s", what, ruleSameIDs)
					assert.Len(t, streamOf(store, "acc-1"), 3, "%sthe events of acc-1 (opened, deposit, one withdrawal): %s", what, ruleSameIDs)
				} else {
					assert.Equal(t, []int{80, 0}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2: %s", what, ruleSameIDs)
					assert.Equal(t, "TransferFailed{Transfer:t-1 Reason:account is closed}", streamOf(store, "transfer-t-1")[1], "%sthe transfer's outcome: %s", what, ruleRefund)
					assert.Len(t, streamOf(store, "acc-1"), 4, "%sthe events of acc-1 (opened, deposit, one withdrawal, one refund): %s", what, ruleSameIDs)
				}
				assert.Len(t, streamOf(store, "transfer-t-1"), 2, "%sthe transfer's stream at the end: %s", what, ruleSameIDs)
			}
		}
	}
}

// TestPart2FullRefusalIsNotUnavailable: a refusal ends the transfer at
// once; only ErrUnavailable leaves it under way.
func TestPart2FullRefusalIsNotUnavailable(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	dispatchAll(t, router, "open acc-1 Ada", "deposit acc-1 20", "open acc-2 Alan")
	net := &flaky{next: router, before: map[int]bool{1: true}, after: map[int]bool{}}
	sub := NewSubscription(store, NewTransferManager(store, net))
	request(t, store, "t-1", "acc-1", "acc-2", 21)
	request(t, store, "t-2", "acc-1", "acc-2", 20)
	sub.Deliver()
	s := gwt("acc-1 holds 20, acc-2 holds 0; t-1 (21 from acc-1) at @4 and t-2 (20 from acc-1) at @5; call 1 will be lost on its way", "Deliver()")
	assert.Equal(t, 3, sub.Checkpoint(0), "%sthe manager's checkpoint, its first command lost: %s", s, ruleWaits)
	assert.Len(t, streamOf(store, "transfer-t-2"), 1, "%sthe stream of t-2, which waits behind t-1: %s", s, ruleWaits)
	sub.Deliver()
	s = gwt("t-1 and t-2 under way, t-1's withdrawal lost on its way", "Deliver() again")
	assert.Equal(t, "TransferFailed{Transfer:t-1 Reason:insufficient funds}", streamOf(store, "transfer-t-1")[1], "%sthe outcome of t-1, refused: %s", s, ruleRefusal)
	assert.Equal(t, "TransferCompleted{Transfer:t-2}", streamOf(store, "transfer-t-2")[1], "%sthe outcome of t-2: %s", s, ruleRefusal)
	assert.Equal(t, []int{0, 20}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2 at the end: %s", s, ruleRefusal)
}
