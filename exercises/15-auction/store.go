//go:build ignore

package auction

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Clock tells the time. The event store stamps every append with its
// clock's Now.
type Clock interface {
	Now() time.Time
}

// StepClock is a deterministic Clock: the first Now returns T, and every
// Now after it returns a time Step later than the one before. It is not
// safe for concurrent use by itself; the store asks it only while holding
// its lock.
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
	StreamID string    // the stream the event belongs to: its lot's id
	Version  int       // its place in its stream: 1 for a stream's first event
	Position int       // its place in the whole store: 1 for the store's first event
	At       time.Time // when it was appended, from the store's clock
	Event    Event
}

// DescribeRecorded writes a recorded event as its stream, version, position
// and event, such as "lot-1 v2 @5 BidPlaced{Lot:lot-1 Bidder:ada Amount:120
// At:19:05}" (without the time it was appended).
func DescribeRecorded(records []RecordedEvent) []string {
	out := []string{}
	for _, r := range records {
		out = append(out, fmt.Sprintf("%s v%d @%d %s", r.StreamID, r.Version, r.Position, DescribeEvents([]Event{r.Event})[0]))
	}
	return out
}

// The expected versions an append may give besides an exact version.
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
// version is not the stream's version, as in
//
//	append to lot-1: wrong expected version: expected version 3, stream is at 4
//
// It wraps ErrWrongExpectedVersion.
func ConcurrencyError(stream string, expected, actual int) error {
	return fmt.Errorf("append to %s: %w: expected version %d, stream is at %d", stream, ErrWrongExpectedVersion, expected, actual)
}

// EventStore is the append-only event store you built on day 4, made safe
// for concurrent use: one lock guards it, so an Append is all or nothing
// even when many goroutines call it at once, and two appends that expect
// the same version of a stream can never both succeed.
type EventStore struct {
	mu        sync.Mutex
	clock     Clock
	all       []RecordedEvent  // every event, in position order: all[i].Position == i+1
	streams   map[string][]int // each stream's events, as indexes into all
	conflicts int              // appends refused for a wrong expected version

	// readHook, when not nil, is called by ReadStream with the stream's
	// name after it has copied the events and let go of the lock. It is
	// for the tests only (nil otherwise): they use it to hold a reader
	// back and see whether a second reader of the same stream can come
	// along meanwhile.
	readHook func(stream string)
}

// NewEventStore returns an empty store that stamps appends with clock.
func NewEventStore(clock Clock) *EventStore {
	return &EventStore{clock: clock, streams: make(map[string][]int)}
}

// Append adds events to the end of a stream, all or nothing, and returns
// the stream's new version. expected is the version the caller read the
// stream at (or AnyVersion); if the stream has moved on since, Append
// stores nothing and returns ConcurrencyError(stream, expected, the
// stream's version).
func (s *EventStore) Append(stream string, expected int, events []Event) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	version := len(s.streams[stream])
	if expected != AnyVersion && expected != version {
		s.conflicts++
		return 0, ConcurrencyError(stream, expected, version)
	}
	if len(events) == 0 {
		return version, nil
	}
	at := s.clock.Now()
	for _, e := range events {
		version++
		s.all = append(s.all, RecordedEvent{StreamID: stream, Version: version, Position: len(s.all) + 1, At: at, Event: e})
		s.streams[stream] = append(s.streams[stream], len(s.all)-1)
	}
	return version, nil
}

// ReadStream returns a copy of a stream's events from version from on.
func (s *EventStore) ReadStream(stream string, from int) []RecordedEvent {
	s.mu.Lock()
	out := []RecordedEvent{}
	for _, i := range s.streams[stream] {
		if s.all[i].Version >= from {
			out = append(out, s.all[i])
		}
	}
	hook := s.readHook
	s.mu.Unlock()
	if hook != nil {
		hook(stream)
	}
	return out
}

// ReadAll returns a copy of the store's events from position from on.
func (s *EventStore) ReadAll(from int) []RecordedEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	if from < 1 {
		from = 1
	}
	out := []RecordedEvent{}
	if from <= len(s.all) {
		out = append(out, s.all[from-1:]...)
	}
	return out
}

// Conflicts returns how many appends the store has refused so far
// because their expected version was not the stream's version: the
// conflicts its writers met.
func (s *EventStore) Conflicts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conflicts
}

// Version returns the number of events in a stream, 0 when it does not
// exist.
func (s *EventStore) Version(stream string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.streams[stream])
}
