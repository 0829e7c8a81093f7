//go:build ignore

package bank

// Part 2: unavailable is not a refusal.
import "errors"

// End of Part 2.

// Transfer is the state of one transfer, rebuilt from the events of its
// stream. The zero Transfer is one that was never requested.
type Transfer struct {
	ID        string
	From      string
	To        string
	Amount    int
	Requested bool   // a TransferRequested has happened
	Completed bool   // a TransferCompleted has happened
	Failed    bool   // a TransferFailed has happened
	Reason    string // why it failed
	Version   int    // the number of events applied: the stream's version
}

// Apply folds one event of the transfer's stream into its state.
func (t *Transfer) Apply(e Event) {
	switch e := e.(type) {
	case TransferRequested:
		t.ID, t.From, t.To, t.Amount = e.Transfer, e.From, e.To, e.Amount
		t.Requested = true
	case TransferCompleted:
		t.Completed = true
	case TransferFailed:
		t.Failed = true
		t.Reason = e.Reason
	}
	t.Version++
}

// LoadTransfer rebuilds a transfer from its stream.
func LoadTransfer(store *EventStore, id string) Transfer {
	t := Transfer{ID: id}
	for _, r := range store.ReadStream(TransferStream(id), 1) {
		t.Apply(r.Event)
	}
	return t
}

// TransferManager is a process manager for transfers.
type TransferManager struct {
	store      *EventStore
	dispatcher Dispatcher
}

// NewTransferManager returns a manager of the transfers in store.
func NewTransferManager(store *EventStore, d Dispatcher) *TransferManager {
	return &TransferManager{store: store, dispatcher: d}
}

// Handle carries out a requested transfer, as far as it can.
func (m *TransferManager) Handle(e RecordedEvent) error {
	var id string
	switch ev := e.Event.(type) {
	case TransferRequested:
		id = ev.Transfer
	default:
		return nil
	}
	t := LoadTransfer(m.store, id)
	if t.Completed || t.Failed {
		return nil
	}
	stream := TransferStream(id)
	if _, err := m.dispatcher.Dispatch(Envelope{ID: stream + "/withdraw", Command: WithdrawMoney{Account: t.From, Amount: t.Amount}}); err != nil {
		// Part 2: unavailable is not a refusal.
		if errors.Is(err, ErrUnavailable) {
			return err
		}
		// End of Part 2.
		return m.record(t, TransferFailed{Transfer: id, Reason: err.Error()})
	}
	if _, err := m.dispatcher.Dispatch(Envelope{ID: stream + "/deposit", Command: DepositMoney{Account: t.To, Amount: t.Amount}}); err != nil {
		// Part 2: unavailable is not a refusal.
		if errors.Is(err, ErrUnavailable) {
			return err
		}
		// End of Part 2.
		if _, rerr := m.dispatcher.Dispatch(Envelope{ID: stream + "/refund", Command: DepositMoney{Account: t.From, Amount: t.Amount}}); rerr != nil {
			// Part 2: a refund that did not happen is tried again.
			return rerr
			// End of Part 2.
		}
		return m.record(t, TransferFailed{Transfer: id, Reason: err.Error()})
	}
	return m.record(t, TransferCompleted{Transfer: id})
}

// record appends how the transfer ended, expecting the version loaded.
func (m *TransferManager) record(t Transfer, e Event) error {
	_, err := m.store.Append(TransferStream(t.ID), t.Version, []Event{e})
	return err
}
