//go:build ignore

package bank

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/testdb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every test runs once per database: SQLite always, and PostgreSQL when
// WORKBOOK_POSTGRES_URL names a server (the PostgreSQL subtests skip
// without one). The same code must give the same answers on both.

// Where a rule is stated: a failure names the day and the part.
const (
	inPart1 = " — day 16, Part 1"
	inPart2 = " — day 16, Part 2"
)

// The rules of Part 1, as the chapter states them.
const (
	ruleNewStore     = "NewSQLEventStore calls CreateSchema(db, dialect), which creates the tables unless they exist: a program calls it every time it starts" + inPart1
	ruleDialect      = "an unknown dialect is CreateSchema's error, wrapping ErrUnknownDialect" + inPart1
	ruleAppend       = "Append in one transaction: read the stream's version, refuse a wrong expected version, insert one row per event, versions counting on from the stream's, commit, and return the new version" + inPart1
	ruleConflict     = "refuse a wrong expected version with ConcurrencyError (AnyVersion and NoStream mean what they did in chapter 4)" + inPart1
	ruleNoEvents     = "an append of no events returns the version once the check has passed" + inPart1
	ruleClock        = "the clock is asked once per append that stores something, and its time is shared by the append's events: a refused append, or an append of no events, does not ask it" + inPart1
	ruleUnique       = "when the database refuses an insert or the commit with a unique violation, another writer got there first: that is a ConcurrencyError too, with the stream's version read again" + inPart1
	ruleOtherErrors  = "any other database error comes back wrapped with %w, and is no conflict" + inPart1
	ruleAllOrNothing = "all or nothing: an event that cannot be encoded (a nil one is ErrUnknownEventType) rolls back the events before it, and its error is returned" + inPart1
	ruleReads        = "ReadStream, ReadAll and Version as in chapter 4, each with an error: a from of 0 or below reads from the start; a stream that does not exist has no events and version 0, which is no error" + inPart1
	ruleRestart      = "the events are in the database: a program that stops and starts again, through a new pool and a new store, loses nothing" + inPart1
)

// opening is when the bank opens, and when every test's clock starts.
var opening = time.Date(2024, time.March, 16, 9, 0, 0, 0, time.UTC)

// newClock returns a clock that starts at opening and moves on a minute
// per Now.
func newClock() *StepClock {
	return &StepClock{T: opening, Step: time.Minute}
}

// eachDialect runs f once per database, on a fresh empty one, as a
// subtest named after the database. A panic in f (a TODO stub, say) fails
// that subtest with the database's name instead of ending the whole run,
// and a failed subtest says which database it was.
func eachDialect(t *testing.T, f func(t *testing.T, d *testdb.Database)) {
	for _, dialect := range testdb.Dialects() {
		ok := t.Run(dialect, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Helper()
					t.Fatalf("%s: panic: %v", dialect, r)
				}
			}()
			f(t, testdb.Open(t, dialect))
		})
		if !ok {
			t.Errorf("failed on %s (see the messages above)", dialect)
		}
	}
}

// openStore returns an event store on db.
func openStore(t *testing.T, db *sql.DB, dialect string, clock Clock) *SQLEventStore {
	t.Helper()
	store, err := NewSQLEventStore(testdb.Wrap(db), dialect, clock)
	require.NoError(t, err, "NewSQLEventStore(db, %q, clock): %s", dialect, ruleNewStore)
	require.NotNil(t, store, "NewSQLEventStore(db, %q, clock): %s", dialect, ruleNewStore)
	return store
}

// mustAppend appends and requires the new version.
func mustAppend(t *testing.T, store *SQLEventStore, stream string, expected int, events []Event, want int) {
	t.Helper()
	got, err := store.Append(stream, expected, events)
	require.NoError(t, err, "Append(%q, %d, %s): %s", stream, expected, describeEvents(events), ruleAppend)
	assert.Equal(t, want, got, "Append(%q, %d, %s): the new version: %s", stream, expected, describeEvents(events), ruleAppend)
}

