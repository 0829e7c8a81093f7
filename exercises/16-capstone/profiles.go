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
