//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"time"
)

// This is the event store you built for Kestrel Bank in chapter 4, given
// here for the blog: every post is a stream of its own, and every event
// also has a place in the one global order of the whole store.

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
	StreamID string    // the stream the event belongs to: its post's id
	Version  int       // its place in its stream: 1 for a stream's first event
	Position int       // its place in the whole store: 1 for the store's first event
	At       time.Time // when it was appended, from the store's clock
	Event    Event
}

// DescribeRecorded writes a recorded event as its stream, version, position
// and event, such as "post-7 v2 @5 PostPublished{Post:post-7}" (without its
// time). The tests compare recorded events this way.
func DescribeRecorded(records []RecordedEvent) []string {
	out := []string{}
	for _, r := range records {
		out = append(out, fmt.Sprintf("%s v%d @%d %s", r.StreamID, r.Version, r.Position, DescribeEvents([]Event{r.Event})[0]))
	}
	return out
}

// The expected versions an append may give besides an exact version, as in
// EventStoreDB.
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
// since the caller read it. It wraps ErrWrongExpectedVersion, as in
//
//	append to post-7: wrong expected version: expected version 3, stream is at 4
func ConcurrencyError(stream string, expected, actual int) error {
	return fmt.Errorf("append to %s: %w: expected version %d, stream is at %d", stream, ErrWrongExpectedVersion, expected, actual)
}

// EventStore is an append-only event store held in memory. Nothing in it is
// ever changed or removed.
type EventStore struct {
	clock   Clock
	all     []RecordedEvent  // every event, in position order: all[i].Position == i+1
	streams map[string][]int // each stream's events, as indexes into all
}

// NewEventStore returns an empty store that stamps appends with clock.
func NewEventStore(clock Clock) *EventStore {
	return &EventStore{clock: clock, streams: make(map[string][]int)}
}

// Append adds events to the end of a stream, all or nothing, and returns
// the stream's new version. The events get the next versions of the
// stream and the next positions of the store, and all of them the same At
// (one Now per append that stores something).
//
// expected is the version the caller believes the stream is at. AnyVersion
// appends whatever the version; any other value, NoStream (0) included,
// must equal the stream's version, or Append stores nothing and returns 0
// and ConcurrencyError(stream, expected, the stream's version).
func (s *EventStore) Append(stream string, expected int, events []Event) (int, error) {
	version := len(s.streams[stream])
	if expected != AnyVersion && expected != version {
		return 0, ConcurrencyError(stream, expected, version)
	}
	if len(events) == 0 {
		return version, nil
	}
	at := s.clock.Now()
	for _, e := range events {
		version++
		s.all = append(s.all, RecordedEvent{
			StreamID: stream,
			Version:  version,
			Position: len(s.all) + 1,
			At:       at,
			Event:    e,
		})
		s.streams[stream] = append(s.streams[stream], len(s.all)-1)
	}
	return version, nil
}

// ReadStream returns a stream's events from version from on, in order. A
// stream that does not exist has no events. The caller gets its own copy.
func (s *EventStore) ReadStream(stream string, from int) []RecordedEvent {
	out := []RecordedEvent{}
	for _, i := range s.streams[stream] {
		if s.all[i].Version >= from {
			out = append(out, s.all[i])
		}
	}
	return out
}

// ReadAll returns the store's events from position from on, in order, a
// copy as ReadStream's is. A from below 1 means from the start.
func (s *EventStore) ReadAll(from int) []RecordedEvent {
	if from < 1 {
		from = 1
	}
	out := []RecordedEvent{}
	if from <= len(s.all) {
		out = append(out, s.all[from-1:]...)
	}
	return out
}

// Version returns the version of a stream: the number of events in it, 0
// when it does not exist.
func (s *EventStore) Version(stream string) int {
	return len(s.streams[stream])
}
