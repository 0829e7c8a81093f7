//go:build ignore

package bank

import (
	"database/sql"
	"testing"

	"github.com/cqrsworkbook/workbook/exercises/testdb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openProfiles returns a profile store on db.
func openProfiles(t *testing.T, db *sql.DB, dialect string) *ProfileStore {
	t.Helper()
	s, err := NewProfileStore(testdb.Wrap(db), dialect)
	require.NoError(t, err, "NewProfileStore")
	require.NotNil(t, s, "NewProfileStore")
	return s
}

// getProfile requires Get to find a profile and returns it.
func getProfile(t *testing.T, s *ProfileStore, member string) Profile {
	t.Helper()
	p, err := s.Get(member)
	require.NoError(t, err, "Get(%q)", member)
	return p
}

// listProfiles requires List to work and returns the member ids.
func listProfiles(t *testing.T, s *ProfileStore) []string {
	t.Helper()
	all, err := s.List()
	require.NoError(t, err, "List")
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
		require.NoError(t, profiles.Create(ada), "create m-1")
		require.NoError(t, profiles.Create(Profile{MemberID: "m-2", Name: "Alan Turing", Email: "alan@kestrel.example"}), "create m-2")
		assert.ErrorIs(t, profiles.Create(ada), ErrProfileExists, "create m-1 again")
		require.NoError(t, profiles.Update(Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada.lovelace@kestrel.example"}), "update m-1")

		// Beside the profiles, in the same database: Ada's account.
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}, MoneyDeposited{Account: "acc-1", Amount: 500}}, 2)
		mustAppend(t, store, "acc-1", 2, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 120}}, 3)

		// The program restarts.
		db := d.Reopen()
		profiles = openProfiles(t, db, d.Dialect)
		store = openStore(t, db, d.Dialect, newClock())
		assert.Equal(t, Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada.lovelace@kestrel.example"}, getProfile(t, profiles, "m-1"), "get m-1 after the restart")
		require.NoError(t, profiles.Delete("m-2"), "delete m-2")
		_, err := profiles.Get("m-2")
		assert.ErrorIs(t, err, ErrProfileNotFound, "get m-2 after delete m-2")
		assert.ErrorIs(t, profiles.Update(Profile{MemberID: "m-3", Name: "Grace Hopper", Email: "grace@kestrel.example"}), ErrProfileNotFound, "update m-3")
		assert.Equal(t, []string{"m-1"}, listProfiles(t, profiles), "List at the end")

		// What was Ada's email before she changed it? The table cannot
		// say: no row holds it any more.
		var old int
		require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM profiles WHERE email = $1`, "ada@kestrel.example").Scan(&old))
		assert.Equal(t, 0, old, "rows that still hold Ada's old email")
		// What was her balance before her withdrawal? The event store can:
		// the fold of acc-1 up to version 2 gives 500 (and 500 - 120 = 380
		// now).
		before, err := store.ReadStream("acc-1", 1)
		require.NoError(t, err)
		state := Account{ID: "acc-1"}
		for _, r := range before[:2] {
			state.Apply(r.Event)
		}
		assert.Equal(t, 500, state.Balance, "acc-1's balance before the withdrawal")
		assert.Equal(t, 380, load(t, store, "acc-1").Balance, "acc-1's balance now")

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
		assert.Equal(t, 3, part2Answer(t, testdb.Open(t, d.Dialect), lines), "part2Answer(%q)", lines)
	})
}

func TestPart2FullGetCreate(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		_, err := profiles.Get("m-4")
		assert.ErrorIs(t, err, ErrProfileNotFound, "Get of a member with no profile")
		assert.Empty(t, listProfiles(t, profiles), "List of no profiles")
		// Values go in as parameters, never pasted into the SQL: a quote
		// in a name is just a character.
		miles := Profile{MemberID: "m-4", Name: "Miles O'Brien", Email: "o'brien@kestrel.example"}
		require.NoError(t, profiles.Create(miles), "create m-4")
		assert.Equal(t, miles, getProfile(t, profiles, "m-4"), "get m-4")
		err = profiles.Create(Profile{MemberID: "m-4", Name: "Someone Else", Email: "else@kestrel.example"})
		assert.ErrorIs(t, err, ErrProfileExists, "create m-4 again")
		assert.Equal(t, miles, getProfile(t, profiles, "m-4"), "get m-4 after the refused create")
		assert.Equal(t, miles, getProfile(t, openProfiles(t, d.Reopen(), d.Dialect), "m-4"), "get m-4 after a restart")
	})
}

func TestPart2FullUpdateDelete(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		assert.ErrorIs(t, profiles.Update(Profile{MemberID: "m-5", Name: "Nobody", Email: "nobody@kestrel.example"}), ErrProfileNotFound, "update of a member with no profile")
		assert.ErrorIs(t, profiles.Delete("m-5"), ErrProfileNotFound, "delete of a member with no profile")
		_, err := profiles.Get("m-5")
		assert.ErrorIs(t, err, ErrProfileNotFound, "the refused update created nothing")

		require.NoError(t, profiles.Create(Profile{MemberID: "m-5", Name: "Grace Hopper", Email: "grace@kestrel.example"}))
		require.NoError(t, profiles.Create(Profile{MemberID: "m-6", Name: "Ken Thompson", Email: "ken@kestrel.example"}))
		require.NoError(t, profiles.Update(Profile{MemberID: "m-5", Name: "Grace Brewster Hopper", Email: "admiral@kestrel.example"}), "update m-5")
		// Updating to the same values changes nothing, and still finds the row.
		require.NoError(t, profiles.Update(Profile{MemberID: "m-6", Name: "Ken Thompson", Email: "ken@kestrel.example"}), "update m-6 to what it was")
		assert.Equal(t, Profile{MemberID: "m-5", Name: "Grace Brewster Hopper", Email: "admiral@kestrel.example"}, getProfile(t, profiles, "m-5"), "get m-5")
		assert.Equal(t, Profile{MemberID: "m-6", Name: "Ken Thompson", Email: "ken@kestrel.example"}, getProfile(t, profiles, "m-6"), "get m-6: the update of m-5 left it alone")

		require.NoError(t, profiles.Delete("m-5"), "delete m-5")
		assert.ErrorIs(t, profiles.Delete("m-5"), ErrProfileNotFound, "delete m-5 twice")
		assert.ErrorIs(t, profiles.Update(Profile{MemberID: "m-5", Name: "Grace Hopper", Email: "grace@kestrel.example"}), ErrProfileNotFound, "update m-5 after its delete")
		// A CRUD table forgets a deleted row entirely: the id can be used again.
		require.NoError(t, profiles.Create(Profile{MemberID: "m-5", Name: "Grace Hopper", Email: "grace@kestrel.example"}), "create m-5 after its delete")
		assert.Equal(t, []string{"m-5", "m-6"}, listProfiles(t, profiles), "List")
	})
}

func TestPart2FullList(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		profiles := openProfiles(t, d.DB, d.Dialect)
		for _, id := range []string{"m-2", "m-10", "M-3", "m-1", "m_0"} {
			require.NoError(t, profiles.Create(Profile{MemberID: id, Name: "Member " + id, Email: id + "@kestrel.example"}), "create %s", id)
		}
		assert.Equal(t, []string{"M-3", "m-1", "m-10", "m-2", "m_0"}, listProfiles(t, profiles), "List: by member id, in byte order")
		all, err := profiles.List()
		require.NoError(t, err)
		require.Len(t, all, 5)
		assert.Equal(t, Profile{MemberID: "m-10", Name: "Member m-10", Email: "m-10@kestrel.example"}, all[2], "List()[2]")
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
		require.NoError(t, profiles.Create(Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada@kestrel.example"}))
		require.NoError(t, profiles.Delete("m-1"))
		assert.Equal(t, []string{"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}"}, readAll(t, store, 1), "the event store after the profile's create and delete")
		_, err := NewProfileStore(testdb.Wrap(d.DB), "oracle")
		assert.ErrorIs(t, err, ErrUnknownDialect, "NewProfileStore with an unknown dialect")
	})
}
