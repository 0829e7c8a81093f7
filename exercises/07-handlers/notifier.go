//go:build ignore

package bank

// LargeDepositNotifier is an event handler with a side effect: it tells a
// customer, through a Mailer, about every deposit of Threshold or more
// into their account, and not again about a deposit it has already told
// them about.
type LargeDepositNotifier struct {
	Threshold int
	Mailer    Mailer
	// TODO(ch07): what else the notifier keeps.
}

// NewLargeDepositNotifier returns a notifier that sends its notifications
// through m, about deposits of threshold or more.
func NewLargeDepositNotifier(threshold int, m Mailer) *LargeDepositNotifier {
	panic("TODO(ch07): implement NewLargeDepositNotifier")
}

// Handle reacts to one recorded event. A MoneyDeposited whose Amount is
// the Threshold or more is sent as one Notification:
//
//	Notification{Account: "acc-7", Text: "large deposit of 2750 into acc-7", Position: 12}
//
// (the text is "large deposit of AMOUNT into ACCOUNT", and the position is
// the recorded event's). Every other event is ignored.
//
// Events are delivered at least once: a deposit whose notification was
// sent already (the same Position) sends nothing again and returns nil.
// This memory is what keeps a restarted subscription, which delivers
// everything again, from sending a second letter, so it must outlive the
// subscription (in a real bank it would live in a database).
// When Send fails, Handle returns its error, and the deposit does not
// count as notified: delivered again, it is sent again.
func (n *LargeDepositNotifier) Handle(e RecordedEvent) error {
	panic("TODO(ch07): implement Handle")
}
