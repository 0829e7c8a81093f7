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

// Create adds a new profile (INSERT). When a profile has the member id
// already, the database refuses the row (member_id is the primary key):
// return an error wrapping ErrProfileExists (IsUniqueViolation tells).
func (s *ProfileStore) Create(p Profile) error {
	panic("TODO(ch16): implement ProfileStore.Create")
}

// Get returns a member's profile, or an error wrapping ErrProfileNotFound
// (QueryRow's Scan returns sql.ErrNoRows when no row matched).
func (s *ProfileStore) Get(member string) (Profile, error) {
	panic("TODO(ch16): implement ProfileStore.Get")
}

// Update overwrites the name and email of the profile with p's member id
// (UPDATE ... WHERE member_id = ...). The old values are gone. When no
// profile has the member id, return an error wrapping ErrProfileNotFound
// (the statement's RowsAffected is 0).
func (s *ProfileStore) Update(p Profile) error {
	panic("TODO(ch16): implement ProfileStore.Update")
}

// Delete removes a member's profile, or returns an error wrapping
// ErrProfileNotFound when there is none.
func (s *ProfileStore) Delete(member string) error {
	panic("TODO(ch16): implement ProfileStore.Delete")
}

// List returns every profile, sorted by member id in byte order (sort them
// in Go: ORDER BY sorts text by each database's own rules, and
// PostgreSQL's need not be byte order). No profiles: an empty slice.
func (s *ProfileStore) List() ([]Profile, error) {
	panic("TODO(ch16): implement ProfileStore.List")
}
