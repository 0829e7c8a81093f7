//go:build ignore

package auction

import "sync"

// EventStore is the append-only event store you built on day 4, made safe
// for concurrent use: one lock guards it, so an Append is all or nothing
// even when many goroutines call it at once, and two appends that expect
// the same version of a stream can never both succeed. The store asks its
// clock only while it holds the lock, so a StepClock, which is not safe
// for concurrent use by itself, is safe here. Its Clock, RecordedEvent
// and expected versions are day 4's, in recorded.go.
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
