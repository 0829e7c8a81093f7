//go:build ignore

package bank

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// request appends a TransferRequested to a new transfer stream and
// returns it as recorded.
func request(t *testing.T, store *EventStore, id, from, to string, amount int) RecordedEvent {
	t.Helper()
	e := TransferRequested{Transfer: id, From: from, To: to, Amount: amount}
	_, err := store.Append(TransferStream(id), NoStream, []Event{e})
	require.NoError(t, err, "Append(%q, NoStream, %v)", TransferStream(id), DescribeEvents([]Event{e}))
	records := store.ReadStream(TransferStream(id), 1)
	return records[len(records)-1]
}

// dispatchAll dispatches teller lines through the router, each in an
// envelope of its own, and requires each to be accepted.
func dispatchAll(t *testing.T, router *Router, lines ...string) {
	t.Helper()
	for _, line := range lines {
		cmd, err := ParseCommand(line)
		require.NoError(t, err, "ParseCommand(%q)", line)
		_, err = router.Dispatch(Envelope{ID: "setup: " + line, Command: cmd})
		require.NoError(t, err, "Dispatch(%q)", line)
	}
}

// balances returns the balance of each account, from its stream.
func balances(store *EventStore, ids ...string) []int {
	out := []int{}
	for _, id := range ids {
		a := Account{ID: id}
		for _, r := range store.ReadStream(id, 1) {
			a.Apply(r.Event)
		}
		out = append(out, a.Balance)
	}
	return out
}

// streamOf describes the events of a stream.
func streamOf(store *EventStore, stream string) []string {
	var events []Event
	for _, r := range store.ReadStream(stream, 1) {
		events = append(events, r.Event)
	}
	return DescribeEvents(events)
}

// gwt writes the Given and the When of a failure message; the Then, the
// rule, follows it.
func gwt(given, when string) string {
	return "Given: " + given + "\nWhen: " + when + "\nThen: "
}

// holds says what each account holds, from its stream, for a failure
// message's Given: "acc-1 holds 650, acc-2 holds 250".
func holds(store *EventStore, ids ...string) string {
	var out []string
	for i, b := range balances(store, ids...) {
		out = append(out, fmt.Sprintf("%s holds %d", ids[i], b))
	}
	return strings.Join(out, ", ")
}

// handleCall describes handing a recorded event to Handle.
func handleCall(r RecordedEvent) string {
	return "Handle(" + DescribeRecorded([]RecordedEvent{r})[0] + ")"
}

// The rules of Part 1 the tests check, in the chapter's words.
const (
	ruleApply         = "TransferRequested fills in the transfer's fields and sets Requested, TransferCompleted sets Completed, TransferFailed sets Failed and the Reason; every event adds one to Version — day 8, Part 1"
	ruleLoad          = "LoadTransfer starts from Transfer{ID: id} and applies every event of the transfer's stream — day 8, Part 1"
	ruleNeverLoaded   = "a transfer never requested comes back with nothing but its ID — day 8, Part 1"
	ruleOneHandle     = "the whole transfer runs inside one Handle: a refusal ends it with TransferFailed, and the stream records only how it began and how it ended — day 8, Part 1"
	ruleCompleted     = "when the withdrawal and the deposit both go through, append TransferCompleted — day 8, Part 1"
	ruleWithdrawFails = "if the router refuses the withdrawal, append TransferFailed with the refusal's message as its Reason, and stop — day 8, Part 1"
	ruleRefund        = "if the router refuses the deposit, compensate: dispatch DepositMoney of the amount back to From, in the envelope stream+\"/refund\", then append TransferFailed with the deposit's refusal as its Reason — day 8, Part 1"
	ruleFinished      = "Handle loads the transfer from its stream, and if the transfer has completed or failed, it does nothing — day 8, Part 1"
	ruleIgnored       = "Handle ignores every event but TransferRequested, and does nothing for a transfer that has completed or failed — day 8, Part 1"
	ruleLoadedVersion = "append to the transfer's stream expecting the version you loaded; if the store refuses that append, return its error: someone else has ended this transfer already, and it must not end twice — day 8, Part 1"
)

