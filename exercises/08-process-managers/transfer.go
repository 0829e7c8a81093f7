//go:build ignore

package bank

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
	panic("TODO(ch08): implement Apply")
}

// LoadTransfer rebuilds a transfer from its stream, TransferStream(id).
// A transfer never requested comes back as Transfer{ID: id}.
func LoadTransfer(store *EventStore, id string) Transfer {
	panic("TODO(ch08): implement LoadTransfer")
}

// TransferManager is a process manager: an event handler that reacts to
// TransferRequested by sending the commands that carry the transfer out,
// and records how it ended in the transfer's stream.
type TransferManager struct {
	// TODO(ch08): what the manager keeps.
}

// NewTransferManager returns a manager that reads and records transfers
// in store and sends its commands to d.
func NewTransferManager(store *EventStore, d Dispatcher) *TransferManager {
	panic("TODO(ch08): implement NewTransferManager")
}

// Handle reacts to one recorded event; it ignores every event but
// TransferRequested. A request is carried out unless the transfer's
// stream says it has completed or failed already (a request can be
// delivered again). With stream := TransferStream(id), the amount leaves
// From in the envelope stream+"/withdraw" and arrives in To in the
// envelope stream+"/deposit". A refused withdrawal ends the transfer with
// TransferFailed, the refusal's message as its Reason. A refused deposit
// is compensated first, the amount going back to From in the envelope
// stream+"/refund", and the transfer then fails with the deposit's
// refusal as its Reason. Otherwise it ends with TransferCompleted. The
// ending is appended to the transfer's stream at the version loaded, so
// that a transfer cannot end twice, and an append the store refuses is
// returned as an error.
//
// Part 2: when a Dispatch fails with an error that wraps ErrUnavailable,
// Handle returns that error at once and appends nothing: the transfer is
// still under way, and the event will be delivered again. Because every
// command has an envelope id made from the transfer's id, handling the
// event again sends the same envelopes, and the Router answers the ones it
// has handled already with their first outcome instead of moving the
// money twice. Any error from the refund is returned the same way.
func (m *TransferManager) Handle(e RecordedEvent) error {
	panic("TODO(ch08): implement Handle")
}
