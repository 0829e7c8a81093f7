//go:build ignore

package bank

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handleAll handles teller lines with HandleWithSnapshots and requires
// each to be accepted.
func handleAll(t *testing.T, store *EventStore, snaps *SnapshotStore, every int, lines ...string) {
	t.Helper()
	for _, line := range lines {
		cmd, err := ParseCommand(line)
		require.NoError(t, err, "ParseCommand(%q)", line)
		_, err = HandleWithSnapshots(store, snaps, every, cmd)
		require.NoError(t, err, "HandleWithSnapshots(%q)", line)
	}
}

// TestPart1Example is the worked example of Part 1: a snapshot every 3
// events, and loads that read only the events after the latest one.
func TestPart1Example(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 3, "open acc-1 Ada Lovelace", "deposit acc-1 900", "deposit acc-1 250")
	// 900 + 250 = 1150, at version 3.
	snap, ok := snaps.Get("acc-1")
	require.True(t, ok, "a snapshot of acc-1 after 3 events")
	assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: 2,
		State: Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 1150, Opened: true, Version: 3}}, snap, "the snapshot of acc-1")

	handleAll(t, store, snaps, 3, "withdraw acc-1 300")
	a, read := Load(store, snaps, "acc-1")
	// 1150 - 300 = 850.
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 850, Opened: true, Version: 4}, a, "Load(acc-1) at version 4")
	assert.Equal(t, 1, read, "the events Load read: version 4 only")

	cmd, err := ParseCommand("withdraw acc-1 5000")
	require.NoError(t, err)
	_, err = HandleWithSnapshots(store, snaps, 3, cmd)
	assert.ErrorIs(t, err, ErrInsufficientFunds, "withdrawing 5000")
	assert.Equal(t, 1, snaps.Saves(), "snapshots saved: the refused command saved none")

	handleAll(t, store, snaps, 3, "deposit acc-1 40")
	a, read = Load(store, snaps, "acc-1")
	// 850 + 40 = 890.
	assert.Equal(t, 890, a.Balance, "the balance loaded at version 5")
	assert.Equal(t, 2, read, "the events Load read: versions 4 and 5")

	handleAll(t, store, snaps, 3, "deposit acc-1 75")
	// 890 + 75 = 965, at version 6: the second snapshot.
	assert.Equal(t, 2, snaps.Saves(), "snapshots saved after version 6")
	a, read = Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 965, Opened: true, Version: 6}, a, "Load(acc-1) at version 6")
	assert.Equal(t, 0, read, "the events Load read after the snapshot at version 6")

	lines := []string{
		"every 3",
		"open acc-1 Ada Lovelace",
		"deposit acc-1 900",
		"deposit acc-1 250",
		"withdraw acc-1 300",
		"load acc-1",
		"withdraw acc-1 5000",
		"deposit acc-1 40",
		"load acc-1",
		"deposit acc-1 75",
		"load acc-1",
	}
	// 850 × 1 + 890 × 2 + 965 × 0 = 850 + 1780 + 0 = 2630.
	assert.Equal(t, 2630, part1Answer(lines), "part1Answer(%q)", lines)
}

func TestPart1FullLoad(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	a, read := Load(store, snaps, "acc-9")
	assert.Equal(t, Account{ID: "acc-9"}, a, "Load of an account never opened")
	assert.Equal(t, 0, read, "the events read for an account never opened")

	// No snapshots yet: Load reads the whole stream.
	handleAll(t, store, snaps, 100, "open acc-1 Ada", "deposit acc-1 10", "open acc-2 Alan", "deposit acc-1 5", "close acc-2")
	a, read = Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 15, Opened: true, Version: 3}, a, "Load(acc-1) without a snapshot")
	assert.Equal(t, 3, read, "the events read without a snapshot")
	a, read = Load(store, snaps, "acc-2")
	assert.Equal(t, Account{ID: "acc-2", Owner: "Alan", Opened: true, Closed: true, Version: 2}, a, "Load(acc-2) without a snapshot")
	assert.Equal(t, 2, read, "the events of acc-2 read without a snapshot")
	assert.Equal(t, 0, snaps.Saves(), "snapshots saved with every = 100")

	// Load trusts a snapshot: it starts from its State and reads after its Version.
	snaps.Save(Snapshot{ID: "acc-1", Version: 2, Schema: SchemaVersion, State: Account{ID: "acc-1", Owner: "Ada", Balance: 1000, Opened: true, Version: 2}})
	a, read = Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 1005, Opened: true, Version: 3}, a, "Load(acc-1) from a snapshot of balance 1000 at version 2")
	assert.Equal(t, 1, read, "the events read after a snapshot at version 2")
	assert.Equal(t, 1, snaps.Saves(), "Load saves nothing when the snapshot is of the current schema")
}

