//go:build ignore

package bank

// Snapshot is an account's state as of a version of its stream, saved so
// that loading the account need not replay the whole stream. It is only a
// cache: the stream stays the truth, and a snapshot can always be thrown
// away and taken again.
type Snapshot struct {
	ID      string  // the account, and the stream the snapshot is of
	Version int     // the version of the stream State reflects: its last event applied
	Schema  int     // the schema of State: which code wrote it, and how to read it
	State   Account // the account as of Version
}

// SchemaVersion is the schema of the snapshots this code writes and can
// read. Schema 1 snapshots were written by the bank's earlier code, which
// kept balances in cents: their State does not mean what an Account means
// now.
const SchemaVersion = 2

// SnapshotStore keeps the latest snapshot of each account, in memory.
type SnapshotStore struct {
	latest map[string]Snapshot
	saves  int
	// saved, when set, is called after every Save: the tests use it to
	// play a second writer at that moment.
	saved func(Snapshot)
}

// NewSnapshotStore returns an empty snapshot store.
func NewSnapshotStore() *SnapshotStore {
	return &SnapshotStore{latest: make(map[string]Snapshot)}
}

// Save keeps snap as its account's latest snapshot, in place of the one
// before, whatever its version and schema.
func (s *SnapshotStore) Save(snap Snapshot) {
	s.latest[snap.ID] = snap
	s.saves++
	if s.saved != nil {
		s.saved(snap)
	}
}

// Get returns an account's latest snapshot, if it has one.
func (s *SnapshotStore) Get(id string) (Snapshot, bool) {
	snap, ok := s.latest[id]
	return snap, ok
}

// Saves returns how many times Save has been called.
func (s *SnapshotStore) Saves() int {
	return s.saves
}
