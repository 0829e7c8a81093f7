//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
	"github.com/cqrsworkbook/workbook/exercises/testdb"
	"github.com/stretchr/testify/require"
)

// The puzzles: a day of the bank's two kinds of data on a real database,
// with the program restarted now and then.
//
// Part 1's log is teller commands in chapter 1's format ("deposit acc-7
// 250"), each handled with chapter 5's pipeline on the SQL event store
// (load the account from its stream, Execute, Append expecting the
// version loaded; refused commands change nothing), and "restart" lines:
// the program stops, and a new one opens the database again through a new
// pool. After the log, one more restart, and the answer is the sum over
// every account of its balance times its version.
//
// Part 2's log is profile operations on the CRUD table, with restarts:
//
//	create m-7 ada7@kestrel.example Ada Lovelace
//	update m-7 ada.lovelace@kestrel.example Ada Lovelace
//	get m-7
//	delete m-7
//	join m-8 acc-3 grace.hopper8@kestrel.example Grace Hopper
//	restart
//
// A join is ProfileStore.Join: the profile and the account's
// AccountOpened, both or neither. The answer is the number of refused
// operations (a profile that exists already, one not found, or an account
// that exists already) times the number of profiles and accounts left at
// the end.

// errBadLine: a line that is not in the log's format.
var errBadLine = errors.New("bad log line")

// handleSQL is chapter 5's command-handling pipeline on the SQL store.
func handleSQL(store *SQLEventStore, cmd Command) ([]Event, error) {
	if cmd == nil {
		return nil, ErrUnknownCommand
	}
	id := cmd.AccountID()
	records, err := store.ReadStream(id, 1)
	if err != nil {
		return nil, err
	}
	state := Account{ID: id}
	for _, r := range records {
		state.Apply(r.Event)
	}
	events, err := Execute(state, cmd)
	if err != nil {
		return nil, err
	}
	if _, err := store.Append(id, state.Version, events); err != nil {
		return nil, err
	}
	return events, nil
}

// part1Answer runs Part 1's log on a database and answers it.
func part1Answer(t *testing.T, d *testdb.Database, lines []string) int {
	t.Helper()
	clock := newClock()
	store := openStore(t, d.DB, d.Dialect, clock)
	for _, line := range lines {
		if line == "restart" {
			store = openStore(t, d.Reopen(), d.Dialect, clock)
			continue
		}
		cmd, err := ParseCommand(line)
		require.NoError(t, err, "%q", line)
		_, err = handleSQL(store, cmd)
		if err != nil && !errors.Is(err, ErrAccountExists) && !errors.Is(err, ErrAccountNotOpen) &&
			!errors.Is(err, ErrAccountClosed) && !errors.Is(err, ErrInsufficientFunds) && !errors.Is(err, ErrBalanceNotZero) {
			require.NoError(t, err, "%q", line)
		}
	}
	store = openStore(t, d.Reopen(), d.Dialect, clock)
	records, err := store.ReadAll(1)
	require.NoError(t, err, "ReadAll(1) after the last restart")
	events := []Event{}
	for _, r := range records {
		events = append(events, r.Event)
	}
	sum := 0
	for _, a := range Rebuild(events) {
		sum += a.Balance * a.Version
	}
	return sum
}

// part2Answer runs Part 2's log on a database and answers it.
func part2Answer(t *testing.T, d *testdb.Database, lines []string) int {
	t.Helper()
	profiles := openProfiles(t, d.DB, d.Dialect)
	store := openStore(t, d.DB, d.Dialect, newClock())
	refused := 0
	for _, line := range lines {
		f := strings.Fields(line)
		var err error
		switch {
		case len(f) == 1 && f[0] == "restart":
			db := d.Reopen()
			profiles = openProfiles(t, db, d.Dialect)
			store = openStore(t, db, d.Dialect, newClock())
		case len(f) >= 5 && f[0] == "join":
			err = profiles.Join(store, Profile{MemberID: f[1], Email: f[3], Name: strings.Join(f[4:], " ")}, f[2])
		case len(f) >= 4 && f[0] == "create":
			err = profiles.Create(Profile{MemberID: f[1], Email: f[2], Name: strings.Join(f[3:], " ")})
		case len(f) >= 4 && f[0] == "update":
			err = profiles.Update(Profile{MemberID: f[1], Email: f[2], Name: strings.Join(f[3:], " ")})
		case len(f) == 2 && f[0] == "get":
			_, err = profiles.Get(f[1])
		case len(f) == 2 && f[0] == "delete":
			err = profiles.Delete(f[1])
		default:
			require.NoError(t, fmt.Errorf("%q: %w", line, errBadLine))
		}
		if errors.Is(err, ErrProfileExists) || errors.Is(err, ErrProfileNotFound) || errors.Is(err, ErrWrongExpectedVersion) {
			refused++
		} else {
			require.NoError(t, err, "%q", line)
		}
	}
	db := d.Reopen()
	left, err := openProfiles(t, db, d.Dialect).List()
	require.NoError(t, err, "List after the last restart")
	records, err := openStore(t, db, d.Dialect, newClock()).ReadAll(1)
	require.NoError(t, err, "ReadAll(1) after the last restart")
	accounts := map[string]bool{}
	for _, r := range records {
		accounts[r.StreamID] = true
	}
	return refused * (len(left) + len(accounts))
}