// describeEvents writes events as DescribeEvents does, on one line.
func describeEvents(events []Event) string {
	return "[" + strings.Join(DescribeEvents(events), "; ") + "]"
}

// readAll returns DescribeRecorded of ReadAll(from).
func readAll(t *testing.T, store *SQLEventStore, from int) []string {
	t.Helper()
	records, err := store.ReadAll(from)
	require.NoError(t, err, "ReadAll(%d): %s", from, ruleReads)
	return DescribeRecorded(records)
}

// readStream returns DescribeRecorded of ReadStream(stream, from).
func readStream(t *testing.T, store *SQLEventStore, stream string, from int) []string {
	t.Helper()
	records, err := store.ReadStream(stream, from)
	require.NoError(t, err, "ReadStream(%q, %d): %s", stream, from, ruleReads)
	return DescribeRecorded(records)
}

// version returns Version(stream).
func version(t *testing.T, store *SQLEventStore, stream string) int {
	t.Helper()
	v, err := store.Version(stream)
	require.NoError(t, err, "Version(%q): %s", stream, ruleReads)
	return v
}

// load folds an account's stream, as chapter 5's router does.
func load(t *testing.T, store *SQLEventStore, id string) Account {
	t.Helper()
	records, err := store.ReadStream(id, 1)
	require.NoError(t, err, "ReadStream(%q, 1): %s", id, ruleReads)
	state := Account{ID: id}
	for _, r := range records {
		state.Apply(r.Event)
	}
	return state
}

// assertConflict checks that err is ConcurrencyError(stream, expected,
// actual).
func assertConflict(t *testing.T, err error, stream string, expected, actual int, what string) bool {
	t.Helper()
	if !assert.ErrorIs(t, err, ErrWrongExpectedVersion, "%s: %s", what, ruleConflict) {
		return false
	}
	return assert.EqualError(t, err, ConcurrencyError(stream, expected, actual).Error(), "%s: %s", what, ruleConflict)
}

// TestPart1Example is the worked example of Part 1: appends to two
// accounts, one refused, and a restart that loses nothing.
func TestPart1Example(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}, MoneyDeposited{Account: "acc-1", Amount: 500}}, 2)
		mustAppend(t, store, "acc-2", NoStream, []Event{AccountOpened{Account: "acc-2", Owner: "Alan Turing"}}, 1)
		mustAppend(t, store, "acc-1", 2, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 120}}, 3)
		_, err := store.Append("acc-1", 2, []Event{MoneyDeposited{Account: "acc-1", Amount: 75}})
		assertConflict(t, err, "acc-1", 2, 3, "a second append expecting version 2 of acc-1, refused: expected version 2, stream is at 3")
		mustAppend(t, store, "acc-2", 1, []Event{MoneyDeposited{Account: "acc-2", Amount: 75}}, 2)

		want := []string{
			"acc-1 v1 @1 AccountOpened{Account:acc-1 Owner:Ada Lovelace}",
			"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:500}",
			"acc-2 v1 @3 AccountOpened{Account:acc-2 Owner:Alan Turing}",
			"acc-1 v3 @4 MoneyWithdrawn{Account:acc-1 Amount:120}",
			"acc-2 v2 @5 MoneyDeposited{Account:acc-2 Amount:75}",
		}
		assert.Equal(t, want, readAll(t, store, 1), "ReadAll(1): the refused append stored nothing, so ReadAll(1) holds five events, numbered by the database"+inPart1)

		// The program stops and starts again: a new pool, a new store.
		restarted := openStore(t, d.Reopen(), d.Dialect, newClock())
		assert.Equal(t, want, readAll(t, restarted, 1), "ReadAll(1) after the restart: "+ruleRestart)
		assert.Equal(t, want[3:4], readStream(t, restarted, "acc-1", 3), "ReadStream(acc-1, 3) after the restart gives the withdrawal: "+ruleRestart)
		assert.Equal(t, 3, version(t, restarted, "acc-1"), "Version(acc-1) after the restart: "+ruleRestart)
		assert.Equal(t, 2, version(t, restarted, "acc-2"), "Version(acc-2) after the restart: "+ruleRestart)

		// 500 - 120 = 380 in acc-1, 75 in acc-2: 380 + 75 = 455.
		a1 := load(t, restarted, "acc-1")
		a2 := load(t, restarted, "acc-2")
		assert.Equal(t, Account{ID: "acc-1", Owner: "Ada Lovelace", Balance: 380, Opened: true, Version: 3}, a1, "acc-1 loaded by folding its stream after the restart: "+ruleRestart)
		assert.Equal(t, Account{ID: "acc-2", Owner: "Alan Turing", Balance: 75, Opened: true, Version: 2}, a2, "acc-2 loaded by folding its stream after the restart: "+ruleRestart)
		assert.Equal(t, 455, a1.Balance+a2.Balance, "the bank's balances after the restart: "+ruleRestart)
		// Weighed as the puzzle weighs them: 380*3 + 75*2 = 1140 + 150 = 1290.
		assert.Equal(t, 1290, a1.Balance*a1.Version+a2.Balance*a2.Version, "the sum of each account's balance times its version after the restart, as the puzzle weighs them"+inPart1)
	})
}