func TestPart1FullEvery(t *testing.T) {
	// Given seven accepted commands on acc-1 with refused commands and
	// commands of acc-2 in between, when every is every, then the
	// snapshots of acc-1 saved, the version of its latest, and the events
	// a Load reads.
	tests := []struct {
		every, saves, version, read int
	}{
		{1, 7, 7, 0},
		{2, 3, 6, 1},
		{3, 2, 6, 1},
		{5, 1, 5, 2},
		{7, 1, 7, 0},
		{8, 0, 0, 7},
	}
	for _, tt := range tests {
		store := newStore()
		snaps := NewSnapshotStore()
		lines := []string{"open acc-1 Ada", "open acc-2 Alan", "deposit acc-1 10", "withdraw acc-1 99", "deposit acc-1 20",
			"deposit acc-2 5", "withdraw acc-1 3", "open acc-1 Ada", "deposit acc-1 4", "withdraw acc-1 6", "close acc-2", "deposit acc-1 1"}
		for _, line := range lines {
			cmd, err := ParseCommand(line)
			require.NoError(t, err, "ParseCommand(%q)", line)
			HandleWithSnapshots(store, snaps, tt.every, cmd)
		}
		what := fmt.Sprintf("every %d", tt.every)
		snap, ok := snaps.Get("acc-1")
		assert.Equal(t, tt.saves > 0, ok, "%s: is there a snapshot of acc-1", what)
		assert.Equal(t, tt.version, snap.Version, "%s: the version of acc-1's snapshot", what)
		if ok {
			assert.Equal(t, SchemaVersion, snap.Schema, "%s: the schema of acc-1's snapshot", what)
		}
		a, read := Load(store, snaps, "acc-1")
		// 10 + 20 - 3 + 4 - 6 + 1 = 26.
		assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 26, Opened: true, Version: 7}, a, "%s: Load(acc-1)", what)
		assert.Equal(t, tt.read, read, "%s: the events Load(acc-1) read", what)
		acc2 := 0 // acc-2 has two events (its closing is refused: it holds 5)
		if tt.every <= 2 {
			acc2 = 2 / tt.every
		}
		assert.Equal(t, tt.saves+acc2, snaps.Saves(), "%s: the snapshots saved, of both accounts", what)
	}
}

// TestPart1FullSnapshotOnlyWhatWasRecorded: a snapshot holds a state the
// stream really reached. Here another writer appends to the account the
// moment a snapshot is saved; whatever happens to the command, every
// snapshot saved must equal the fold of the stream's first Version events.
func TestPart1FullSnapshotOnlyWhatWasRecorded(t *testing.T) {
	// Given an account with two events, snapshots every event, and a
	// second writer that deposits 1000 whenever a snapshot is saved,
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 100, "open acc-1 Ada", "deposit acc-1 10")
	var saved []Snapshot
	snaps.saved = func(s Snapshot) {
		saved = append(saved, s)
		store.Append("acc-1", AnyVersion, []Event{MoneyDeposited{Account: "acc-1", Amount: 1000}})
	}

	// when a deposit is handled,
	cmd, err := ParseCommand("deposit acc-1 5")
	require.NoError(t, err, "ParseCommand")
	HandleWithSnapshots(store, snaps, 1, cmd)

	// then each snapshot is the state of the stream at its version.
	for _, s := range saved {
		want := Account{ID: "acc-1"}
		for _, r := range store.ReadStream("acc-1", 1) {
			if r.Version > s.Version {
				break
			}
			want.Apply(r.Event)
		}
		assert.Equal(t, want, s.State, "the snapshot at version %d: a snapshot holds only what the stream recorded (take it after the append, never before)", s.Version)
	}
	assert.NotEmpty(t, saved, "snapshots saved with every = 1")
}
