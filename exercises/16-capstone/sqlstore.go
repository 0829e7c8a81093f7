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
// the stream's new version, as chapter 4's Append did. It is one database
// transaction, so that the version it checks is the version it writes
// after, and a failure half-way leaves nothing behind:
//
//   - when expected is not AnyVersion and not the stream's version (its
//     highest, 0 for a stream with no rows), it is refused with
//     ConcurrencyError(stream, expected, version), having stored nothing
//     and without asking the clock;
//   - the clock is asked once per append that stores something: all its
//     events share one time (FormatTime writes it), and each takes the next
//     version of the stream. The type and data of each row come from
//     EncodeEvent; the database hands out the positions by itself.
//   - an append of no events stores nothing and returns the version (after
//     the expected-version check).
//
// Two writers can pass the check together, and then the database's UNIQUE
// (stream_id, version) refuses the second one's row, at its insert or at its
// commit, with a unique violation (IsUniqueViolation tells): that is a
// conflict like any other, a ConcurrencyError (with the stream's version as
// you read it again). Any other database error is a real failure: it comes
// back wrapped with %w.
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
