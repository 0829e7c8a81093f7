//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// errMailerDown is what the fake mailer fails with.
var errMailerDown = errors.New("mailer down")

// fakeMailer is a Mailer for the tests. It numbers its calls from 1 and
// fails every call while it is down, and the calls in failCalls; it keeps
// every notification it accepted.
type fakeMailer struct {
	down      bool
	failCalls map[int]bool
	calls     int
	sent      []Notification
}

// Send accepts the notification, unless this call is one that fails.
func (m *fakeMailer) Send(n Notification) error {
	m.calls++
	if m.down || m.failCalls[m.calls] {
		return fmt.Errorf("send #%d: %w", m.calls, errMailerDown)
	}
	m.sent = append(m.sent, n)
	return nil
}

// describeSent writes notifications as "@position account: text".
func describeSent(sent []Notification) []string {
	out := []string{}
	for _, n := range sent {
		out = append(out, fmt.Sprintf("@%d %s: %s", n.Position, n.Account, n.Text))
	}
	return out
}

// at returns a recorded event at a position (version 1, which the
// notifier does not look at).
func at(position int, e Event) RecordedEvent {
	return RecordedEvent{StreamID: e.AccountID(), Version: 1, Position: position, Event: e}
}

// handleCase is one delivery to a handler and its answer: no error, or
// one that wraps wantErr.
type handleCase struct {
	e       RecordedEvent
	wantErr error
}

// checkHandle delivers each case in order to one handler. given says
// what the handler and its mailer have been through before the first
// case; a failure names what was delivered since, the delivery and the
// rule its answer follows.
func checkHandle(t *testing.T, h Handler, given string, tests ...handleCase) {
	t.Helper()
	var delivered []string
	for _, tt := range tests {
		err := h.Handle(tt.e)
		before := given
		if len(delivered) > 0 {
			before += ", then delivered " + strings.Join(delivered, ", ")
		}
		what := fmt.Sprintf("Given: %s\nWhen: Handle(%s)\nThen: ", before, DescribeRecorded([]RecordedEvent{tt.e})[0])
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "%s%s", what, ruleSendFails)
		} else {
			assert.NoError(t, err, "%s%s", what, ruleNilUnlessSendFails)
		}
		delivered = append(delivered, fmt.Sprintf("@%d", tt.e.Position))
	}
}

// The rules of Part 1 the tests check, in the chapter's words.
const (
	ruleSendFails          = "if Send fails, return its error, and do not count the deposit as notified, so that it is sent when it is delivered again — day 7, Part 1"
	ruleNilUnlessSendFails = "only a failed Send is an error: every other event, and every smaller deposit, is ignored (return nil), and a position whose notification was sent already sends nothing and returns nil — day 7, Part 1"
	ruleOncePerPosition    = "a position whose notification was sent already sends nothing — day 7, Part 1"
	ruleThreshold          = "a MoneyDeposited whose Amount is the Threshold or more is sent as exactly one notification; every other event, and every smaller deposit, is ignored — day 7, Part 1"
	ruleNoCall             = "every other event, and every smaller deposit, is ignored: return nil without calling Send — day 7, Part 1"
	ruleKeyIsPosition      = "the key is the position, not the contents: two equal deposits at two positions are two notifications — day 7, Part 1"
	ruleOwnMemory          = "each notifier has a memory of its own — day 7, Part 1"
)

