//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"time"
)

// Clock tells the time. The event store stamps every append with its
// clock's Now, so a test can give it a clock that never surprises anyone.
type Clock interface {
	Now() time.Time
}

// StepClock is a deterministic Clock for tests and puzzles: the first Now
// returns T, and every Now after it returns a time Step later than the one
// before.
type StepClock struct {
	T    time.Time
	Step time.Duration
}

// Now returns the clock's current time, then moves the clock on by Step.
func (c *StepClock) Now() time.Time {
	now := c.T
	c.T = c.T.Add(c.Step)
	return now
}

// RecordedEvent is an event as the event store keeps it: the event itself
// and where and when it was written down.
type RecordedEvent struct {
	StreamID string    // the stream the event belongs to: its aggregate's id, as acc-7
	Version  int       // its place in its stream: 1 for a stream's first event
	Position int       // its place in the whole store: 1 for the store's first event
	At       time.Time // when it was appended, from the store's clock
	Event    Event
}

// DescribeRecorded writes a recorded event as its stream, version, position
// and event, such as "acc-7 v2 @5 MoneyDeposited{Account:acc-7 Amount:250}"
// (without its time). The tests compare recorded events this way, for the
// same reason they compare events with DescribeEvents.
func DescribeRecorded(records []RecordedEvent) []string {
	out := []string{}
	for _, r := range records {
		out = append(out, fmt.Sprintf("%s v%d @%d %s", r.StreamID, r.Version, r.Position, DescribeEvents([]Event{r.Event})[0]))
	}
	return out
}

// The expected versions an append may give besides an exact version. They
// are named after KurrentDB's (EventStoreDB's) stream states, but the
// numbers are this workbook's own: here a version counts a stream's events, so
// a stream that does not exist is at version 0.
const (
	// AnyVersion: append whatever the stream's version is, without checking.
	AnyVersion = -1
	// NoStream: the stream must not exist yet (its version must be 0).
	NoStream = 0
)

// ErrWrongExpectedVersion is what every refused append wraps: test for it
// with errors.Is.
var ErrWrongExpectedVersion = errors.New("wrong expected version")

// ConcurrencyError returns the error that refuses an append whose expected
// version is not the stream's version: someone else appended to the stream
// since the caller read it. It says which stream and both versions, and it
// wraps ErrWrongExpectedVersion, as in
//
//	append to acc-7: wrong expected version: expected version 3, stream is at 4
//
// Callers test for it with errors.Is(err, ErrWrongExpectedVersion), and
// read the versions in its message.
func ConcurrencyError(stream string, expected, actual int) error {
	return fmt.Errorf("append to %s: %w: expected version %d, stream is at %d", stream, ErrWrongExpectedVersion, expected, actual)
}
