//go:build ignore

package bank

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules of Part 2 the tests check, in the chapter's words.
const (
	ruleSchema       = "a snapshot is usable only if its Schema is SchemaVersion: a snapshot of any other schema (older, newer or 0) is ignored, and Load starts from Account{ID: id} and reads the whole stream — day 10, Part 2"
	ruleRepair       = "then repair the cache: save a fresh snapshot of the account you rebuilt, at the version you loaded, with Schema: SchemaVersion, in place of the old one; the next load starts from it — day 10, Part 2"
	ruleRepairEmpty  = "repair the cache even for an account with no events, whose fresh snapshot is at version 0 — day 10, Part 2"
	ruleCountFromNew = "HandleWithSnapshots counts from the latest snapshot it could use, asked of snaps.Get after Load, not before: a fresh snapshot can sit at any version, and the next one comes every events after it, not at a multiple of every — day 10, Part 2"
	ruleAnswer2      = "the answer is the sum, over the load lines, of the balance loaded times the number of events read — day 10, Part 2"
)

// TestPart2Example is the worked example of Part 2: a snapshot of the
// earlier schema is ignored, and replaced by a fresh one.
func TestPart2Example(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 3, "open acc-1 Ada Lovelace", "deposit acc-1 900", "deposit acc-1 250")
	assert.Equal(t, 1, snaps.Saves(), "the snapshots saved after 3 events, every 3: %s", ruleEvery)

	// The earlier code saves its own snapshot: the balance in cents,
	// (900 + 250) × 100 = 115000.
	legacy := legacySnapshot(store, "acc-1")
	assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: 1,
		State: Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 115000, Opened: true, Version: 3}}, legacy, "the schema 1 snapshot the earlier code takes, its balance in cents")
	snaps.Save(legacy)

	a, read := Load(store, snaps, "acc-1")
	s := "Given: acc-1 at version 3, holding 1150, and the earlier code's schema 1 snapshot of it at version 3\nWhen: Load(store, snaps, \"acc-1\")\nThen: "
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 1150, Opened: true, Version: 3}, a, "%sthe account: %s", s, ruleSchema)
	assert.Equal(t, 3, read, "%sthe events read, the whole stream: %s", s, ruleSchema)
	assert.Equal(t, 3, snaps.Saves(), "%sthe snapshots saved, the first, the schema 1 one and the fresh one: %s", s, ruleRepair)
	snap, _ := snaps.Get("acc-1")
	assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: 2, State: a}, snap, "%sthe fresh snapshot: %s", s, ruleRepair)
	_, read = Load(store, snaps, "acc-1")
	assert.Equal(t, 0, read, "the events read on the next Load, from the fresh snapshot: %s", ruleRepair)

	handleAll(t, store, snaps, 3, "withdraw acc-1 300")
	a, read = Load(store, snaps, "acc-1")
	// 1150 - 300 = 850.
	assert.Equal(t, 850, a.Balance, "the balance Load(store, snaps, %q) loaded after the withdrawal: %s", "acc-1", ruleLoadAfter)
	assert.Equal(t, 1, read, "the events read after the withdrawal, 1 past the fresh snapshot: %s", ruleLoadAfter)

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
	assert.Equal(t, 4300, part2Answer(lines), "part2Answer(%q): %s", lines, ruleAnswer2)
}

