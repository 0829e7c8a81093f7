//go:build ignore

package bank

import (
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

// TestPart1Example is the worked example of Part 1: three transfers, one
// completed, one refused at the withdrawal and one refused at the deposit
// and refunded.
func TestPart1Example(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	manager := NewTransferManager(store, router)
	dispatchAll(t, router, "open acc-1 Ada Lovelace", "deposit acc-1 900", "open acc-2 Alan Turing")

	require.NoError(t, manager.Handle(request(t, store, "t-1", "acc-1", "acc-2", 250)), "Handle(t-1)")
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:250}",
		"TransferCompleted{Transfer:t-1}",
	}, streamOf(store, "transfer-t-1"), "the stream of t-1")
	// 900 - 250 = 650 and 0 + 250 = 250.
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "the balances of acc-1 and acc-2 after t-1")

	require.NoError(t, manager.Handle(request(t, store, "t-2", "acc-2", "acc-1", 400)), "Handle(t-2)")
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-2 From:acc-2 To:acc-1 Amount:400}",
		"TransferFailed{Transfer:t-2 Reason:insufficient funds}",
	}, streamOf(store, "transfer-t-2"), "the stream of t-2")

	dispatchAll(t, router, "open acc-3 Grace Hopper", "close acc-3")
	require.NoError(t, manager.Handle(request(t, store, "t-3", "acc-1", "acc-3", 300)), "Handle(t-3)")
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-3 From:acc-1 To:acc-3 Amount:300}",
		"TransferFailed{Transfer:t-3 Reason:account is closed}",
	}, streamOf(store, "transfer-t-3"), "the stream of t-3")
	assert.Equal(t, []string{
		"AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
		"MoneyDeposited{Account:acc-1 Amount:900}",
		"MoneyWithdrawn{Account:acc-1 Amount:250}",
		"MoneyWithdrawn{Account:acc-1 Amount:300}",
		"MoneyDeposited{Account:acc-1 Amount:300}",
	}, streamOf(store, "acc-1"), "the stream of acc-1: t-3's withdrawal and its refund")
	assert.Equal(t, Transfer{ID: "t-3", From: "acc-1", To: "acc-3", Amount: 300, Requested: true, Failed: true, Reason: "account is closed", Version: 2},
		LoadTransfer(store, "t-3"), "LoadTransfer(t-3)")

	// Delivered again, a finished transfer does nothing.
	require.NoError(t, manager.Handle(store.ReadStream("transfer-t-1", 1)[0]), "Handle(t-1) again")
	assert.Equal(t, []int{650, 250}, balances(store, "acc-1", "acc-2"), "the balances after t-1 was delivered again")

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
	assert.Equal(t, 2300, part1Answer(lines), "part1Answer(%q)", lines)
}

func TestPart1FullApply(t *testing.T) {
	store := newStore()
	assert.Equal(t, Transfer{ID: "t-9"}, LoadTransfer(store, "t-9"), "LoadTransfer of a transfer never requested")

	var tr Transfer
	tr.Apply(TransferRequested{Transfer: "t-4", From: "acc-1", To: "acc-2", Amount: 35})
	assert.Equal(t, Transfer{ID: "t-4", From: "acc-1", To: "acc-2", Amount: 35, Requested: true, Version: 1}, tr, "after TransferRequested")
	tr.Apply(TransferCompleted{Transfer: "t-4"})
	assert.Equal(t, Transfer{ID: "t-4", From: "acc-1", To: "acc-2", Amount: 35, Requested: true, Completed: true, Version: 2}, tr, "after TransferCompleted")

	var failed Transfer
	failed.Apply(TransferRequested{Transfer: "t-5", From: "acc-2", To: "acc-1", Amount: 8})
	failed.Apply(TransferFailed{Transfer: "t-5", Reason: "account is not open"})
	assert.Equal(t, Transfer{ID: "t-5", From: "acc-2", To: "acc-1", Amount: 8, Requested: true, Failed: true, Reason: "account is not open", Version: 2}, failed, "after TransferFailed")

	request(t, store, "t-6", "acc-7", "acc-8", 12)
	_, err := store.Append("transfer-t-6", 1, []Event{TransferFailed{Transfer: "t-6", Reason: "no"}})
	require.NoError(t, err)
	assert.Equal(t, Transfer{ID: "t-6", From: "acc-7", To: "acc-8", Amount: 12, Requested: true, Failed: true, Reason: "no", Version: 2},
		LoadTransfer(store, "t-6"), "LoadTransfer(t-6)")
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
	}{
		{"t-1", "acc-1", "acc-2", 100, "TransferCompleted{Transfer:t-1}", []int{0, 100}},
		{"t-2", "acc-2", "acc-1", 101, "TransferFailed{Transfer:t-2 Reason:insufficient funds}", []int{0, 100}},
		{"t-3", "acc-2", "acc-2", 60, "TransferCompleted{Transfer:t-3}", []int{0, 100}},
		{"t-4", "acc-2", "acc-9", 10, "TransferFailed{Transfer:t-4 Reason:account is not open}", []int{0, 100}},
		{"t-5", "acc-9", "acc-2", 10, "TransferFailed{Transfer:t-5 Reason:account is not open}", []int{0, 100}},
		{"t-6", "acc-2", "acc-1", 0, "TransferFailed{Transfer:t-6 Reason:amount must be positive}", []int{0, 100}},
		{"t-7", "acc-2", "acc-1", 30, "TransferCompleted{Transfer:t-7}", []int{30, 70}},
	}
	for _, tt := range tests {
		rec := request(t, store, tt.id, tt.from, tt.to, tt.amount)
		require.NoError(t, manager.Handle(rec), "Handle(%s)", tt.id)
		got := streamOf(store, TransferStream(tt.id))
		assert.Equal(t, 2, len(got), "the number of events in %s", TransferStream(tt.id))
		assert.Equal(t, tt.want, got[len(got)-1], "the last event of %s", TransferStream(tt.id))
		assert.Equal(t, tt.balances, balances(store, "acc-1", "acc-2"), "the balances of acc-1 and acc-2 after %s", tt.id)
	}
	assert.Equal(t, []string{
		"AccountOpened{Account:acc-2 Owner:Alan}",
		"MoneyDeposited{Account:acc-2 Amount:100}",
		"MoneyWithdrawn{Account:acc-2 Amount:60}",
		"MoneyDeposited{Account:acc-2 Amount:60}",
		"MoneyWithdrawn{Account:acc-2 Amount:10}",
		"MoneyDeposited{Account:acc-2 Amount:10}",
		"MoneyWithdrawn{Account:acc-2 Amount:30}",
	}, streamOf(store, "acc-2"), "the stream of acc-2: t-4 was refunded")

	// Every other event is ignored, and so is a finished transfer.
	before := len(store.ReadAll(1))
	for _, r := range store.ReadAll(1) {
		require.NoError(t, manager.Handle(r), "Handle(%v)", DescribeRecorded([]RecordedEvent{r}))
	}
	assert.Equal(t, before, len(store.ReadAll(1)), "the number of events after every event was delivered again")
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
	assert.Error(t, err, "Handle(t-1) after another manager appended to transfer-t-1: the append at the loaded version 1 must be refused")
	assert.Equal(t, []string{
		"TransferRequested{Transfer:t-1 From:acc-1 To:acc-2 Amount:40}",
		"TransferFailed{Transfer:t-1 Reason:handled elsewhere}",
	}, streamOf(store, TransferStream("t-1")), "transfer-t-1: a transfer ends once (append expecting the version you loaded)")
}
