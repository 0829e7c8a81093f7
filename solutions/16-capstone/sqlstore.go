//go:build ignore

package bank

import (
	"database/sql"
	"fmt"
)

// SQLEventStore is chapter 4's event store on a database: the same
// streams, versions and positions, kept in the events table, so that they
// outlive the program and are shared by every program on the database.
type SQLEventStore struct {
	db    DB
	clock Clock
}

// NewSQLEventStore returns an event store on db, creating the bank's tables
// first when they are missing.
func NewSQLEventStore(db DB, dialect string, clock Clock) (*SQLEventStore, error) {
	if err := CreateSchema(db, dialect); err != nil {
		return nil, err
	}
	return &SQLEventStore{db: db, clock: clock}, nil
}

// Append adds events to the end of a stream in one transaction, all or
// nothing, and returns the stream's new version.
func (s *SQLEventStore) Append(stream string, expected int, events []Event) (int, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, fmt.Errorf("append to %s: %w", stream, err)
	}
	defer tx.Rollback() // does nothing once committed

	version, err := s.appendTx(tx, stream, expected, events)
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, s.failed(stream, expected, err)
	}
	return version, nil
}

// appendTx is Append's work inside a transaction that its caller began
// and will commit or roll back: Append's own, or Join's (Part 2), which
// also writes a profile in it.
func (s *SQLEventStore) appendTx(tx *sql.Tx, stream string, expected int, events []Event) (int, error) {
	var version int
	err := tx.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = $1`, stream).Scan(&version)
	if err != nil {
		return 0, fmt.Errorf("append to %s: %w", stream, err)
	}
	if expected != AnyVersion && expected != version {
		return 0, ConcurrencyError(stream, expected, version)
	}
	if len(events) == 0 {
		return version, nil
	}
	at := FormatTime(s.clock.Now())
	for _, e := range events {
		typ, data, err := EncodeEvent(e)
		if err != nil {
			return 0, fmt.Errorf("append to %s: %w", stream, err)
		}
		version++
		_, err = tx.Exec(`INSERT INTO events (stream_id, version, type, data, at) VALUES ($1, $2, $3, $4, $5)`,
			stream, version, typ, data, at)
		if err != nil {
			return 0, s.failed(stream, expected, err)
		}
	}
	return version, nil
}

// failed turns a failed insert or commit into the error Append returns:
// a unique violation means another writer appended at the same version
// first, which is a conflict like any other.
func (s *SQLEventStore) failed(stream string, expected int, err error) error {
	if !IsUniqueViolation(err) {
		return fmt.Errorf("append to %s: %w", stream, err)
	}
	actual, verr := s.Version(stream)
	if verr != nil {
		actual = -1
	}
	return ConcurrencyError(stream, expected, actual)
}

// ReadStream returns a stream's events from version from on.
func (s *SQLEventStore) ReadStream(stream string, from int) ([]RecordedEvent, error) {
	return s.query(`SELECT position, stream_id, version, type, data, at FROM events
		WHERE stream_id = $1 AND version >= $2 ORDER BY version`, stream, from)
}

// ReadAll returns the store's events from position from on.
func (s *SQLEventStore) ReadAll(from int) ([]RecordedEvent, error) {
	return s.query(`SELECT position, stream_id, version, type, data, at FROM events
		WHERE position >= $1 ORDER BY position`, from)
}

// query runs a SELECT of whole event rows and decodes them.
func (s *SQLEventStore) query(q string, args ...any) ([]RecordedEvent, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	defer rows.Close()
	out := []RecordedEvent{}
	for rows.Next() {
		var r RecordedEvent
		var typ, data, at string
		if err := rows.Scan(&r.Position, &r.StreamID, &r.Version, &typ, &data, &at); err != nil {
			return nil, fmt.Errorf("read events: %w", err)
		}
		e, err := DecodeEvent(typ, data)
		if err != nil {
			return nil, fmt.Errorf("read event @%d: %w", r.Position, err)
		}
		t, err := ParseTime(at)
		if err != nil {
			return nil, fmt.Errorf("read event @%d: %w", r.Position, err)
		}
		r.Event = e
		r.At = t
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	return out, nil
}

// Version returns the number of events in a stream: 0 for a stream that
// does not exist.
func (s *SQLEventStore) Version(stream string) (int, error) {
	var version int
	err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = $1`, stream).Scan(&version)
	if err != nil {
		return 0, fmt.Errorf("version of %s: %w", stream, err)
	}
	return version, nil
}
