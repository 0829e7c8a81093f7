//go:build ignore

package bank

import "fmt"

// LargeDepositNotifier is an event handler with a side effect: it tells a
// customer, through a Mailer, about every deposit of Threshold or more
// into their account, and not again about a deposit it has already told
// them about.
type LargeDepositNotifier struct {
	Threshold int
	Mailer    Mailer
	sent      map[int]bool // the positions notified: the idempotency keys
}

// NewLargeDepositNotifier returns a notifier that sends its notifications
// through m, about deposits of threshold or more.
func NewLargeDepositNotifier(threshold int, m Mailer) *LargeDepositNotifier {
	return &LargeDepositNotifier{Threshold: threshold, Mailer: m, sent: make(map[int]bool)}
}

// Handle sends one notification for a large deposit not notified yet.
func (n *LargeDepositNotifier) Handle(e RecordedEvent) error {
	switch ev := e.Event.(type) {
	case MoneyDeposited:
		if ev.Amount < n.Threshold || n.sent[e.Position] {
			return nil
		}
		err := n.Mailer.Send(Notification{
			Account:  ev.Account,
			Text:     fmt.Sprintf("large deposit of %d into %s", ev.Amount, ev.Account),
			Position: e.Position,
		})
		if err != nil {
			return err
		}
		n.sent[e.Position] = true
	}
	return nil
}