func TestPart1FullEmpty(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		assert.Equal(t, 0, version(t, store, "acc-9"), "Version(acc-9), a stream that does not exist: "+ruleReads)
		assert.Empty(t, readStream(t, store, "acc-9", 1), "ReadStream(acc-9, 1), a stream that does not exist: "+ruleReads)
		assert.Empty(t, readAll(t, store, 1), "ReadAll(1) of an empty store: "+ruleReads)
		got, err := store.Append("acc-9", NoStream, nil)
		require.NoError(t, err, "Append(acc-9, NoStream, no events): "+ruleNoEvents)
		assert.Equal(t, 0, got, "Append(acc-9, NoStream, no events) to a new stream: the version stays 0, "+ruleNoEvents)
		assert.Empty(t, readAll(t, store, 1), "ReadAll(1) after an append of no events: "+ruleNoEvents)
	})
}

func TestPart1FullSchemaTwice(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-3", NoStream, []Event{AccountOpened{Account: "acc-3", Owner: "Grace Hopper"}}, 1)
		// A second store on the same database finds the tables there.
		again := openStore(t, d.DB, d.Dialect, newClock())
		assert.Equal(t, 1, version(t, again, "acc-3"), "Version(acc-3) through a second store on the same database: "+ruleNewStore)
		_, err := NewSQLEventStore(testdb.Wrap(d.DB), "oracle", newClock())
		assert.ErrorIs(t, err, ErrUnknownDialect, `NewSQLEventStore(db, "oracle", clock): `+ruleDialect)
	})
}

func TestPart1FullReads(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		for i := 1; i <= 3; i++ {
			for _, id := range []string{"acc-1", "acc-2"} {
				mustAppend(t, store, id, AnyVersion, []Event{MoneyDeposited{Account: id, Amount: 10 * i}}, i)
			}
		}
		assert.Equal(t, []string{
			"acc-2 v2 @4 MoneyDeposited{Account:acc-2 Amount:20}",
			"acc-2 v3 @6 MoneyDeposited{Account:acc-2 Amount:30}",
		}, readStream(t, store, "acc-2", 2), "ReadStream(acc-2, 2): "+ruleReads)
		assert.Len(t, readStream(t, store, "acc-1", 0), 3, "ReadStream(acc-1, 0), everything: "+ruleReads)
		assert.Empty(t, readStream(t, store, "acc-1", 4), "ReadStream(acc-1, 4), past the end: "+ruleReads)
		assert.Equal(t, []string{
			"acc-1 v3 @5 MoneyDeposited{Account:acc-1 Amount:30}",
			"acc-2 v3 @6 MoneyDeposited{Account:acc-2 Amount:30}",
		}, readAll(t, store, 5), "ReadAll(5): "+ruleReads)
		assert.Len(t, readAll(t, store, 0), 6, "ReadAll(0), everything: "+ruleReads)
		assert.Empty(t, readAll(t, store, 7), "ReadAll(7), past the end: "+ruleReads)
	})
}

