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

// The rules of Part 1 the tests check, in the chapter's words.
const (
	ruleLoadWhole     = "without a snapshot, Load starts from Account{ID: id} and reads the whole stream — day 10, Part 1"
	ruleLoadAfter     = "with a snapshot, Load starts from the snapshot's State and reads from the snapshot's Version + 1 on — day 10, Part 1"
	ruleNeverOpened   = "an account never opened comes back as Account{ID: id}, with 0 events read — day 10, Part 1"
	ruleLoadOnlyReads = "Load only reads: it saves nothing, for now — day 10, Part 1"
	ruleRefused       = "a refused command or a failed append returns its error and takes no snapshot — day 10, Part 1"
	ruleEvery         = "after a successful append, save a snapshot if the version is now at least every past the version of the account's latest snapshot (past 0 when it has none) — day 10, Part 1"
	ruleSnapshot      = "a snapshot is Snapshot{ID: id, Version: state.Version, Schema: SchemaVersion, State: state}, of the state loaded with the new events applied — day 10, Part 1"
	ruleRecorded      = "snapshot only what was recorded: take a snapshot from the state the stream really reached, after the new events are appended, never before — day 10, Part 1"
	ruleAnswer1       = "the puzzle multiplies each load's balance by the number of events it read, and adds them up — day 10, Part 1"
)

// TestPart1Example is the worked example of Part 1: a snapshot every 3
// events, and loads that read only the events after the latest one.
func TestPart1Example(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	handleAll(t, store, snaps, 3, "open acc-1 Ada Lovelace", "deposit acc-1 900", "deposit acc-1 250")
	// 900 + 250 = 1150, at version 3.
	snap, ok := snaps.Get("acc-1")
	require.True(t, ok, "snaps.Get(%q) after 3 events with every 3, is there a snapshot: %s", "acc-1", ruleEvery)
	assert.Equal(t, Snapshot{ID: "acc-1", Version: 3, Schema: 2,
		State: Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 1150, Opened: true, Version: 3}}, snap, "the snapshot of acc-1 at version 3: %s", ruleSnapshot)

	handleAll(t, store, snaps, 3, "withdraw acc-1 300")
	a, read := Load(store, snaps, "acc-1")
	// 1150 - 300 = 850.
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 850, Opened: true, Version: 4}, a, "Load(store, snaps, %q) at version 4, with a snapshot at version 3: %s", "acc-1", ruleLoadAfter)
	assert.Equal(t, 1, read, "the events Load read at version 4, with a snapshot at version 3: %s", ruleLoadAfter)

	cmd, err := ParseCommand("withdraw acc-1 5000")
	require.NoError(t, err, "ParseCommand(%q)", "withdraw acc-1 5000")
	_, err = HandleWithSnapshots(store, snaps, 3, cmd)
	s := "Given: acc-1 holds 850 at version 4, its snapshot at version 3\nWhen: HandleWithSnapshots(store, snaps, 3, " + Describe(cmd) + ")\nThen: "
	assert.ErrorIs(t, err, ErrInsufficientFunds, "%sthe error: %s", s, ruleRefused)
	assert.Equal(t, 1, snaps.Saves(), "%sthe snapshots saved, still 1: %s", s, ruleRefused)

	handleAll(t, store, snaps, 3, "deposit acc-1 40")
	a, read = Load(store, snaps, "acc-1")
	// 850 + 40 = 890.
	assert.Equal(t, 890, a.Balance, "the balance Load(store, snaps, %q) loaded at version 5, 2 events past the snapshot: %s", "acc-1", ruleLoadAfter)
	assert.Equal(t, 2, read, "the events Load read at version 5, with a snapshot at version 3: %s", ruleLoadAfter)

	handleAll(t, store, snaps, 3, "deposit acc-1 75")
	// 890 + 75 = 965, at version 6: the second snapshot.
	assert.Equal(t, 2, snaps.Saves(), "the snapshots saved after version 6, 3 past the snapshot at version 3: %s", ruleEvery)
	a, read = Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 965, Opened: true, Version: 6}, a, "Load(store, snaps, %q) at version 6: %s", "acc-1", ruleLoadAfter)
	assert.Equal(t, 0, read, "the events Load read after the snapshot at version 6: %s", ruleLoadAfter)

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
	assert.Equal(t, 2630, part1Answer(lines), "part1Answer(%q): %s", lines, ruleAnswer1)
}

