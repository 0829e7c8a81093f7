//go:build ignore

package bank

import (
	"database/sql"
	"errors"
	"testing"
	"time"

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
	ruleJoin         = "Join creates the profile and appends the account's AccountOpened (its owner the profile's name, expecting NoStream) in one transaction: both are committed, or neither" + inPart2
	ruleJoinTaken    = "Join with a taken member id returns an error wrapping ErrProfileExists, appends no event, and the profile that has the id stays as it was" + inPart2
	ruleJoinAccount  = "Join to an account whose stream has events returns Append's ConcurrencyError (wrapping ErrWrongExpectedVersion), and creates no profile" + inPart2
	ruleJoinOther    = "any other database error in Join, at a statement or at the commit, comes back wrapped with %w, and leaves neither the profile nor the event" + inPart2
	ruleJoinOver     = "when Join returns an error its transaction is over, rolled back: its connection is back in the pool, and nothing it wrote holds a lock" + inPart2
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

		// Grace joins with her first account; then two joins are refused,
		// and each leaves nothing behind.
		require.NoError(t, profiles.Join(store, Profile{MemberID: "m-3", Name: "Grace Hopper", Email: "grace@kestrel.example"}, "acc-3"), "join m-3 acc-3: "+ruleJoin)
		assert.ErrorIs(t, profiles.Join(store, Profile{MemberID: "m-1", Name: "Ada Lovelace", Email: "ada@kestrel.example"}, "acc-4"), ErrProfileExists, "join m-1 acc-4, refused: "+ruleJoinTaken)
		assert.ErrorIs(t, profiles.Join(store, Profile{MemberID: "m-4", Name: "Ken Thompson", Email: "ken@kestrel.example"}, "acc-3"), ErrWrongExpectedVersion, "join m-4 acc-3, refused: "+ruleJoinAccount)
		assert.Equal(t, 0, version(t, store, "acc-4"), "Version(acc-4) after the refused join of m-1: "+ruleJoinTaken)
		assert.Equal(t, "ada.lovelace@kestrel.example", getProfile(t, profiles, "m-1").Email, "m-1's email after the refused join of m-1: "+ruleJoinTaken)
		assert.Equal(t, []string{"acc-3 v1 @4 AccountOpened{Account:acc-3 Owner:Grace Hopper}"}, readStream(t, store, "acc-3", 1), "acc-3 after the joins: "+ruleJoin)
		assert.Equal(t, []string{"m-1", "m-3"}, listProfiles(t, profiles), "List ends with m-1 and m-3: "+ruleJoinAccount)

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
			"join m-3 acc-3 grace@kestrel.example Grace Hopper",
			"join m-1 acc-4 ada@kestrel.example Ada Lovelace",
			"join m-4 acc-3 ken@kestrel.example Ken Thompson",
		}
		// 5 refused (create m-1 again, get m-2, update m-3, join m-1,
		// join m-4) × (2 profiles left, m-1 and m-3, + 1 account, acc-3)
		// = 15. A join that left its profile or its event behind would
		// make it 5 × 4 = 20.
		assert.Equal(t, 15, part2Answer(t, testdb.Open(t, d.Dialect), lines),
			"part2Answer(the worked example): the number of refused operations times the number of profiles and accounts left"+inPart2)
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

// joinPool opens the test's database again through a new pool, of one
// connection so far, for the tests of Join. On PostgreSQL that connection
// is told to end itself when it is left idle in a transaction for 3
// seconds: a Join that returns with its transaction still open then fails
// the test, but cannot keep the test's schema from being dropped.
func joinPool(t *testing.T, d *testdb.Database) *sql.DB {
	t.Helper()
	db := d.Reopen()
	if d.Dialect == testdb.Postgres {
		_, err := db.Exec(`SET idle_in_transaction_session_timeout = 3000`)
		require.NoError(t, err, "the test's pool")
	}
	return db
}

// mustJoin requires a Join to work.
func mustJoin(t *testing.T, profiles *ProfileStore, store *SQLEventStore, p Profile, account string) {
	t.Helper()
	require.NoError(t, profiles.Join(store, p, account), "Join(%s, %q): %s", p.MemberID, account, ruleJoin)
}