// TestPart1FullAllOrNothing: an append that fails half-way stores
// nothing, not even the events before the one that failed.
func TestPart1FullAllOrNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-4", NoStream, []Event{AccountOpened{Account: "acc-4", Owner: "Edsger Dijkstra"}}, 1)
		// A nil event cannot be encoded: the append fails at the third
		// event, after two inserts.
		_, err := store.Append("acc-4", 1, []Event{MoneyDeposited{Account: "acc-4", Amount: 60}, MoneyDeposited{Account: "acc-4", Amount: 40}, nil})
		assert.ErrorIs(t, err, ErrUnknownEventType, "Append(acc-4, 1, two deposits and a nil event): "+ruleAllOrNothing)
		assert.Equal(t, 1, version(t, store, "acc-4"), "Version(acc-4) after the failed append: "+ruleAllOrNothing)
		assert.Len(t, readAll(t, store, 1), 1, "ReadAll(1) after the failed append: "+ruleAllOrNothing)

		_, err = store.Append("acc-4", 0, []Event{MoneyDeposited{Account: "acc-4", Amount: 60}, MoneyDeposited{Account: "acc-4", Amount: 40}})
		assertConflict(t, err, "acc-4", 0, 1, "two events expecting NoStream of an existing stream")
		_, err = store.Append("acc-4", 5, []Event{MoneyDeposited{Account: "acc-4", Amount: 60}})
		assertConflict(t, err, "acc-4", 5, 1, "expecting a version the stream has not reached")
		_, err = store.Append("acc-4", 3, nil)
		assertConflict(t, err, "acc-4", 3, 1, "no events, at the wrong expected version (the check comes first)")
		mustAppend(t, store, "acc-4", 1, []Event{MoneyDeposited{Account: "acc-4", Amount: 60}, MoneyDeposited{Account: "acc-4", Amount: 40}}, 3)
		assert.Equal(t, Account{ID: "acc-4", Owner: "Edsger Dijkstra", Balance: 100, Opened: true, Version: 3}, load(t, store, "acc-4"), "acc-4 loaded by folding its stream: "+ruleAppend)
	})
}

// TestPart1FullClock: one Now per append that stores something, shared by
// its events, and the times come back from the database intact.
func TestPart1FullClock(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		clock := &StepClock{T: opening.Add(1500 * time.Millisecond), Step: 90 * time.Second}
		store := openStore(t, d.DB, d.Dialect, clock)
		mustAppend(t, store, "acc-5", NoStream, []Event{AccountOpened{Account: "acc-5", Owner: "Barbara Liskov"}, MoneyDeposited{Account: "acc-5", Amount: 70}}, 2)
		_, err := store.Append("acc-5", 0, []Event{MoneyDeposited{Account: "acc-5", Amount: 1}})
		assertConflict(t, err, "acc-5", 0, 2, "a refused append")
		mustAppend(t, store, "acc-5", 2, nil, 2)
		mustAppend(t, store, "acc-5", 2, []Event{MoneyWithdrawn{Account: "acc-5", Amount: 30}}, 3)

		records, err := openStore(t, d.Reopen(), d.Dialect, newClock()).ReadAll(1)
		require.NoError(t, err, "ReadAll(1) after a restart: "+ruleReads)
		require.Len(t, DescribeRecorded(records), 3, "ReadAll(1) after a restart: "+ruleRestart)
		// The refusal and the empty append did not ask the clock.
		want := []time.Time{clock.T.Add(-180 * time.Second), clock.T.Add(-180 * time.Second), clock.T.Add(-90 * time.Second)}
		for i, r := range records {
			assert.True(t, r.At.Equal(want[i]), "At of %s: got %s, want %s: %s", DescribeRecorded(records[i : i+1])[0], r.At, want[i], ruleClock)
		}
	})
}

