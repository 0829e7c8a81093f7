// Package examples holds the code that Day 16 shows: how a row of an
// events table keeps an event, and how a unique key turns two writers'
// race into one winner, at the village library next to the bank.
package examples

import (
	"encoding/json"
	"errors"
	"fmt"
)

// BookLent and BookReturned are the library's events.
type BookLent struct {
	Book     string
	Borrower string
}

type BookReturned struct {
	Book string
}

// Row is one row of an events table: where the event goes, and the event
// itself as a type name and JSON data.
type Row struct {
	Stream  string
	Version int
	Type    string
	Data    string
}

// ToRow turns an event into a row. The type name is kept beside the data:
// the JSON alone does not say which struct it came from.
func ToRow(stream string, version int, event any) (Row, error) {
	var typ string
	switch event.(type) {
	case BookLent:
		typ = "BookLent"
	case BookReturned:
		typ = "BookReturned"
	default:
		return Row{}, fmt.Errorf("no type name for %T", event)
	}
	data, err := json.Marshal(event)
	if err != nil {
		return Row{}, err
	}
	return Row{Stream: stream, Version: version, Type: typ, Data: string(data)}, nil
}

// FromRow reads the event back: the type name picks the struct.
func FromRow(r Row) (any, error) {
	switch r.Type {
	case "BookLent":
		var e BookLent
		err := json.Unmarshal([]byte(r.Data), &e)
		return e, err
	case "BookReturned":
		var e BookReturned
		err := json.Unmarshal([]byte(r.Data), &e)
		return e, err
	}
	return nil, fmt.Errorf("unknown event type %q", r.Type)
}

// ErrDuplicateKey is what Table.Insert refuses a row with, as a database
// refuses a row that breaks a UNIQUE constraint.
var ErrDuplicateKey = errors.New("duplicate key (stream, version)")

// Table stands in for the events table: it keeps rows and, like
// UNIQUE (stream_id, version), refuses a second row at the same place.
type Table struct {
	rows []Row
	keys map[string]bool
}

// Insert adds a row unless the table has one with its stream and version.
func (t *Table) Insert(r Row) error {
	if t.keys == nil {
		t.keys = map[string]bool{}
	}
	key := fmt.Sprintf("%s/%d", r.Stream, r.Version)
	if t.keys[key] {
		return fmt.Errorf("insert %s: %w", key, ErrDuplicateKey)
	}
	t.keys[key] = true
	t.rows = append(t.rows, r)
	return nil
}

// Version is the highest version of a stream's rows: what a writer reads
// before it decides.
func (t *Table) Version(stream string) int {
	v := 0
	for _, r := range t.rows {
		if r.Stream == stream && r.Version > v {
			v = r.Version
		}
	}
	return v
}