// TestPart1Example is the worked example of Part 1: three transfers, one
// completed, one refused at the withdrawal and one refused at the deposit
// and refunded.
func TestPart1Example(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	manager := NewTransferManager(store, router)
	dispatchAll(t, router, "open acc-1 Ada Lovelace", "deposit acc-1 900", "open acc-2 Alan Turing")

	t1 := request(t, store, "t-1", "acc-1", "acc-2", 250)
	s := gwt(holds(store, "acc-1", "acc-2"), handleCall(t1))
	require.NoError(t, manager.Handle(t1), "%s%s", s, ruleOneHandle)
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:250}",
		"TransferCompleted{Transfer:t-1}",
	}, streamOf(store, "transfer-t-1"), "%sthe stream of t-1: %s", s, ruleCompleted)
	// 900 - 250 = 650 and 0 + 250 = 250.
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2 after t-1: %s", s, ruleCompleted)

	t2 := request(t, store, "t-2", "acc-2", "acc-1", 400)
	s = gwt(holds(store, "acc-1", "acc-2"), handleCall(t2))
	require.NoError(t, manager.Handle(t2), "%s%s", s, ruleOneHandle)
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-2 From:acc-2 To:acc-1 Amount:400}",
		"TransferFailed{Transfer:t-2 Reason:insufficient funds}",
	}, streamOf(store, "transfer-t-2"), "%sthe stream of t-2: %s", s, ruleWithdrawFails)

	dispatchAll(t, router, "open acc-3 Grace Hopper", "close acc-3")
	t3 := request(t, store, "t-3", "acc-1", "acc-3", 300)
	s = gwt(holds(store, "acc-1")+", acc-3 was opened and closed", handleCall(t3))
	require.NoError(t, manager.Handle(t3), "%s%s", s, ruleOneHandle)
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-3 From:acc-1 To:acc-3 Amount:300}",
		"TransferFailed{Transfer:t-3 Reason:account is closed}",
	}, streamOf(store, "transfer-t-3"), "%sthe stream of t-3: %s", s, ruleRefund)
	assert.Equal(t, []string{
		"AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"MoneyDeposited{Account:acc-1 Amount:900}",
		"MoneyWithdrawn{Account:acc-1 Amount:250}",
		"MoneyWithdrawn{Account:acc-1 Amount:300}",
		"MoneyDeposited{Account:acc-1 Amount:300}",
	}, streamOf(store, "acc-1"), "%sthe stream of acc-1, t-3's withdrawal and its refund: %s", s, ruleRefund)
	assert.Equal(t, Transfer{ID: "t-3", From: "acc-1", To: "acc-3", Amount: 300, Requested: true, Failed: true, Reason: "account is closed", Version: 2},
		LoadTransfer(store, "t-3"), "LoadTransfer(store, %q) after t-3 failed: %s", "t-3", ruleLoad)

	// Delivered again, a finished transfer does nothing.
	s = gwt("t-1 has completed, "+holds(store, "acc-1", "acc-2"), handleCall(t1)+" again")
	require.NoError(t, manager.Handle(store.ReadStream("transfer-t-1", 1)[0]), "%s%s", s, ruleFinished)
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2: %s", s, ruleFinished)

	lines := []string{
		"open acc-1 Ada Lovelace",
		"deposit acc-1 900",
		"open acc-2 Alan Turing",
		"transfer t-1 acc-1 acc-2 250",
		"transfer t-2 acc-2 acc-1 400",
		"open acc-3 Grace Hopper",
		"close acc-3",
		"transfer t-3 acc-1 acc-3 300",
	}
	// (250 completed + 650 + 250 = 900 held) × 2 failed = (250 + 900) × 2 = 2300.
	assert.Equal(t, 2300, part1Answer(lines), "part1Answer(%q): the completed transfers' amounts plus the money held in open accounts, times the number of failed transfers — day 8, Part 1", lines)
}