// TestPart1FullRestart: a restarted program carries on where the last one
// stopped.
func TestPart1FullRestart(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-6", NoStream, []Event{AccountOpened{Account: "acc-6", Owner: "Ken Thompson"}}, 1)
		d.DB.Close()
		restarted := openStore(t, d.Reopen(), d.Dialect, newClock())
		mustAppend(t, restarted, "acc-6", 1, []Event{MoneyDeposited{Account: "acc-6", Amount: 250}}, 2)
		mustAppend(t, restarted, "acc-7", NoStream, []Event{AccountOpened{Account: "acc-7", Owner: "Frances Allen"}}, 1)
		_, err := restarted.Append("acc-6", NoStream, []Event{AccountOpened{Account: "acc-6", Owner: "Ken Thompson"}})
		assertConflict(t, err, "acc-6", 0, 2, "opening acc-6 again after the restart")
		assert.Equal(t, []string{
			"acc-6 v1 @1 AccountOpened{Account:acc-6 Owner:Ken Thompson}",
			"acc-6 v2 @2 MoneyDeposited{Account:acc-6 Amount:250}",
			"acc-7 v1 @3 AccountOpened{Account:acc-7 Owner:Frances Allen}",
		}, readAll(t, restarted, 1), "ReadAll(1) after the restart: "+ruleRestart)
	})
}

// TestPart1FullTwoPools: two programs on one database append to the same
// stream at the same expected version, one after the other. The second is
// refused, and the stream holds only the first one's events.
func TestPart1FullTwoPools(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		a := openStore(t, d.DB, d.Dialect, newClock())
		b := openStore(t, d.Reopen(), d.Dialect, newClock())
		mustAppend(t, a, "acc-8", NoStream, []Event{AccountOpened{Account: "acc-8", Owner: "Radia Perlman"}}, 1)
		_, err := b.Append("acc-8", NoStream, []Event{AccountOpened{Account: "acc-8", Owner: "Dennis Ritchie"}})
		assertConflict(t, err, "acc-8", 0, 1, "the second program opening acc-8")
		mustAppend(t, b, "acc-8", 1, []Event{MoneyDeposited{Account: "acc-8", Amount: 90}}, 2)
		_, err = a.Append("acc-8", 1, []Event{MoneyDeposited{Account: "acc-8", Amount: 15}})
		assertConflict(t, err, "acc-8", 1, 2, "the first program depositing at version 1")
		assert.Equal(t, []string{
			"acc-8 v1 @1 AccountOpened{Account:acc-8 Owner:Radia Perlman}",
			"acc-8 v2 @2 MoneyDeposited{Account:acc-8 Amount:90}",
		}, readStream(t, a, "acc-8", 1), "ReadStream(acc-8, 1), the second program refused at each wrong expected version: "+ruleConflict)
	})
}

// TestPart1FullInsertRace: another program has inserted version 1 of a
// stream and not committed yet when Append reads the stream's version.
// Whether Append reads before or after that commit, it must be refused:
// by its own check, or by the database's UNIQUE (stream_id, version).
func TestPart1FullInsertRace(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		other := d.Reopen()
		tx, err := other.Begin()
		require.NoError(t, err, "the other program's Begin")
		typ, data, err := EncodeEvent(AccountOpened{Account: "acc-9", Owner: "John Backus"})
		require.NoError(t, err, "EncodeEvent(AccountOpened)")
		_, err = tx.Exec(`INSERT INTO events (stream_id, version, type, data, at) VALUES ($1, $2, $3, $4, $5)`, "acc-9", 1, typ, data, FormatTime(opening))
		require.NoError(t, err, "the other program's insert")

		done := make(chan error, 1)
		go func() {
			_, err := store.Append("acc-9", NoStream, []Event{AccountOpened{Account: "acc-9", Owner: "Margaret Hamilton"}})
			done <- err
		}()
		time.Sleep(150 * time.Millisecond) // let Append start and wait on the other program
		require.NoError(t, tx.Commit(), "the other program's commit")
		select {
		case got := <-done:
			err = got
		case <-time.After(20 * time.Second):
			t.Fatal("Append did not return within 20 s of the other program's commit")
		}
		assert.ErrorIs(t, err, ErrWrongExpectedVersion, "Append(acc-9, NoStream, ...) racing the other program's insert of version 1, by its own check or by the database's UNIQUE (stream_id, version): "+ruleUnique)
		assert.Equal(t, []string{"acc-9 v1 AccountOpened{Account:acc-9 Owner:John Backus}"}, withoutPositions(readStream(t, store, "acc-9", 1)), "ReadStream(acc-9, 1), the other program's open alone: "+ruleUnique)
	})
}