func TestPart2FullOtherSchemas(t *testing.T) {
	for _, schema := range []int{0, 1, 3} {
		store := newStore()
		snaps := NewSnapshotStore()
		handleAll(t, store, snaps, 100, "open acc-1 Ada", "deposit acc-1 12", "withdraw acc-1 5")
		snaps.Save(Snapshot{ID: "acc-1", Version: 2, Schema: schema, State: Account{ID: "acc-1", Owner: "someone else", Balance: 777, Opened: true, Version: 2}})
		want := Account{ID: "acc-1", Owner: "Ada", Balance: 7, Opened: true, Version: 3}
		a, read := Load(store, snaps, "acc-1")
		s := fmt.Sprintf("Given: acc-1 at version 3, holding 7, and a snapshot of schema %d at version 2 holding 777\nWhen: Load(store, snaps, %q)\nThen: ", schema, "acc-1")
		assert.Equal(t, want, a, "%sthe account: %s", s, ruleSchema)
		assert.Equal(t, 3, read, "%sthe events read: %s", s, ruleSchema)
		snap, _ := snaps.Get("acc-1")
		assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: SchemaVersion, State: want}, snap, "%sthe snapshot after Load: %s", s, ruleRepair)
		assert.Equal(t, 2, snaps.Saves(), "%sthe snapshots saved, the old one and the fresh one: %s", s, ruleRepair)
	}
}

func TestPart2FullHandleAfterLegacy(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 3, "open acc-1 Ada", "deposit acc-1 10", "deposit acc-1 20", "deposit acc-1 30")
	snaps.Save(legacySnapshot(store, "acc-1")) // at version 4
	assert.Equal(t, 2, snaps.Saves(), "the snapshots saved, one at version 3 and the earlier code's at version 4: %s", ruleEvery)

	// The command's Load replaces the schema 1 snapshot with a fresh one
	// at version 4; version 5 is 1 event after it: no snapshot.
	handleAll(t, store, snaps, 3, "deposit acc-1 40")
	s := "Given: acc-1 at version 4, its latest snapshot the earlier code's, of schema 1 at version 4\nWhen: HandleWithSnapshots(store, snaps, 3, DepositMoney{Account:acc-1 Amount:40})\nThen: "
	assert.Equal(t, 3, snaps.Saves(), "%sthe snapshots saved, the fresh one at version 4 and none at version 5: %s", s, ruleRepair)
	snap, _ := snaps.Get("acc-1")
	assert.Equal(t, 4, snap.Version, "%sthe version of the latest snapshot: %s", s, ruleCountFromNew)
	assert.Equal(t, SchemaVersion, snap.Schema, "%sthe schema of the latest snapshot: %s", s, ruleRepair)

	handleAll(t, store, snaps, 3, "deposit acc-1 50", "deposit acc-1 60")
	s = "Given: acc-1 at version 5, its latest snapshot a fresh one at version 4\nWhen: HandleWithSnapshots of deposits of 50 and 60, every 3\nThen: "
	assert.Equal(t, 4, snaps.Saves(), "%sthe snapshots saved, one more at version 7: %s", s, ruleCountFromNew)
	a, read := Load(store, snaps, "acc-1")
	// 10 + 20 + 30 + 40 + 50 + 60 = 210.
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 210, Opened: true, Version: 7}, a, "%sLoad(store, snaps, %q) at the end: %s", s, "acc-1", ruleLoadAfter)
	assert.Equal(t, 0, read, "%sthe events Load read at the end, from a snapshot at version 7: %s", s, ruleCountFromNew)

	// An account never opened, with a schema 1 snapshot of nothing.
	snaps.Save(Snapshot{ID: "acc-5", Schema: 1, State: Account{ID: "acc-5"}})
	a, read = Load(store, snaps, "acc-5")
	s = "Given: acc-5, never opened, with a schema 1 snapshot of nothing\nWhen: Load(store, snaps, \"acc-5\")\nThen: "
	assert.Equal(t, Account{ID: "acc-5"}, a, "%sthe account: %s", s, ruleNeverOpened)
	assert.Equal(t, 0, read, "%sthe events read: %s", s, ruleNeverOpened)
	snap, _ = snaps.Get("acc-5")
	assert.Equal(t, SchemaVersion, snap.Schema, "%sthe schema of acc-5's snapshot after Load: %s", s, ruleRepairEmpty)
	require.Equal(t, 6, snaps.Saves(), "%sthe snapshots saved at the end: %s", s, ruleRepairEmpty)
}
