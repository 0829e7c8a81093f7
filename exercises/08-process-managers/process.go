//go:build ignore

package bank

import "errors"

// A money transfer is a process: it spans two accounts, so no single
// account can decide it. Its own events live in a stream of its own,
// TransferStream(id), beside the accounts' streams.

// TransferRequested: someone asked the bank to move Amount from one
// account to another. It starts the transfer's stream.
type TransferRequested struct {
	Transfer string // the transfer's id, such as "t-7"
	From     string // the account the money comes out of
	To       string // the account the money goes into
	Amount   int
}

// TransferCompleted: the money left From and arrived in To.
type TransferCompleted struct {
	Transfer string
}

// TransferFailed: the transfer did not happen, and any money taken out of
// From has been put back. Reason is the refusal's error message.
type TransferFailed struct {
	Transfer string
	Reason   string
}

// TransferStream returns the id of a transfer's stream: "transfer-t-7"
// for transfer "t-7".
func TransferStream(transfer string) string { return "transfer-" + transfer }

// AccountID returns the transfer's stream, where the event is recorded.
func (e TransferRequested) AccountID() string { return TransferStream(e.Transfer) }

// AccountID returns the transfer's stream, where the event is recorded.
func (e TransferCompleted) AccountID() string { return TransferStream(e.Transfer) }

// AccountID returns the transfer's stream, where the event is recorded.
func (e TransferFailed) AccountID() string { return TransferStream(e.Transfer) }

// EventType returns "TransferRequested".
func (TransferRequested) EventType() string { return "TransferRequested" }

// EventType returns "TransferCompleted".
func (TransferCompleted) EventType() string { return "TransferCompleted" }

// EventType returns "TransferFailed".
func (TransferFailed) EventType() string { return "TransferFailed" }

// Dispatcher handles commands in envelopes: chapter 5's Router is one.
type Dispatcher interface {
	Dispatch(env Envelope) ([]Event, error)
}

// ErrUnavailable is what a Dispatcher's error wraps when no answer came
// back: the command may not have arrived, or it may have been handled and
// its answer lost on the way. It is not a refusal, and trying again (with
// the same envelope id) is safe.
var ErrUnavailable = errors.New("dispatcher unavailable")