// sneakTriggers are the SQL, per database, of a trigger that plays
// another writer getting there first: just before Append's insert of
// version 2 of acc-sneak, it inserts a version 2 of its own, after
// Append's check has passed and before its row goes in.
var sneakTriggers = map[string][]string{
	testdb.SQLite: {
		`CREATE TRIGGER sneak BEFORE INSERT ON events
		WHEN NEW.stream_id = 'acc-sneak' AND NEW.version = 2
		BEGIN
			INSERT INTO events (stream_id, version, type, data, at)
			VALUES (NEW.stream_id, NEW.version, 'MoneyDeposited', '{"Account":"acc-sneak","Amount":5}', NEW.at);
		END`,
	},
	testdb.Postgres: {
		`CREATE FUNCTION sneak() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF pg_trigger_depth() = 1 AND NEW.stream_id = 'acc-sneak' AND NEW.version = 2 THEN
				INSERT INTO events (stream_id, version, type, data, at)
				VALUES (NEW.stream_id, NEW.version, 'MoneyDeposited', '{"Account":"acc-sneak","Amount":5}', NEW.at);
			END IF;
			RETURN NEW;
		END $$`,
		`CREATE TRIGGER sneak BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION sneak()`,
	},
}

// TestPart1FullUniqueViolation: another writer inserts the same version
// between Append's check and its insert, so the check passes and the
// database refuses the insert with a unique violation. Append must say
// ErrWrongExpectedVersion, like any conflict, and store nothing. A trigger
// plays the other writer, on SQLite too, where a real race never gets
// this far. It runs inside Append's transaction, so Append's rollback
// takes the other writer's row away as well.
func TestPart1FullUniqueViolation(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		store := openStore(t, d.DB, d.Dialect, newClock())
		mustAppend(t, store, "acc-sneak", NoStream, []Event{AccountOpened{Account: "acc-sneak", Owner: "Sophie Wilson"}}, 1)
		for _, q := range sneakTriggers[d.Dialect] {
			_, err := d.DB.Exec(q)
			require.NoError(t, err, "the test's trigger")
		}

		_, err := store.Append("acc-sneak", 1, []Event{MoneyDeposited{Account: "acc-sneak", Amount: 40}})
		assert.ErrorIs(t, err, ErrWrongExpectedVersion, "Append at version 1 when another writer inserted version 2 after the check: "+ruleUnique)
		assert.Equal(t, 1, version(t, store, "acc-sneak"), "Version(acc-sneak) after the refused append: "+ruleAllOrNothing)
		assert.Equal(t, []string{"acc-sneak v1 AccountOpened{Account:acc-sneak Owner:Sophie Wilson}"}, withoutPositions(readStream(t, store, "acc-sneak", 1)), "ReadStream(acc-sneak, 1) after the refused append: "+ruleAllOrNothing)
	})
}

// refuseTriggers are the SQL, per database, of a trigger that makes the
// database refuse Append's insert into acc-full for another reason than a
// conflict: the disk is full, say.
var refuseTriggers = map[string][]string{
	testdb.SQLite: {
		`CREATE TRIGGER refuse BEFORE INSERT ON events
		WHEN NEW.stream_id = 'acc-full'
		BEGIN
			SELECT RAISE(ABORT, 'the disk is full');
		END`,
	},
	testdb.Postgres: {
		`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.stream_id = 'acc-full' THEN
				RAISE EXCEPTION 'the disk is full';
			END IF;
			RETURN NEW;
		END $$`,
		`CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse()`,
	},
}

