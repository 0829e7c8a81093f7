//go:build ignore

package bank

// EventStore is an append-only event store held in memory. Every account
// is a stream of its own, and every event also has a place in the one
// global order of the whole store. Nothing in it is ever changed or
// removed.
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
// the stream's new version.
func (s *EventStore) Append(stream string, expected int, events []Event) (int, error) {
	version := len(s.streams[stream])
	// Part 2: the expected version.
	if expected != AnyVersion && expected != version {
		return 0, ConcurrencyError(stream, expected, version)
	}
	// End of Part 2.
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

// ReadStream returns a copy of a stream's events from version from on.
func (s *EventStore) ReadStream(stream string, from int) []RecordedEvent {
	out := []RecordedEvent{}
	for _, i := range s.streams[stream] {
		if s.all[i].Version >= from {
			out = append(out, s.all[i])
		}
	}
	return out
}

// ReadAll returns a copy of the store's events from position from on.
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

// Version returns the number of events in a stream.
func (s *EventStore) Version(stream string) int {
	return len(s.streams[stream])
}
