//go:build ignore

package bank

// Handler reacts to recorded events: an event handler. A subscription
// delivers the store's events to it in order, at least once: after a
// failure or a restart the same event can arrive again, so a handler must
// be safe to call twice with the same event. A handler that returns an
// error has not handled the event, and gets it again later.
type Handler interface {
	Handle(e RecordedEvent) error
}

// Notification is a message for a customer about their account.
type Notification struct {
	Account  string // the account it is about, such as "acc-7"
	Text     string // what it says, such as "large deposit of 2750 into acc-7"
	Position int    // the position of the event it is about: its idempotency key
}

// Mailer sends notifications: the outside world, which the bank cannot
// take back once it has said something. Send returns an error when the
// notification could not be sent.
type Mailer interface {
	Send(n Notification) error
}
