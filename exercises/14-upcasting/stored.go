//go:build ignore

package blog

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The blog's events are kept as JSON, the way a database keeps them: each
// with its type's name, the number of the schema its JSON was written in,
// and the JSON itself. Code changes; what is stored stays as it was
// written. Reading an event therefore means knowing every schema it may
// have been written in.
//
// The schemas of the blog's events:
//
//	PostCreated   1  {"post":"post-7","title":"Rates!","author":"tomás","body":"..."}
//	                 last year's code: no slug, derived from the title when needed
//	              2  {"post":"post-7","title":"Rates!","slug":"rates","author":"tomás","body":"..."}
//	PostRenamed   1  {"post":"post-7","title":"Rates in May"}
//	                 last year's code: the slug followed the title
//	              2  {"post":"post-7","title":"Rates in May","slug":"rates"}
//	PostPublished 1  {"post":"post-7"}
//	PostDeleted   1  {"post":"post-7"}

// StoredEvent is an event as the store keeps it.
type StoredEvent struct {
	Type   string // the event's type name, such as "PostCreated"
	Schema int    // the version of the shape its Data was written in, from 1
	Data   []byte // the event as JSON
}

// CurrentSchema is the schema today's code writes for each event type, and
// the newest it knows. A type missing from it is not an event of the blog.
var CurrentSchema = map[string]int{
	"PostCreated":   2,
	"PostRenamed":   2,
	"PostPublished": 1,
	"PostDeleted":   1,
}

// ErrUnknownEvent is what the refusal to read an event of a type the blog
// does not know wraps: test for it with errors.Is.
var ErrUnknownEvent = errors.New("unknown event type")

// ErrUnknownSchema is what the refusal to read an event of a schema this
// code does not know wraps: a schema below 1, or newer than CurrentSchema
// says (written by newer code, whose meaning this code cannot know).
var ErrUnknownSchema = errors.New("unknown schema")

// Encode writes an event in its current shape, as today's code stores it:
// its type name, CurrentSchema's number for it, and its JSON.
func Encode(e Event) (StoredEvent, error) {
	if e == nil {
		return StoredEvent{}, fmt.Errorf("encode <nil>: %w", ErrUnknownEvent)
	}
	schema, known := CurrentSchema[e.EventType()]
	if !known {
		return StoredEvent{}, fmt.Errorf("encode %s: %w", e.EventType(), ErrUnknownEvent)
	}
	data, err := json.Marshal(e)
	if err != nil {
		return StoredEvent{}, fmt.Errorf("encode %s: %w", e.EventType(), err)
	}
	return StoredEvent{Type: e.EventType(), Schema: schema, Data: data}, nil
}

// DescribeStored writes a stored event as its type, schema and JSON, such as
// PostPublished/1 {"post":"post-7"}.
func DescribeStored(e StoredEvent) string {
	return fmt.Sprintf("%s/%d %s", e.Type, e.Schema, e.Data)
}

// StoredRecord is a stored event and where and when it was written down.
type StoredRecord struct {
	StreamID string    // the stream the event belongs to: its post's id
	Version  int       // its place in its stream: 1 for a stream's first event
	Position int       // its place in the whole store: 1 for the store's first event
	At       time.Time // when it was appended, from the store's clock
	Event    StoredEvent
}

// DescribeRecords writes each record as its stream, version, position and
// stored event (without its time), such as
//
//	post-7 v2 @5 PostPublished/1 {"post":"post-7"}
func DescribeRecords(records []StoredRecord) []string {
	out := []string{}
	for _, r := range records {
		out = append(out, fmt.Sprintf("%s v%d @%d %s", r.StreamID, r.Version, r.Position, DescribeStored(r.Event)))
	}
	return out
}

// JSONStore is the blog's event store since it went live: the event store
// of chapter 4 (store.go), keeping StoredEvents instead of Go values. It
// is append-only: nothing in it is ever changed or removed, and there is no
// method to do so. Whatever schema an event was written in, it keeps.
type JSONStore struct {
	clock   Clock
	all     []StoredRecord   // every event, in position order: all[i].Position == i+1
	streams map[string][]int // each stream's events, as indexes into all
	// appending, when set, is called once at the start of the next Append:
	// the tests use it to play another writer that appends first.
	appending func(stream string)
}

// NewJSONStore returns an empty store that stamps appends with clock.
func NewJSONStore(clock Clock) *JSONStore {
	return &JSONStore{clock: clock, streams: make(map[string][]int)}
}

// Append adds events to the end of a stream, all or nothing, and returns
// the stream's new version, as EventStore.Append does: expected is
// AnyVersion, or must equal the stream's version, or nothing is stored and
// the error is ConcurrencyError(stream, expected, the stream's version).
// The store keeps its own copy of each event's Data.
func (s *JSONStore) Append(stream string, expected int, events []StoredEvent) (int, error) {
	if hook := s.appending; hook != nil {
		s.appending = nil
		hook(stream)
	}
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
		data := append([]byte{}, e.Data...)
		s.all = append(s.all, StoredRecord{
			StreamID: stream,
			Version:  version,
			Position: len(s.all) + 1,
			At:       at,
			Event:    StoredEvent{Type: e.Type, Schema: e.Schema, Data: data},
		})
		s.streams[stream] = append(s.streams[stream], len(s.all)-1)
	}
	return version, nil
}

// ReadStream returns a stream's records from version from on, in order. A
// stream that does not exist has none. Treat the records as read-only: the
// Data of each is the store's own.
func (s *JSONStore) ReadStream(stream string, from int) []StoredRecord {
	out := []StoredRecord{}
	for _, i := range s.streams[stream] {
		if s.all[i].Version >= from {
			out = append(out, s.all[i])
		}
	}
	return out
}

// ReadAll returns the store's records from position from on, in order,
// read-only as ReadStream's are. A from below 1 means from the start.
func (s *JSONStore) ReadAll(from int) []StoredRecord {
	if from < 1 {
		from = 1
	}
	out := []StoredRecord{}
	if from <= len(s.all) {
		out = append(out, s.all[from-1:]...)
	}
	return out
}

// Version returns the version of a stream: the number of events in it, 0
// when it does not exist.
func (s *JSONStore) Version(stream string) int {
	return len(s.streams[stream])
}