// assertOver checks that a failed Join's transaction is over: no
// connection of the pool is still in use.
func assertOver(t *testing.T, db *sql.DB, what string) {
	t.Helper()
	assert.Equal(t, 0, db.Stats().InUse, "connections still in use after %s: %s", what, ruleJoinOver)
}

// TestPart2FullJoin: a member joins with their first account, and both
// the row and the event are there, after a restart too.
func TestPart2FullJoin(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		db := joinPool(t, d)
		clock := newClock()
		store := openStore(t, db, d.Dialect, clock)
		profiles := openProfiles(t, db, d.Dialect)
		barbara := Profile{MemberID: "m-8", Name: "Barbara Liskov", Email: "barbara@kestrel.example"}
		mustJoin(t, profiles, store, barbara, "acc-8")
		assert.Equal(t, opening.Add(time.Minute), clock.T, "the clock after one join: it was asked once, by the append: "+ruleJoin)

		again := d.Reopen()
		assert.Equal(t, barbara, getProfile(t, openProfiles(t, again, d.Dialect), "m-8"), "get m-8 after the join and a restart: "+ruleJoin)
		store = openStore(t, again, d.Dialect, newClock())
		assert.Equal(t, []string{"acc-8 v1 @1 AccountOpened{Account:acc-8 Owner:Barbara Liskov}"}, readAll(t, store, 1), "the events after the join and a restart: "+ruleJoin)
		assert.Equal(t, "Barbara Liskov", load(t, store, "acc-8").Owner, "acc-8's owner, folded: "+ruleJoin)
	})
}

// TestPart2FullJoinMemberTaken: a join whose member id is taken appends
// nothing, and leaves the profile that has the id as it was.
func TestPart2FullJoinMemberTaken(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		db := joinPool(t, d)
		store := openStore(t, db, d.Dialect, newClock())
		profiles := openProfiles(t, db, d.Dialect)
		grace := Profile{MemberID: "m-9", Name: "Grace Hopper", Email: "grace@kestrel.example"}
		mustJoin(t, profiles, store, grace, "acc-9")

		err := profiles.Join(store, Profile{MemberID: "m-9", Name: "Someone Else", Email: "else@kestrel.example"}, "acc-10")
		assert.ErrorIs(t, err, ErrProfileExists, "join m-9 acc-10, m-9 taken: "+ruleJoinTaken)
		assert.False(t, errors.Is(err, ErrWrongExpectedVersion), "join m-9 acc-10's error %q: acc-10 is free, the member id is what is taken: %s", err, ruleJoinTaken)
		assertOver(t, db, "the refused join m-9 acc-10")
		assert.Equal(t, 0, version(t, store, "acc-10"), "Version(acc-10) after the refused join: "+ruleJoinTaken)
		assert.Equal(t, grace, getProfile(t, profiles, "m-9"), "get m-9 after the refused join: "+ruleJoinTaken)

		// acc-10 is still free, and nothing the refused join did is in
		// the way.
		ken := Profile{MemberID: "m-10", Name: "Ken Thompson", Email: "ken@kestrel.example"}
		mustJoin(t, profiles, store, ken, "acc-10")
		assert.Equal(t, []string{"acc-9 v1 AccountOpened{Account:acc-9 Owner:Grace Hopper}", "acc-10 v1 AccountOpened{Account:acc-10 Owner:Ken Thompson}"}, withoutPositions(readAll(t, store, 1)), "the events after the three joins: "+ruleJoinTaken)
	})
}

