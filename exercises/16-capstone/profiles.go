//go:build ignore

package bank

// ProfileStore keeps members' profiles (see member.go) in the profiles
// table, the plain CRUD way: one row per member, changed in place. No
// events, no history, no projections: a repository over a table.
type ProfileStore struct {
	// your fields here
}

// NewProfileStore returns a profile store on db, in the SQL dialect given.
// Like NewSQLEventStore, it creates the bank's tables with CreateSchema
// first.
func NewProfileStore(db DB, dialect string) (*ProfileStore, error) {
	panic("TODO(ch16): implement NewProfileStore")
}

// Create adds a new profile. When a profile has the member id already, the
// database refuses the row, because member_id is the primary key: that is
// an error wrapping ErrProfileExists (IsUniqueViolation tells), and the
// profile that has the id stays as it was.
func (s *ProfileStore) Create(p Profile) error {
	panic("TODO(ch16): implement ProfileStore.Create")
}

// Get returns a member's profile, or an error wrapping ErrProfileNotFound
// when no row has the member id.
func (s *ProfileStore) Get(member string) (Profile, error) {
	panic("TODO(ch16): implement ProfileStore.Get")
}

// Update overwrites the name and email of the profile with p's member id,
// in place: the old values are gone. When no profile has the member id,
// it returns an error wrapping ErrProfileNotFound; a statement that matches
// no row is not an error to the database, so it must ask how many rows the
// statement affected. Updating a profile to the values it has is fine.
func (s *ProfileStore) Update(p Profile) error {
	panic("TODO(ch16): implement ProfileStore.Update")
}

// Delete removes a member's profile, or returns an error wrapping
// ErrProfileNotFound when there is none. The member id can then be created
// again.
func (s *ProfileStore) Delete(member string) error {
	panic("TODO(ch16): implement ProfileStore.Delete")
}

// List returns every profile, sorted by member id in byte order (sort them
// in Go: ORDER BY sorts text by each database's own rules, and
// PostgreSQL's need not be byte order). No profiles: an empty slice.
func (s *ProfileStore) List() ([]Profile, error) {
	panic("TODO(ch16): implement ProfileStore.List")
}

// Join is the one business action that writes both kinds of data: a new
// member joins with their first account. It creates p's profile and
// appends the account's AccountOpened (its owner p's name, expecting
// NoStream) in ONE database transaction, on the database the two stores
// share, so that both are committed or neither is:
//
//   - a taken member id is an error wrapping ErrProfileExists, as in
//     Create, and the account gets no event;
//   - an account whose stream has events already is refused by the
//     append's expected version: Append's ConcurrencyError (wrapping
//     ErrWrongExpectedVersion), and no profile is created;
//   - any other database error, at a statement or at the commit, comes
//     back wrapped with %w, and leaves neither behind.
//
// Whatever it returns, its transaction is over: committed, or rolled
// back. Part 1's Append opens and commits a transaction of its own, so
// Join cannot simply call it; it needs the same append, with the same
// rules, run inside Join's transaction. Write that append once, for both.
func (s *ProfileStore) Join(events *SQLEventStore, p Profile, account string) error {
	panic("TODO(ch16): implement ProfileStore.Join")
}
