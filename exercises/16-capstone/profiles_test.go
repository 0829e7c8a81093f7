//go:build ignore

package bank

import (
	"database/sql"
	"testing"

	"github.com/cqrsworkbook/workbook/exercises/testdb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rules of Part 2, as the chapter states them.
const (
	ruleProfileStore = "NewProfileStore calls CreateSchema like the event store does (an unknown dialect wraps ErrUnknownDialect here too)" + inPart2
	ruleCreate       = "Create: an INSERT; a taken member id is a unique violation, returned as an error wrapping ErrProfileExists, and the profile that has the id stays as it was" + inPart2
	ruleGet          = "Get: ErrProfileNotFound when no row matches" + inPart2
	ruleUpdate       = "Update overwrites the name and email in place; ErrProfileNotFound when no row has the member id; updating a profile to the values it has is no error: its row matches" + inPart2
	ruleDelete       = "Delete removes the row, or ErrProfileNotFound: the table then forgets the member entirely, and the id can be created again" + inPart2
	ruleList         = "List: every profile, sorted by member id in byte order (so M-3 comes before m-1); none is an empty list" + inPart2
	ruleParameters   = "values always go in as parameters: a name like Miles O'Brien is just a name" + inPart2
	ruleSideBySide   = "event-sourced accounts and a profiles table side by side in one database, in one program: neither touches the other's table" + inPart2
)

// openProfiles returns a profile store on db.
func openProfiles(t *testing.T, db *sql.DB, dialect string) *ProfileStore {
	t.Helper()
	s, err := NewProfileStore(testdb.Wrap(db), dialect)
	require.NoError(t, err, "NewProfileStore(db, %q): %s", dialect, ruleProfileStore)
	require.NotNil(t, s, "NewProfileStore(db, %q): %s", dialect, ruleProfileStore)
	return s
}

// getProfile requires Get to find a profile and returns it.
func getProfile(t *testing.T, s *ProfileStore, member string) Profile {
	t.Helper()
	p, err := s.Get(member)
	require.NoError(t, err, "Get(%q): %s", member, ruleGet)
	return p
}

// listProfiles requires List to work and returns the member ids.
func listProfiles(t *testing.T, s *ProfileStore) []string {
	t.Helper()
	all, err := s.List()
	require.NoError(t, err, "List(): "+ruleList)
	ids := []string{}
	for _, p := range all {
		ids = append(ids, p.MemberID)
	}
	return ids
}

// TestPart2Example is the worked example of Part 2: profiles kept the
// CRUD way, beside the event store, in one database.
func TestPart2Example(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		ada := Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada@kestrel.example"}
		require.NoError(t, profiles.Create(ada), "create m-1: "+ruleCreate)
		require.NoError(t, profiles.Create(Profile{MemberID: "m-2", Name: "Alan Turing", Email: "alan@kestrel.example"}), "create m-2: "+ruleCreate)
		assert.ErrorIs(t, profiles.Create(ada), ErrProfileExists, "create m-1 again, refused: "+ruleCreate)
		require.NoError(t, profiles.Update(Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada.lovelace@kestrel.example"}), "update m-1: "+ruleUpdate)

		// Beside the profiles, in the same database: Ada's account.
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}, MoneyDeposited{Account: "acc-1", Amount: 500}}, 2)
		mustAppend(t, store, "acc-1", 2, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 120}}, 3)

		// The program restarts.
		db := d.Reopen()
		profiles = openProfiles(t, db, d.Dialect)
		store = openStore(t, db, d.Dialect, newClock())
		assert.Equal(t, Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada.lovelace@kestrel.example"}, getProfile(t, profiles, "m-1"), "get m-1 after the restart: "+ruleUpdate)
		require.NoError(t, profiles.Delete("m-2"), "delete m-2: "+ruleDelete)
		_, err := profiles.Get("m-2")
		assert.ErrorIs(t, err, ErrProfileNotFound, "get m-2 after delete m-2, refused: "+ruleGet)
		assert.ErrorIs(t, profiles.Update(Profile{MemberID: "m-3", Name: "Grace Hopper", Email: "grace@kestrel.example"}), ErrProfileNotFound, "update m-3, refused: "+ruleUpdate)
		assert.Equal(t, []string{"m-1"}, listProfiles(t, profiles), "List ends with m-1 alone: "+ruleList)

		// What was Ada's email before she changed it? The table cannot
		// say: no row holds it any more.
		var old int
		require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM profiles WHERE email = $1`, "ada@kestrel.example").Scan(&old), "the test's count of the rows with Ada's old email")
		assert.Equal(t, 0, old, "rows that still hold Ada's old email: the UPDATE threw it away"+inPart2)
		// What was her balance before her withdrawal? The event store can:
		// the fold of acc-1 up to version 2 gives 500 (and 500 - 120 = 380
		// now).
		before, err := store.ReadStream("acc-1", 1)
		require.NoError(t, err, "ReadStream(acc-1, 1): "+ruleReads)
		state := Account{ID: "acc-1"}
		for _, r := range before[:2] {
			state.Apply(r.Event)
		}
		assert.Equal(t, 500, state.Balance, "acc-1's balance before the withdrawal: the event store still knows, fold the first 2 events of acc-1 and you get 500"+inPart2)
		assert.Equal(t, 380, load(t, store, "acc-1").Balance, "acc-1's balance now, after the withdrawal"+inPart2)

		lines := []string{
			"create m-1 ada@kestrel.example Ada Lovelace",
			"create m-2 alan@kestrel.example Alan Turing",
			"create m-1 ada@kestrel.example Ada Lovelace",
			"update m-1 ada.lovelace@kestrel.example Ada Lovelace",
			"restart",
			"get m-1",
			"delete m-2",
			"get m-2",
			"update m-3 grace@kestrel.example Grace Hopper",
		}
		// 3 refused (create m-1 again, get m-2, update m-3) × 1 profile
		// left (m-1) = 3.
		assert.Equal(t, 3, part2Answer(t, testdb.Open(t, d.Dialect), lines),
			"part2Answer(the worked example): the number of refused operations times the number of profiles left"+inPart2)
	})
}

func TestPart2FullGetCreate(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		_, err := profiles.Get("m-4")
		assert.ErrorIs(t, err, ErrProfileNotFound, "Get(m-4), a member with no profile: "+ruleGet)
		assert.Empty(t, listProfiles(t, profiles), "List of no profiles: "+ruleList)
		// Values go in as parameters, never pasted into the SQL: a quote
		// in a name is just a character.
		miles := Profile{MemberID: "m-4", Name: "Miles O'Brien", Email: "o'brien@kestrel.example"}
		require.NoError(t, profiles.Create(miles), "create m-4, Miles O'Brien: "+ruleParameters)
		assert.Equal(t, miles, getProfile(t, profiles, "m-4"), "get m-4, Miles O'Brien: "+ruleParameters)
		err = profiles.Create(Profile{MemberID: "m-4", Name: "Someone Else", Email: "else@kestrel.example"})
		assert.ErrorIs(t, err, ErrProfileExists, "create m-4 again: "+ruleCreate)
		assert.Equal(t, miles, getProfile(t, profiles, "m-4"), "get m-4 after the refused create: "+ruleCreate)
		assert.Equal(t, miles, getProfile(t, openProfiles(t, d.Reopen(), d.Dialect), "m-4"), "get m-4 after a restart, through a new pool: "+ruleCreate)
	})
}

func TestPart2FullUpdateDelete(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		assert.ErrorIs(t, profiles.Update(Profile{MemberID: "m-5", Name: "Nobody", Email: "nobody@kestrel.example"}), ErrProfileNotFound, "update of m-5, a member with no profile: "+ruleUpdate)
		assert.ErrorIs(t, profiles.Delete("m-5"), ErrProfileNotFound, "delete of m-5, a member with no profile: "+ruleDelete)
		_, err := profiles.Get("m-5")
		assert.ErrorIs(t, err, ErrProfileNotFound, "get m-5 after the refused update, which created nothing: "+ruleUpdate)

		require.NoError(t, profiles.Create(Profile{MemberID: "m-5", Name: "Grace Hopper", Email: "grace@kestrel.example"}), "create m-5: "+ruleCreate)
		require.NoError(t, profiles.Create(Profile{MemberID: "m-6", Name: "Ken Thompson", Email: "ken@kestrel.example"}), "create m-6: "+ruleCreate)
		require.NoError(t, profiles.Update(Profile{MemberID: "m-5", Name: "Grace Brewster Hopper", Email: "admiral@kestrel.example"}), "update m-5: "+ruleUpdate)
		// Updating to the same values changes nothing, and still finds the row.
		require.NoError(t, profiles.Update(Profile{MemberID: "m-6", Name: "Ken Thompson", Email: "ken@kestrel.example"}), "update m-6 to what it was: "+ruleUpdate)
		assert.Equal(t, Profile{MemberID: "m-5", Name: "Grace Brewster Hopper", Email: "admiral@kestrel.example"}, getProfile(t, profiles, "m-5"), "get m-5 after its update: "+ruleUpdate)
		assert.Equal(t, Profile{MemberID: "m-6", Name: "Ken Thompson", Email: "ken@kestrel.example"}, getProfile(t, profiles, "m-6"), "get m-6, which the update of m-5 left alone: "+ruleUpdate)

		require.NoError(t, profiles.Delete("m-5"), "delete m-5: "+ruleDelete)
		assert.ErrorIs(t, profiles.Delete("m-5"), ErrProfileNotFound, "delete m-5 twice: "+ruleDelete)
		assert.ErrorIs(t, profiles.Update(Profile{MemberID: "m-5", Name: "Grace Hopper", Email: "grace@kestrel.example"}), ErrProfileNotFound, "update m-5 after its delete: "+ruleUpdate)
		// A CRUD table forgets a deleted row entirely: the id can be used again.
		require.NoError(t, profiles.Create(Profile{MemberID: "m-5", Name: "Grace Hopper", Email: "grace@kestrel.example"}), "create m-5 after its delete: "+ruleDelete)
		assert.Equal(t, []string{"m-5", "m-6"}, listProfiles(t, profiles), "List: "+ruleList)
	})
}

func TestPart2FullList(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		for _, id := range []string{"m-2", "m-10", "M-3", "m-1", "m_0"} {
			require.NoError(t, profiles.Create(Profile{MemberID: id, Name: "Member " + id, Email: id + "@kestrel.example"}), "create %s: %s", id, ruleCreate)
		}
		assert.Equal(t, []string{"M-3", "m-1", "m-10", "m-2", "m_0"}, listProfiles(t, profiles), "List after creating m-2, m-10, M-3, m-1 and m_0: "+ruleList)
		all, err := profiles.List()
		require.NoError(t, err, "List(): "+ruleList)
		require.Len(t, all, 5, "List(): "+ruleList)
		assert.Equal(t, Profile{MemberID: "m-10", Name: "Member m-10", Email: "m-10@kestrel.example"}, all[2], "List()[2], with its name and email: "+ruleList)
	})
}

// TestPart2FullSideBySide: the profile store and the event store share a
// database, created in either order, and neither touches the other's
// table.
func TestPart2FullSideBySide(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}}, 1)
		profiles := openProfiles(t, d.DB, d.Dialect)
		require.NoError(t, profiles.Create(Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada@kestrel.example"}), "create m-1: "+ruleCreate)
		require.NoError(t, profiles.Delete("m-1"), "delete m-1: "+ruleDelete)
		assert.Equal(t, []string{"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}"}, readAll(t, store, 1), "the event store after the profile's create and delete: "+ruleSideBySide)
		_, err := NewProfileStore(testdb.Wrap(d.DB), "oracle")
		assert.ErrorIs(t, err, ErrUnknownDialect, `NewProfileStore(db, "oracle"): `+ruleProfileStore)
	})
}