// TestPart2FullJoinAccountExists: a join to an account that has events
// is refused by the append's expected version, and creates no profile.
func TestPart2FullJoinAccountExists(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		db := joinPool(t, d)
		store := openStore(t, db, d.Dialect, newClock())
		profiles := openProfiles(t, db, d.Dialect)
		mustJoin(t, profiles, store, Profile{MemberID: "m-11", Name: "Frances Allen", Email: "frances@kestrel.example"}, "acc-11")
		mustAppend(t, store, "acc-12", NoStream, []Event{AccountOpened{Account: "acc-12", Owner: "John Backus"}, MoneyDeposited{Account: "acc-12", Amount: 40}}, 2)

		for _, account := range []string{"acc-11", "acc-12"} {
			err := profiles.Join(store, Profile{MemberID: "m-12", Name: "Radia Perlman", Email: "radia@kestrel.example"}, account)
			assert.ErrorIs(t, err, ErrWrongExpectedVersion, "join m-12 %s, an account with events: %s", account, ruleJoinAccount)
			assert.False(t, errors.Is(err, ErrProfileExists), "join m-12 %s's error %q: m-12 is free, the account is what exists: %s", account, err, ruleJoinAccount)
			assertOver(t, db, "the refused join m-12 "+account)
			_, err = profiles.Get("m-12")
			assert.ErrorIs(t, err, ErrProfileNotFound, "get m-12 after the refused join m-12 %s: %s", account, ruleJoinAccount)
		}
		assert.Equal(t, 1, version(t, store, "acc-11"), "Version(acc-11) after the refused join: "+ruleJoinAccount)
		assert.Equal(t, 2, version(t, store, "acc-12"), "Version(acc-12) after the refused join: "+ruleJoinAccount)
		assert.Equal(t, []string{"m-11"}, listProfiles(t, profiles), "List after the refused joins: "+ruleJoinAccount)
		// m-12 is still free, and nothing the refused joins did is in the way.
		require.NoError(t, profiles.Create(Profile{MemberID: "m-12", Name: "Radia Perlman", Email: "radia@kestrel.example"}), "create m-12 after the refused joins: "+ruleJoinAccount)
	})
}

// lateTriggers are the SQL, per database, of a trigger that makes a join
// of m-late fail after both of its writes. PostgreSQL's is a constraint
// trigger deferred to the commit, so that the commit itself fails;
// SQLite has none of those, and refuses the event's insert, which Join
// makes before or after the profile's, as it likes.
var lateTriggers = map[string][]string{
	testdb.SQLite: {
		`CREATE TRIGGER late BEFORE INSERT ON events
		WHEN NEW.stream_id = 'acc-late'
		BEGIN
			SELECT RAISE(ABORT, 'the disk is full');
		END`,
	},
	testdb.Postgres: {
		`CREATE FUNCTION late() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.member_id = 'm-late' THEN
				RAISE EXCEPTION 'the disk is full';
			END IF;
			RETURN NULL;
		END $$`,
		`CREATE CONSTRAINT TRIGGER late AFTER INSERT ON profiles DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION late()`,
	},
}

// TestPart2FullJoinFailsLate: a join that fails after writing (on
// PostgreSQL at its commit) returns the database's error and leaves
// neither the profile nor the event.
func TestPart2FullJoinFailsLate(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		db := joinPool(t, d)
		store := openStore(t, db, d.Dialect, newClock())
		profiles := openProfiles(t, db, d.Dialect)
		mustJoin(t, profiles, store, Profile{MemberID: "m-13", Name: "Dennis Ritchie", Email: "dennis@kestrel.example"}, "acc-13")
		for _, q := range lateTriggers[d.Dialect] {
			_, err := db.Exec(q)
			require.NoError(t, err, "the test's trigger")
		}

		err := profiles.Join(store, Profile{MemberID: "m-late", Name: "Margaret Hamilton", Email: "margaret@kestrel.example"}, "acc-late")
		require.Error(t, err, "join m-late acc-late, which the database refuses late: "+ruleJoinOther)
		assert.Contains(t, err.Error(), "the disk is full", "join m-late's error wraps the database's: "+ruleJoinOther)
		assert.False(t, errors.Is(err, ErrProfileExists) || errors.Is(err, ErrWrongExpectedVersion), "join m-late's error %q: neither a taken id nor a conflict: %s", err, ruleJoinOther)
		assertOver(t, db, "the failed join m-late")
		assert.Equal(t, 0, version(t, store, "acc-late"), "Version(acc-late) after the failed join: "+ruleJoinOther)
		assert.Equal(t, []string{"m-13"}, listProfiles(t, profiles), "List after the failed join: "+ruleJoinOther)
	})
}