func TestPart1FullLoad(t *testing.T) {
	store := newStore()
	snaps := NewSnapshotStore()
	a, read := Load(store, snaps, "acc-9")
	assert.Equal(t, Account{ID: "acc-9"}, a, "Load(store, snaps, %q) of an account never opened: %s", "acc-9", ruleNeverOpened)
	assert.Equal(t, 0, read, "the events read for an account never opened: %s", ruleNeverOpened)

	// No snapshots yet: Load reads the whole stream.
	handleAll(t, store, snaps, 100, "open acc-1 Ada", "deposit acc-1 10", "open acc-2 Alan", "deposit acc-1 5", "close acc-2")
	a, read = Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 15, Opened: true, Version: 3}, a, "Load(store, snaps, %q) without a snapshot: %s", "acc-1", ruleLoadWhole)
	assert.Equal(t, 3, read, "the events of acc-1 read without a snapshot: %s", ruleLoadWhole)
	a, read = Load(store, snaps, "acc-2")
	assert.Equal(t, Account{ID: "acc-2", Owner: "Alan", Opened: true, Closed: true, Version: 2}, a, "Load(store, snaps, %q) without a snapshot: %s", "acc-2", ruleLoadWhole)
	assert.Equal(t, 2, read, "the events of acc-2 read without a snapshot: %s", ruleLoadWhole)
	assert.Equal(t, 0, snaps.Saves(), "the snapshots saved with every = 100, after 5 commands: %s", ruleEvery)

	// Load trusts a snapshot: it starts from its State and reads after its Version.
	snaps.Save(Snapshot{ID: "acc-1", Version: 2, Schema: SchemaVersion, State: Account{ID: "acc-1", Owner: "Ada", Balance: 1000, Opened: true, Version: 2}})
	a, read = Load(store, snaps, "acc-1")
	assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 1005, Opened: true, Version: 3}, a, "Load(store, snaps, %q) from a snapshot of balance 1000 at version 2: %s", "acc-1", ruleLoadAfter)
	assert.Equal(t, 1, read, "the events read after a snapshot at version 2, acc-1 at version 3: %s", ruleLoadAfter)
	assert.Equal(t, 1, snaps.Saves(), "the snapshots saved after a Load from a snapshot of the current schema: %s", ruleLoadOnlyReads)
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
		what := fmt.Sprintf("Given: seven accepted commands on acc-1, with refused commands and two accepted commands of acc-2 in between\nWhen: each is handled with HandleWithSnapshots, every %d\nThen: ", tt.every)
		snap, ok := snaps.Get("acc-1")
		assert.Equal(t, tt.saves > 0, ok, "%sis there a snapshot of acc-1: %s", what, ruleEvery)
		assert.Equal(t, tt.version, snap.Version, "%sthe version of acc-1's snapshot: %s", what, ruleEvery)
		if ok {
			assert.Equal(t, SchemaVersion, snap.Schema, "%sthe schema of acc-1's snapshot: %s", what, ruleSnapshot)
		}
		a, read := Load(store, snaps, "acc-1")
		// 10 + 20 - 3 + 4 - 6 + 1 = 26.
		assert.Equal(t, Account{ID: "acc-1", Owner: "Ada", Balance: 26, Opened: true, Version: 7}, a, "%sLoad(store, snaps, %q): %s", what, "acc-1", ruleLoadAfter)
		assert.Equal(t, tt.read, read, "%sthe events Load(store, snaps, %q) read: %s", what, "acc-1", ruleLoadAfter)
		acc2 := 0 // acc-2 has two events (its closing is refused: it holds 5)
		if tt.every <= 2 {
			acc2 = 2 / tt.every
		}
		assert.Equal(t, tt.saves+acc2, snaps.Saves(), "%sthe snapshots saved, of both accounts: %s", what, ruleRefused)
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
	require.NoError(t, err, "ParseCommand(%q)", "deposit acc-1 5")
	HandleWithSnapshots(store, snaps, 1, cmd)
	given := "Given: acc-1 with two events, and a second writer that deposits 1000 into acc-1 whenever a snapshot is saved\nWhen: HandleWithSnapshots(store, snaps, 1, " + Describe(cmd) + ")\nThen: "

	// then each snapshot is the state of the stream at its version.
	for _, s := range saved {
		want := Account{ID: "acc-1"}
		for _, r := range store.ReadStream("acc-1", 1) {
			if r.Version > s.Version {
				break
			}
			want.Apply(r.Event)
		}
		assert.Equal(t, want, s.State, "%sthe snapshot at version %d is the fold of the stream's first %d events: %s", given, s.Version, s.Version, ruleRecorded)
	}
	assert.NotEmpty(t, saved, "%sthe snapshots saved with every = 1: %s", given, ruleEvery)
}
