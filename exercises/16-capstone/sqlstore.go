//go:build ignore

package bank

// SQLEventStore is chapter 4's event store on a database: the same
// streams, versions and positions, kept in the events table (see
// schema.go), so that they outlive the program and every program on the
// database shares them.
//
// Keep what it needs in its fields: the DB and the Clock.
type SQLEventStore struct {
	// your fields here
}

// NewSQLEventStore returns an event store on db, in the SQL dialect given
// (DialectSQLite or DialectPostgres). It creates the bank's tables first
// with CreateSchema, which does nothing when they are there already: a
// program calls NewSQLEventStore every time it starts.
//
// Your code never opens a database: it is handed one.
func NewSQLEventStore(db DB, dialect string, clock Clock) (*SQLEventStore, error) {
	panic("TODO(ch16): implement NewSQLEventStore")
}

// Append adds events to the end of a stream, all or nothing, and returns
// the stream's new version, as chapter 4's Append did. All of it happens
// in ONE transaction (db.Begin ... tx.Commit, tx.Rollback on any error):
//
//   - read the stream's version in the transaction (the highest version of
//     its rows, 0 when it has none: SELECT COALESCE(MAX(version), 0) ...);
//   - when expected is not AnyVersion and not that version, refuse with
//     ConcurrencyError(stream, expected, version), having stored nothing
//     and without asking the clock;
//   - ask the clock once (all events of one append share one time) and
//     INSERT one row per event: stream_id, version (one more each time),
//     type and data from EncodeEvent, at from FormatTime. The database
//     hands out the position by itself;
//   - commit.
//
// An insert or a commit that fails with a unique violation
// (IsUniqueViolation) means another writer appended at the same version
// first, between your read and your insert: return a ConcurrencyError for
// it too (with the stream's version as you read it again). Any other
// database error comes back wrapped with %w.
//
// An append of no events stores nothing and returns the version (after
// the expected-version check).
func (s *SQLEventStore) Append(stream string, expected int, events []Event) (int, error) {
	panic("TODO(ch16): implement SQLEventStore.Append")
}

// ReadStream returns a stream's events from version from on, in version
// order, each decoded with DecodeEvent and its time read with ParseTime.
// A stream that does not exist has no events: an empty slice, no error.
func (s *SQLEventStore) ReadStream(stream string, from int) ([]RecordedEvent, error) {
	panic("TODO(ch16): implement SQLEventStore.ReadStream")
}

// ReadAll returns the store's events from position from on, in position
// order.
func (s *SQLEventStore) ReadAll(from int) ([]RecordedEvent, error) {
	panic("TODO(ch16): implement SQLEventStore.ReadAll")
}

// Version returns the number of events in a stream (its highest version):
// 0 for a stream that does not exist.
func (s *SQLEventStore) Version(stream string) (int, error) {
	panic("TODO(ch16): implement SQLEventStore.Version")
}