func TestPart1FullPuzzle(t *testing.T) {
	lines := part1Log(puzzle.Seed())
	answers := map[string]int{}
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		answers[d.Dialect] = part1Answer(t, d, lines)
	})
	checkAnswers(t, "part1", answers, 594852)
}

func TestPart2FullPuzzle(t *testing.T) {
	lines := part2Log(puzzle.Seed())
	answers := map[string]int{}
	eachDialect(t, func(t *testing.T, d *testdb.Database) {
		answers[d.Dialect] = part2Answer(t, d, lines)
	})
	checkAnswers(t, "part2", answers, 2706)
}

// checkAnswers checks a puzzle's answers, one per database that ran
// (PostgreSQL's is missing when it was skipped). Every database must give
// SQLite's answer, and that answer is checked, and logged, once.
func checkAnswers(t *testing.T, part string, answers map[string]int, want int) {
	t.Helper()
	if t.Failed() {
		return // a database failed already, and said so
	}
	got, ok := answers[testdb.SQLite]
	if !ok {
		t.Fatalf("%s: no answer from %s", part, testdb.SQLite)
	}
	for _, dialect := range testdb.Dialects() {
		if other, ran := answers[dialect]; ran && other != got {
			t.Errorf("your %s puzzle answer is %d on %s but %d on %s: the same code must give the same answer on both", part, other, dialect, got, testdb.SQLite)
		}
	}
	puzzle.Check(t, part, got, want)
}

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie"}
)

// part1Size and part2Size are the numbers of lines of the logs, about.
const (
	part1Size = 200
	part2Size = 200
)

// part1Log generates Part 1's log: accounts opened, deposits,
// withdrawals, a few closings and restarts.
func part1Log(seed string) []string {
	r := puzzle.New("16-capstone", seed)
	next := 0
	acc := func() string { return "acc-" + strconv.Itoa(r.Between(1, next+1)) }
	lines := []string{}
	for len(lines) < part1Size {
		switch k := r.Intn(100); {
		case k < 8 || next == 0:
			next++
			lines = append(lines, "open acc-"+strconv.Itoa(next)+" "+r.Pick(firstNames)+" "+r.Pick(lastNames))
		case k < 55:
			lines = append(lines, "deposit "+acc()+" "+strconv.Itoa(r.Between(1, 2000)))
		case k < 90:
			lines = append(lines, "withdraw "+acc()+" "+strconv.Itoa(r.Between(1, 1500)))
		case k < 92:
			lines = append(lines, "close "+acc())
		case k < 95:
			lines = append(lines, "open "+acc()+" "+r.Pick(firstNames)+" "+r.Pick(lastNames))
		default:
			lines = append(lines, "restart")
		}
	}
	return lines
}

// part2Log generates Part 2's log: members created, updated, read and
// deleted, some of them twice or never, members joining with accounts
// that may be taken, and restarts.
func part2Log(seed string) []string {
	r := puzzle.New("16-capstone/profiles", seed)
	next := 0
	member := func() string { return "m-" + strconv.Itoa(r.Between(1, next+2)) }
	person := func(id string) string {
		first := r.Pick(firstNames)
		last := r.Pick(lastNames)
		return strings.ToLower(first) + "." + strings.ToLower(last) + strings.TrimPrefix(id, "m-") + "@kestrel.example " + first + " " + last
	}
	lines := []string{}
	for len(lines) < part2Size {
		switch k := r.Intn(100); {
		case k < 25 || next == 0:
			next++
			id := "m-" + strconv.Itoa(next)
			lines = append(lines, "create "+id+" "+person(id))
		case k < 32:
			id := member()
			lines = append(lines, "create "+id+" "+person(id))
		case k < 52:
			id := member()
			lines = append(lines, "update "+id+" "+person(id))
		case k < 62:
			id := member()
			lines = append(lines, "join "+id+" acc-"+strconv.Itoa(r.Between(1, next/2+2))+" "+person(id))
		case k < 82:
			lines = append(lines, "get "+member())
		case k < 96:
			lines = append(lines, "delete "+member())
		default:
			lines = append(lines, "restart")
		}
	}
	return lines
}
