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

// TestPart2Example is the worked example of Part 2: a transfer manager on
// a subscription, while its commands and their answers get lost and the
// bank restarts.
func TestPart2Example(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	dispatchAll(t, router, "open acc-1 Ada Lovelace", "deposit acc-1 900", "open acc-2 Alan Turing")
	net := &flaky{next: router, before: map[int]bool{}, after: map[int]bool{1: true}}
	sub := NewSubscription(store, NewTransferManager(store, net))

	request(t, store, "t-1", "acc-1", "acc-2", 250)
	sub.Deliver()
	// Call 1, t-1's withdrawal, was handled, but its answer was lost.
	assert.Equal(t, []string{"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:250}"},
		streamOf(store, "transfer-t-1"), "the stream of t-1 after the first Deliver")
	assert.Equal(t, []int{650, 0}, balances(store, "acc-1", "acc-2"), "the balances after the first Deliver")
	sub.Deliver()
	// Call 2 sends the withdrawal again, under the same id: the router
	// answers with its first outcome. Call 3 is the deposit.
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:250}",
		"TransferCompleted{Transfer:t-1}",
	}, streamOf(store, "transfer-t-1"), "the stream of t-1 after the second Deliver")
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "the balances after the second Deliver")

	dispatchAll(t, router, "open acc-3 Grace Hopper", "close acc-3")
	request(t, store, "t-2", "acc-1", "acc-3", 300)
	net.before[4] = true
	sub.Deliver()
	// Call 4, t-2's withdrawal, never arrived.
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "the balances after the third Deliver")

	// The bank restarts: a new manager and a new subscription, from 0.
	sub = NewSubscription(store, NewTransferManager(store, net))
	sub.Deliver()
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-2 From:acc-1 To:acc-3 Amount:300}",
		"TransferFailed{Transfer:t-2 Reason:account is closed}",
	}, streamOf(store, "transfer-t-2"), "the stream of t-2 after the restart")
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "the balances after the restart: t-2 refunded")
	assert.Equal(t, 7, net.calls, "the calls to the dispatcher: 3 for t-1, 4 for t-2 (withdraw twice, deposit, refund)")

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
	assert.Equal(t, 1150, part2Answer(lines), "part2Answer(%q)", lines)
}

// TestPart2FullEveryCallFails loses each of a transfer's calls in turn,
// on its way or on its way back, and delivers the request again until the
// transfer is done: the accounts end as if nothing had been lost.
func TestPart2FullEveryCallFails(t *testing.T) {
	setup := []string{"open acc-1 Ada", "deposit acc-1 80", "open acc-2 Alan", "open acc-3 Grace", "close acc-3"}
	for _, to := range []string{"acc-2", "acc-3"} {
		for call := 1; call <= 3; call++ {
			for _, after := range []bool{false, true} {
				what := fmt.Sprintf("a transfer of 50 from acc-1 to %s, call %d lost (after it was handled: %v)", to, call, after)
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
						assert.ErrorIs(t, err, ErrUnavailable, "Handle, %s", what)
						assert.Len(t, streamOf(store, "transfer-t-1"), 1, "the transfer's stream after Handle failed, %s", what)
						errs++
					}
				}
				wantErrs := 1
				if to == "acc-2" && call == 3 {
					wantErrs = 0 // a completed transfer makes only 2 calls
				}
				assert.Equal(t, wantErrs, errs, "Handle calls that failed, %s", what)
				if to == "acc-2" {
					assert.Equal(t, []int{30, 50}, balances(store, "acc-1", "acc-2"), "the balances, %s", what)
					assert.Equal(t, "TransferCompleted{Transfer:t-1}", streamOf(store, "transfer-t-1")[1], "the transfer's outcome, %s", what)
					assert.Len(t, streamOf(store, "acc-1"), 3, "the events of acc-1 (opened, deposit, one withdrawal), %s", what)
				} else {
					assert.Equal(t, []int{80, 0}, balances(store, "acc-1", "acc-2"), "the balances, %s", what)
					assert.Equal(t, "TransferFailed{Transfer:t-1 Reason:account is closed}", streamOf(store, "transfer-t-1")[1], "the transfer's outcome, %s", what)
					assert.Len(t, streamOf(store, "acc-1"), 4, "the events of acc-1 (opened, deposit, one withdrawal, one refund), %s", what)
				}
				assert.Len(t, streamOf(store, "transfer-t-1"), 2, "the transfer's stream at the end, %s", what)
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
	assert.Equal(t, 3, sub.Checkpoint(0), "the manager's checkpoint after its first command was lost")
	assert.Len(t, streamOf(store, "transfer-t-2"), 1, "t-2 waits behind t-1")
	sub.Deliver()
	assert.Equal(t, "TransferFailed{Transfer:t-1 Reason:insufficient funds}", streamOf(store, "transfer-t-1")[1], "the outcome of t-1")
	assert.Equal(t, "TransferCompleted{Transfer:t-2}", streamOf(store, "transfer-t-2")[1], "the outcome of t-2")
	assert.Equal(t, []int{0, 20}, balances(store, "acc-1", "acc-2"), "the balances at the end")
}
