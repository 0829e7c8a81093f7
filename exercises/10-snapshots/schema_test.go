//go:build ignore

package bank

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPart2Example is the worked example of Part 2: a snapshot of the
// earlier schema is ignored, and replaced by a fresh one.
func TestPart2Example(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 3, "open acc-1 Ada Lovelace", "deposit acc-1 900", "deposit acc-1 250")
	assert.Equal(t, 1, snaps.Saves(), "snapshots saved after 3 events")

	// The earlier code saves its own snapshot: the balance in cents,
	// (900 + 250) × 100 = 115000.
	legacy := legacySnapshot(store, "acc-1")
	assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: 1,
		State: Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 115000, Opened: true, Version: 3}}, legacy, "the schema 1 snapshot")
	snaps.Save(legacy)

	a, read := Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 1150, Opened: true, Version: 3}, a, "Load(acc-1) past the schema 1 snapshot")
	assert.Equal(t, 3, read, "the events read: the whole stream")
	assert.Equal(t, 3, snaps.Saves(), "snapshots saved: the first, the schema 1 one and the fresh one")
	snap, _ := snaps.Get("acc-1")
	assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: 2, State: a}, snap, "the fresh snapshot")
	_, read = Load(store, snaps, "acc-1")
	assert.Equal(t, 0, read, "the events read on the next Load")

	handleAll(t, store, snaps, 3, "withdraw acc-1 300")
	a, read = Load(store, snaps, "acc-1")
	// 1150 - 300 = 850.
	assert.Equal(t, 850, a.Balance, "the balance after the withdrawal")
	assert.Equal(t, 1, read, "the events read after the withdrawal")

	lines := []string{
		"every 3",
		"open acc-1 Ada Lovelace",
		"deposit acc-1 900",
		"deposit acc-1 250",
		"legacy acc-1",
		"load acc-1",
		"withdraw acc-1 300",
		"load acc-1",
	}
	// 1150 × 3 + 850 × 1 = 3450 + 850 = 4300.
	assert.Equal(t, 4300, part2Answer(lines), "part2Answer(%q)", lines)
}

func TestPart2FullOtherSchemas(t *testing.T) {
	for _, schema := range []int{0, 1, 3} {
		store := newStore()
		snaps := NewSnapshotStore()
		handleAll(t, store, snaps, 100, "open acc-1 Ada", "deposit acc-1 12", "withdraw acc-1 5")
		snaps.Save(Snapshot{ID: "acc-1", Version: 2, Schema: schema, State: Account{ID: "acc-1", Owner: "someone else", Balance: 777, Opened: true, Version: 2}})
		want := Account{ID: "acc-1", Owner: "Ada", Balance: 7, Opened: true, Version: 3}
		a, read := Load(store, snaps, "acc-1")
		assert.Equal(t, want, a, "Load(acc-1) past a snapshot of schema %d", schema)
		assert.Equal(t, 3, read, "the events read past a snapshot of schema %d", schema)
		snap, _ := snaps.Get("acc-1")
		assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: SchemaVersion, State: want}, snap, "the snapshot after Load, schema %d before", schema)
		assert.Equal(t, 2, snaps.Saves(), "snapshots saved, schema %d before", schema)
	}
}

func TestPart2FullHandleAfterLegacy(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 3, "open acc-1 Ada", "deposit acc-1 10", "deposit acc-1 20", "deposit acc-1 30")
	snaps.Save(legacySnapshot(store, "acc-1")) // at version 4
	assert.Equal(t, 2, snaps.Saves(), "snapshots saved before")

	// The command's Load replaces the schema 1 snapshot with a fresh one
	// at version 4; version 5 is 1 event after it: no snapshot.
	handleAll(t, store, snaps, 3, "deposit acc-1 40")
	assert.Equal(t, 3, snaps.Saves(), "snapshots saved after version 5")
	snap, _ := snaps.Get("acc-1")
	assert.Equal(t, 4, snap.Version, "the version of the latest snapshot")
	assert.Equal(t, SchemaVersion, snap.Schema, "the schema of the latest snapshot")

	handleAll(t, store, snaps, 3, "deposit acc-1 50", "deposit acc-1 60")
	assert.Equal(t, 4, snaps.Saves(), "snapshots saved after version 7")
	a, read := Load(store, snaps, "acc-1")
	// 10 + 20 + 30 + 40 + 50 + 60 = 210.
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 210, Opened: true, Version: 7}, a, "Load(acc-1) at the end")
	assert.Equal(t, 0, read, "the events read at the end")

	// An account never opened, with a schema 1 snapshot of nothing.
	snaps.Save(Snapshot{ID: "acc-5", Schema: 1, State: Account{ID: "acc-5"}})
	a, read = Load(store, snaps, "acc-5")
	assert.Equal(t, Account{ID: "acc-5"}, a, "Load(acc-5)")
	assert.Equal(t, 0, read, "the events read for acc-5")
	snap, _ = snaps.Get("acc-5")
	assert.Equal(t, SchemaVersion, snap.Schema, "acc-5's snapshot after Load")
	require.Equal(t, 6, snaps.Saves(), "snapshots saved at the end")
}
