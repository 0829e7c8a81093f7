//go:build ignore

package bank

// Load rebuilds an account from its latest snapshot and the events after
// it, and returns it with the number of events it read from the store.
//
// Without a snapshot it starts from Account{ID: id} and reads the whole
// stream; with one it starts from the snapshot's State and reads the
// stream from the snapshot's Version + 1 on. An account never opened
// comes back as Account{ID: id}, with 0 events read.
//
// Part 2: a snapshot whose Schema is not SchemaVersion is ignored: Load
// rebuilds the account from the whole stream, then saves a fresh snapshot
// of it (at the version it loaded, with Schema SchemaVersion) in place of
// the old one.
func Load(store *EventStore, snaps *SnapshotStore, id string) (Account, int) {
	panic("TODO(ch10): implement Load")
}

// HandleWithSnapshots is the command-handling pipeline of chapter 5 with
// snapshots: it loads the command's account with Load, decides the
// command with Execute and appends its events expecting the version
// loaded, and returns them (or the error that refused the command: then
// it appends nothing and takes no snapshot).
//
// After a successful append it takes a snapshot of the account as it is
// now when at least every events have been appended to its stream since
// its latest snapshot (since version 0 when it has none). Each of the
// bank's commands records one event, so loading an account to decide a
// command then reads fewer than every events.
func HandleWithSnapshots(store *EventStore, snaps *SnapshotStore, every int, cmd Command) ([]Event, error) {
	panic("TODO(ch10): implement HandleWithSnapshots")
}
