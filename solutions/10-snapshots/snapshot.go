//go:build ignore

package bank

// Load rebuilds an account from its latest snapshot and the events after
// it, and returns it with the number of events it read.
func Load(store *EventStore, snaps *SnapshotStore, id string) (Account, int) {
	snap, found := snaps.Get(id)
	// Part 2: a snapshot of another schema.
	if found && snap.Schema != SchemaVersion {
		// Rebuild from the whole stream, and replace the snapshot with a
		// fresh one.
		state, read := replay(store, Account{ID: id}, id)
		snaps.Save(Snapshot{ID: id, Version: state.Version, Schema: SchemaVersion, State: state})
		return state, read
	}
	// End of Part 2.
	if found {
		return replay(store, snap.State, id)
	}
	return replay(store, Account{ID: id}, id)
}

// replay applies the events of stream id after state's version to state,
// and returns it with the number of events applied.
func replay(store *EventStore, state Account, id string) (Account, int) {
	events := store.ReadStream(id, state.Version+1)
	read := len(events)
	for _, r := range events {
		state.Apply(r.Event)
	}
	return state, read
}

// HandleWithSnapshots handles a command on store, loading its account
// with Load and taking a snapshot every `every` events.
func HandleWithSnapshots(store *EventStore, snaps *SnapshotStore, every int, cmd Command) ([]Event, error) {
	if cmd == nil {
		return nil, ErrUnknownCommand
	}
	id := cmd.AccountID()
	state, _ := Load(store, snaps, id)
	events, err := Execute(state, cmd)
	if err != nil {
		return nil, err
	}
	if _, err := store.Append(id, state.Version, events); err != nil {
		return nil, err
	}
	for _, e := range events {
		state.Apply(e)
	}
	last := 0
	if snap, found := snaps.Get(id); found {
		last = snap.Version
	}
	if state.Version-last >= every {
		snaps.Save(Snapshot{ID: id, Version: state.Version, Schema: SchemaVersion, State: state})
	}
	return events, nil
}