// TestPart1Example is the worked example of Part 1: deposits delivered to
// a notifier whose threshold is 2000, some of them twice, while the
// mailer goes down and comes back.
func TestPart1Example(t *testing.T) {
	mailer := &fakeMailer{}
	notifier := NewLargeDepositNotifier(2000, mailer)
	checkHandle(t, notifier, "a new notifier with a threshold of 2000, whose mailer works",
		handleCase{e: at(1, AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"})},
		handleCase{e: at(2, MoneyDeposited{Account: "acc-1", Amount: 2750})},
		handleCase{e: at(3, AccountOpened{Account: "acc-2", Owner: "Alan Turing"})},
		handleCase{e: at(2, MoneyDeposited{Account: "acc-1", Amount: 2750})},
	)
	assert.Equal(t, []string{"@2 acc-1: large deposit of 2750 into acc-1"}, describeSent(mailer.sent),
		"the notifications sent after position 2 was delivered twice: %s", ruleOncePerPosition)

	mailer.down = true
	checkHandle(t, notifier, "a notifier with a threshold of 2000, delivered @1, @2, @3 and @2 again, that sent @2; its mailer now down",
		handleCase{e: at(4, MoneyDeposited{Account: "acc-2", Amount: 2000}), wantErr: errMailerDown},
		handleCase{e: at(5, MoneyDeposited{Account: "acc-1", Amount: 400})},
		handleCase{e: at(6, MoneyDeposited{Account: "acc-1", Amount: 3100}), wantErr: errMailerDown},
	)
	mailer.down = false
	checkHandle(t, notifier, "a notifier with a threshold of 2000 that sent @2, and failed to send @4 and @6 while its mailer was down; the mailer now back up",
		handleCase{e: at(4, MoneyDeposited{Account: "acc-2", Amount: 2000})},
		handleCase{e: at(6, MoneyDeposited{Account: "acc-1", Amount: 3100})},
		handleCase{e: at(7, MoneyWithdrawn{Account: "acc-2", Amount: 1500})},
	)
	assert.Equal(t, []string{
		"@2 acc-1: large deposit of 2750 into acc-1",
		"@4 acc-2: large deposit of 2000 into acc-2",
		"@6 acc-1: large deposit of 3100 into acc-1",
	}, describeSent(mailer.sent), "the notifications sent at the end: %s", ruleSendFails)
	assert.Equal(t, 5, mailer.calls, "the calls to Send, 3 accepted and 2 failed: a failed Send does not count the deposit as notified, and a smaller deposit is ignored without calling Send — day 7, Part 1")

	lines := []string{
		"@1 acc-1 open Ada Lovelace",
		"@2 acc-1 deposit 2750",
		"@3 acc-2 open Alan Turing",
		"@2 acc-1 deposit 2750",
		"mailer down",
		"@4 acc-2 deposit 2000",
		"@5 acc-1 deposit 400",
		"@6 acc-1 deposit 3100",
		"mailer up",
		"@4 acc-2 deposit 2000",
		"@6 acc-1 deposit 3100",
		"@7 acc-2 withdraw 1500",
	}
	// (2 + 4 + 6 = 12) × 2 errors = 24.
	assert.Equal(t, 24, part1Answer(lines), "part1Answer(%q): the answer multiplies the sum of the positions the mailer accepted by the number of errors Handle returned — day 7, Part 1", lines)
}

func TestPart1FullThreshold(t *testing.T) {
	mailer := &fakeMailer{}
	notifier := NewLargeDepositNotifier(500, mailer)
	checkHandle(t, notifier, "a new notifier with a threshold of 500, whose mailer works",
		handleCase{e: at(1, AccountOpened{Account: "acc-3", Owner: "Grace"})},
		handleCase{e: at(2, MoneyDeposited{Account: "acc-3", Amount: 499})},
		handleCase{e: at(3, MoneyDeposited{Account: "acc-3", Amount: 500})},
		handleCase{e: at(4, MoneyDeposited{Account: "acc-3", Amount: 501})},
		handleCase{e: at(5, MoneyWithdrawn{Account: "acc-3", Amount: 900})},
		handleCase{e: at(6, AccountOpened{Account: "acc-12", Owner: "Edsger"})},
		handleCase{e: at(7, MoneyDeposited{Account: "acc-12", Amount: 1000000})},
		handleCase{e: at(8, MoneyWithdrawn{Account: "acc-12", Amount: 1000000})},
		handleCase{e: at(9, AccountClosed{Account: "acc-12"})},
	)
	assert.Equal(t, []string{
		"@3 acc-3: large deposit of 500 into acc-3",
		"@4 acc-3: large deposit of 501 into acc-3",
		"@7 acc-12: large deposit of 1000000 into acc-12",
	}, describeSent(mailer.sent), "the notifications sent for @1 to @9 with a threshold of 500: %s", ruleThreshold)
	assert.Equal(t, 3, mailer.calls, "the calls to Send: %s", ruleNoCall)
}

func TestPart1FullOncePerPosition(t *testing.T) {
	mailer := &fakeMailer{}
	notifier := NewLargeDepositNotifier(10, mailer)
	deposit := at(5, MoneyDeposited{Account: "acc-1", Amount: 10})
	checkHandle(t, notifier, "a new notifier with a threshold of 10, whose mailer works", handleCase{e: deposit}, handleCase{e: deposit}, handleCase{e: deposit})
	assert.Equal(t, []string{"@5 acc-1: large deposit of 10 into acc-1"}, describeSent(mailer.sent),
		"the notifications sent after position 5 was delivered three times: %s", ruleOncePerPosition)

	// The same amount into the same account at another position is another
	// deposit: the key is the position, not what the event says.
	checkHandle(t, notifier, "a notifier with a threshold of 10 that sent @5, a deposit of 10 into acc-1", handleCase{e: at(6, MoneyDeposited{Account: "acc-1", Amount: 10})})
	assert.Len(t, mailer.sent, 2, "notifications sent after an equal deposit at position 6: %s", ruleKeyIsPosition)

	// Every notifier remembers for itself.
	other := NewLargeDepositNotifier(10, mailer)
	checkHandle(t, other, "a second new notifier with a threshold of 10, on the same mailer as a first one that sent @5", handleCase{e: deposit}, handleCase{e: deposit})
	assert.Equal(t, []string{
		"@5 acc-1: large deposit of 10 into acc-1",
		"@6 acc-1: large deposit of 10 into acc-1",
		"@5 acc-1: large deposit of 10 into acc-1",
	}, describeSent(mailer.sent), "the notifications sent after a second notifier was delivered position 5 twice: %s", ruleOwnMemory)
}

func TestPart1FullFailedSend(t *testing.T) {
	mailer := &fakeMailer{failCalls: map[int]bool{1: true, 2: true, 5: true}}
	notifier := NewLargeDepositNotifier(100, mailer)
	first := at(3, MoneyDeposited{Account: "acc-4", Amount: 150})
	second := at(8, MoneyDeposited{Account: "acc-9", Amount: 100})
	checkHandle(t, notifier, "a new notifier with a threshold of 100, whose mailer fails its calls 1, 2 and 5",
		handleCase{e: first, wantErr: errMailerDown},                       // call 1 fails
		handleCase{e: first, wantErr: errMailerDown},                       // call 2 fails
		handleCase{e: second},                                              // call 3: a failed deposit holds no other back
		handleCase{e: first},                                               // call 4: sent at last
		handleCase{e: first},                                               // sent already: no call
		handleCase{e: second},                                              // sent already: no call
		handleCase{e: at(9, MoneyDeposited{Account: "acc-9", Amount: 99})}, // below: no call
		handleCase{e: at(10, MoneyDeposited{Account: "acc-4", Amount: 100}), wantErr: errMailerDown}, // call 5 fails
	)
	assert.Equal(t, []string{
		"@8 acc-9: large deposit of 100 into acc-9",
		"@3 acc-4: large deposit of 150 into acc-4",
	}, describeSent(mailer.sent), "the notifications sent: %s", ruleSendFails)
	assert.Equal(t, 5, mailer.calls, "the calls to Send: %s", ruleSendFails)
}