func TestPart1FullApply(t *testing.T) {
	store := newStore()
	assert.Equal(t, Transfer{ID: "t-9"}, LoadTransfer(store, "t-9"), "LoadTransfer(store, %q) of a transfer never requested: %s", "t-9", ruleNeverLoaded)

	// apply applies e to tr and says so, for a failure message.
	apply := func(tr *Transfer, given string, e Event) string {
		tr.Apply(e)
		return gwt(given, "Apply("+DescribeEvents([]Event{e})[0]+")")
	}
	var tr Transfer
	s := apply(&tr, "a zero Transfer", TransferRequested{Transfer: "t-4", From: "acc-1", To: "acc-2", Amount: 35})
	assert.Equal(t, Transfer{ID: "t-4", From: "acc-1", To: "acc-2", Amount: 35, Requested: true, Version: 1}, tr, "%s%s", s, ruleApply)
	s = apply(&tr, "the Transfer t-4, requested", TransferCompleted{Transfer: "t-4"})
	assert.Equal(t, Transfer{ID: "t-4", From: "acc-1", To: "acc-2", Amount: 35, Requested: true, Completed: true, Version: 2}, tr, "%s%s", s, ruleApply)

	var failed Transfer
	failed.Apply(TransferRequested{Transfer: "t-5", From: "acc-2", To: "acc-1", Amount: 8})
	s = apply(&failed, "a zero Transfer that was applied TransferRequested{Transfer:t-5 From:acc-2 To:acc-1 Amount:8}", TransferFailed{Transfer: "t-5", Reason: "account is not open"})
	assert.Equal(t, Transfer{ID: "t-5", From: "acc-2", To: "acc-1", Amount: 8, Requested: true, Failed: true, Reason: "account is not open", Version: 2}, failed, "%s%s", s, ruleApply)

	request(t, store, "t-6", "acc-7", "acc-8", 12)
	_, err := store.Append("transfer-t-6", 1, []Event{TransferFailed{Transfer: "t-6", Reason: "no"}})
	require.NoError(t, err)
	assert.Equal(t, Transfer{ID: "t-6", From: "acc-7", To: "acc-8", Amount: 12, Requested: true, Failed: true, Reason: "no", Version: 2},
		LoadTransfer(store, "t-6"), "LoadTransfer(store, %q) with transfer-t-6 holding %s: %s", "t-6", strings.Join(streamOf(store, "transfer-t-6"), ", "), ruleLoad)
}