// TestPart1FullOtherErrorsAreNotConflicts: only a unique violation means
// another writer won. Any other failure of an insert is a real failure,
// returned with its own error, not a conflict to retry.
func TestPart1FullOtherErrorsAreNotConflicts(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		// Given a database that refuses every insert into acc-full,
		store := openStore(t, d.DB, d.Dialect, newClock())
		for _, q := range refuseTriggers[d.Dialect] {
			_, err := d.DB.Exec(q)
			require.NoError(t, err, "the test's trigger")
		}

		// when an account is opened there,
		_, err := store.Append("acc-full", NoStream, []Event{AccountOpened{Account: "acc-full", Owner: "Ada Lovelace"}})

		// then Append fails with the database's own error, which is no
		// conflict, and stores nothing.
		require.Error(t, err, "Append to acc-full, whose inserts the database refuses: "+ruleOtherErrors)
		assert.False(t, errors.Is(err, ErrWrongExpectedVersion), "Append's error %q: only a unique violation is a conflict; a refused insert is a real failure: %s", err, ruleOtherErrors)
		assert.Contains(t, err.Error(), "the disk is full", "Append's error wraps the database's: "+ruleOtherErrors)
		assert.Equal(t, 0, version(t, store, "acc-full"), "Version(acc-full) after the failed append: "+ruleAllOrNothing)
	})
}

// TestPart1FullConcurrent: writers on separate pools race to append at
// the same expected version, all at once. Exactly one wins each round.
func TestPart1FullConcurrent(t *testing.T) {
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		const writers = 4
		stores := []*SQLEventStore{}
		for i := 0; i < writers; i++ {
			stores = append(stores, openStore(t, d.Reopen(), d.Dialect, newClock()))
		}
		mustAppend(t, stores[0], "acc-10", NoStream, []Event{AccountOpened{Account: "acc-10", Owner: "Donald Knuth"}}, 1)
		for round := 1; round <= 3; round++ {
			errs := make(chan error, writers)
			for i := 0; i < writers; i++ {
				go func(i, round int) {
					_, err := stores[i].Append("acc-10", round, []Event{MoneyDeposited{Account: "acc-10", Amount: 100*round + i}})
					errs <- err
				}(i, round)
			}
			won, refused := 0, 0
			for i := 0; i < writers; i++ {
				err := <-errs
				if err == nil {
					won++
				} else if assert.ErrorIs(t, err, ErrWrongExpectedVersion, "round %d: a losing writer's error: %s", round, ruleUnique) {
					refused++
				}
			}
			assert.Equal(t, 1, won, "round %d: writers that won, all appending at the same expected version: %s", round, ruleConflict)
			assert.Equal(t, writers-1, refused, "round %d: writers refused: %s", round, ruleUnique)
			assert.Equal(t, round+1, version(t, stores[0], "acc-10"), "Version(acc-10) after round %d: %s", round, ruleAppend)
		}
		records, err := stores[1].ReadStream("acc-10", 1)
		require.NoError(t, err, "ReadStream(acc-10, 1): "+ruleReads)
		require.Len(t, DescribeRecorded(records), 4, "ReadStream(acc-10, 1), the opening and one deposit a round: "+ruleAppend)
		for i, r := range records {
			assert.Equal(t, i+1, r.Version, "the version of event %d: %s", i+1, ruleAppend)
			round := 0
			switch e := r.Event.(type) {
			case MoneyDeposited:
				round = e.Amount / 100
			}
			if i > 0 {
				assert.Equal(t, i, round, "event %d should be a deposit of round %d: %s: %s", i+1, i, DescribeEvents([]Event{r.Event})[0], ruleAppend)
			}
		}
	})
}

// withoutPositions drops the "@N " of described records: positions after
// a race may have gaps in PostgreSQL.
func withoutPositions(described []string) []string {
	out := []string{}
	for _, s := range described {
		var stream, version, pos string
		n, _ := fmt.Sscanf(s, "%s %s %s", &stream, &version, &pos)
		if n == 3 {
			s = stream + " " + version + s[len(stream)+len(version)+len(pos)+2:]
		}
		out = append(out, s)
	}
	return out
}