func TestPart1FullProcess(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	manager := NewTransferManager(store, router)
	dispatchAll(t, router, "open acc-1 Ada", "deposit acc-1 100", "open acc-2 Alan")

	tests := []struct {
		id, from, to string
		amount       int
		want         string // the transfer's last event
		balances     []int  // of acc-1 and acc-2 afterwards
		rule         string // the rule it follows
	}{
		{"t-1", "acc-1", "acc-2", 100, "TransferCompleted{Transfer:t-1}", []int{0, 100}, ruleCompleted},
		{"t-2", "acc-2", "acc-1", 101, "TransferFailed{Transfer:t-2 Reason:insufficient funds}", []int{0, 100}, ruleWithdrawFails},
		{"t-3", "acc-2", "acc-2", 60, "TransferCompleted{Transfer:t-3}", []int{0, 100}, ruleCompleted},
		{"t-4", "acc-2", "acc-9", 10, "TransferFailed{Transfer:t-4 Reason:account is not open}", []int{0, 100}, ruleRefund},
		{"t-5", "acc-9", "acc-2", 10, "TransferFailed{Transfer:t-5 Reason:account is not open}", []int{0, 100}, ruleWithdrawFails},
		{"t-6", "acc-2", "acc-1", 0, "TransferFailed{Transfer:t-6 Reason:amount must be positive}", []int{0, 100}, ruleWithdrawFails},
		{"t-7", "acc-2", "acc-1", 30, "TransferCompleted{Transfer:t-7}", []int{30, 70}, ruleCompleted},
	}
	for _, tt := range tests {
		rec := request(t, store, tt.id, tt.from, tt.to, tt.amount)
		s := gwt(holds(store, "acc-1", "acc-2")+", acc-9 was never opened", handleCall(rec))
		require.NoError(t, manager.Handle(rec), "%s%s", s, ruleOneHandle)
		got := streamOf(store, TransferStream(tt.id))
		assert.Equal(t, 2, len(got), "%sthe number of events in %s: %s", s, TransferStream(tt.id), ruleOneHandle)
		assert.Equal(t, tt.want, got[len(got)-1], "%sthe last event of %s: %s", s, TransferStream(tt.id), tt.rule)
		assert.Equal(t, tt.balances, balances(store, "acc-1", "acc-2"), "%sthe balances of acc-1 and acc-2 after %s: %s", s, tt.id, tt.rule)
	}
	assert.Equal(t, []string{
		"AccountOpened{Account:acc-2 Owner:Alan}",
		"MoneyDeposited{Account:acc-2 Amount:100}",
		"MoneyWithdrawn{Account:acc-2 Amount:60}",
		"MoneyDeposited{Account:acc-2 Amount:60}",
		"MoneyWithdrawn{Account:acc-2 Amount:10}",
		"MoneyDeposited{Account:acc-2 Amount:10}",
		"MoneyWithdrawn{Account:acc-2 Amount:30}",
	}, streamOf(store, "acc-2"), "the stream of acc-2 after t-1 to t-7, t-3 to itself and t-4 to acc-9 refunded: %s", ruleRefund)

	// Every other event is ignored, and so is a finished transfer.
	before := len(store.ReadAll(1))
	for _, r := range store.ReadAll(1) {
		require.NoError(t, manager.Handle(r), "%s%s", gwt("t-1 to t-7 have ended", handleCall(r)+" again"), ruleIgnored)
	}
	assert.Equal(t, before, len(store.ReadAll(1)), "%sthe number of events in the store: %s", gwt("t-1 to t-7 have ended", "every event of the store is handed to Handle again"), ruleIgnored)
}

// overtaken is a Dispatcher for the tests that lets another manager finish
// the transfer while this one is still at work: before the deposit reaches
// the router, it appends the other manager's TransferFailed.
type overtaken struct {
	next  Dispatcher
	store *EventStore
	id    string
}

func (o *overtaken) Dispatch(env Envelope) ([]Event, error) {
	if env.ID == TransferStream(o.id)+"/deposit" {
		if _, err := o.store.Append(TransferStream(o.id), 1, []Event{TransferFailed{Transfer: o.id, Reason: "handled elsewhere"}}); err != nil {
			return nil, err
		}
	}
	return o.next.Dispatch(env)
}

// TestPart1FullRecordsAtTheLoadedVersion: the manager appends how the
// transfer ended expecting the version it loaded, so when another manager
// finished the same transfer first, the store refuses the second ending.
func TestPart1FullRecordsAtTheLoadedVersion(t *testing.T) {
	// Given a requested transfer, and another manager that finishes it
	// while this one is between its withdrawal and its deposit,
	store := newStore()
	router := NewRouter(store)
	dispatchAll(t, router, "open acc-1 Ada", "deposit acc-1 100", "open acc-2 Alan")
	rec := request(t, store, "t-1", "acc-1", "acc-2", 40)
	manager := NewTransferManager(store, &overtaken{next: router, store: store, id: "t-1"})

	// when this manager handles the request,
	err := manager.Handle(rec)

	// then its ending is refused: the stream ends as the other manager
	// left it, with one ending, not two.
	s := gwt("t-1 requested, 40 from acc-1 to acc-2, and another manager that appends TransferFailed to transfer-t-1 while this one is between its withdrawal and its deposit",
		handleCall(rec)+", loading transfer-t-1 at version 1")
	assert.Error(t, err, "%sthe append at the loaded version 1 is refused: %s", s, ruleLoadedVersion)
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:40}",
		"TransferFailed{Transfer:t-1 Reason:handled elsewhere}",
	}, streamOf(store, TransferStream("t-1")), "%stransfer-t-1 ends once: %s", s, ruleLoadedVersion)
}
