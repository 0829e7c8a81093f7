// Package testdb opens the databases the capstone's tests run against: a
// fresh SQLite database in a temporary folder, always, and a fresh schema on
// a PostgreSQL server when WORKBOOK_POSTGRES_URL names one.
//
// Tests call Dialects for the list to run against and Open for a database
// of one dialect. Without a PostgreSQL server the PostgreSQL tests skip with
// a message saying how to run them, except under CI (CI=true), where a
// missing server is a failure: there they must run.
//
// Learner code never opens a database itself, and never holds a *sql.DB:
// the tests hand it a Handle (Wrap), which has the four methods the
// capstone's stores call and no way to the driver, a raw connection or the
// data source name. The
// SQLite connections refuse ATTACH and VACUUM INTO, the two statements that
// would let SQL text write files of its choosing.
package testdb

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"modernc.org/sqlite"
)

// The dialects a test can run against.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// URLVar is the environment variable that names a PostgreSQL server, as a
// URL such as postgres://workbook@127.0.0.1:5432/workbook.
const URLVar = "WORKBOOK_POSTGRES_URL"

// ErrPowerfulRole: the server's role for the tests may touch the server's
// files, which SQL from learner code must never do.
var ErrPowerfulRole = errors.New("the PostgreSQL role of " + URLVar + " is a superuser or may read or write the server's files: give the tests a plain role (scripts/postgres.sh makes one)")

// ErrNoServer: PostgreSQL was asked for and no server is configured.
var ErrNoServer = errors.New("no PostgreSQL server: set " + URLVar + " to run these tests")

// startURL is URLVar as the process started with it: read once, so that
// nothing the process does later (t.Setenv, say) points the tests at
// another server.
var startURL = strings.TrimSpace(os.Getenv(URLVar))

var hookOnce sync.Once

// guard installs, once per process, an authorizer on every SQLite
// connection that refuses ATTACH (a second database file anywhere on the
// disk) and VACUUM INTO (which attaches one to write a copy into).
func guard() {
	hookOnce.Do(func() {
		sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
			r, ok := c.(sqlite.AuthorizerRegisterer)
			if !ok {
				return errors.New("testdb: the SQLite driver has no authorizer")
			}
			return r.RegisterAuthorizer(func(action sqlite.AuthorizerActionCode, _, _, _, _ string) sqlite.AuthorizerReturnCode {
				if action == sqlite.AuthAttach || action == sqlite.AuthDetach {
					return sqlite.AuthorizerDeny
				}
				return sqlite.AuthorizerOK
			})
		})
	})
}

// Dialects returns the dialects to run against: SQLite always, and
// PostgreSQL too. A test runs one subtest per dialect; Open skips (or, under
// CI, fails) the PostgreSQL one when there is no server.
func Dialects() []string {
	return []string{SQLite, Postgres}
}

// Database is a fresh, empty database for one test. Open gives one; Reopen
// opens the same database again through a new connection pool, as a
// restarted program would.
type Database struct {
	Dialect string
	// DB is the connection pool; the test closes it when it ends.
	DB  *sql.DB
	dsn string
	t   testing.TB
}

// Open returns a fresh, empty database of the dialect for the test, closed
// (and for PostgreSQL dropped) when the test ends. For PostgreSQL without a
// server it skips the test, or fails it when CI=true.
func Open(t testing.TB, dialect string) *Database {
	t.Helper()
	var dsn string
	switch dialect {
	case SQLite:
		guard()
		dir := t.TempDir()
		dsn = "file:" + filepath.Join(dir, "events.db") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_txlock=immediate"
	case Postgres:
		base, err := serverURL()
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%v (CI=true: the PostgreSQL tests must run)", err)
			}
			t.Skipf("skipped: %v", err)
		}
		dsn, err = freshSchema(t, base)
		if err != nil {
			t.Fatalf("PostgreSQL at %s: %v", redact(base), err)
		}
	default:
		t.Fatalf("testdb.Open: unknown dialect %q (want %q or %q)", dialect, SQLite, Postgres)
	}
	d := &Database{Dialect: dialect, dsn: dsn, t: t}
	d.DB = d.open()
	// However the write past the limit was made (in a transaction, say),
	// the test says so when it ends.
	t.Cleanup(func() {
		if reachedFileLimit(false) {
			t.Errorf("%v", ErrWroteTooMuch)
		}
	})
	return d
}

// Reopen opens the database again through a new pool, as a program that
// was stopped and started again would. The old pool stays usable until the
// test closes it.
func (d *Database) Reopen() *sql.DB {
	d.t.Helper()
	return d.open()
}

// DSN is the data source name of the database, for a test that starts
// another process on the same database.
func (d *Database) DSN() string { return d.dsn }

func (d *Database) open() *sql.DB {
	d.t.Helper()
	db, err := OpenDSN(d.Dialect, d.dsn)
	if err != nil {
		d.t.Fatalf("open %s database: %v", d.Dialect, err)
	}
	d.t.Cleanup(func() { db.Close() })
	return db
}

// OpenDSN opens a connection pool on a database by its dialect and data
// source name (as DSN returns it) and checks that it answers.
func OpenDSN(dialect, dsn string) (*sql.DB, error) {
	driver := "pgx"
	if dialect == SQLite {
		guard()
		driver = "sqlite"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func serverURL() (string, error) {
	u := startURL
	if u == "" {
		return "", ErrNoServer
	}
	return u, nil
}

// freshSchema creates a schema of its own for the test on the server and
// returns a DSN whose search_path is that schema; the schema is dropped
// when the test ends.
func freshSchema(t testing.TB, base string) (string, error) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	// SQL is learner code too. A role that may read or write the server's
	// files (a superuser, pg_read_server_files, pg_write_server_files,
	// pg_execute_server_program) would let COPY ... TO '/path' reach them.
	var super, files bool
	err = admin.QueryRow(`SELECT rolsuper, pg_has_role(current_user, 'pg_write_server_files', 'MEMBER') OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER') OR pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER') FROM pg_roles WHERE rolname = current_user`).Scan(&super, &files)
	if err != nil {
		return "", err
	}
	if super || files {
		return "", ErrPowerfulRole
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	schema := "workbook_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		return "", err
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("%s is not a URL: %w", URLVar, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// redact hides a password in a server URL.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// fileLimit is set once a write of this process was refused at the
// file-size limit (see reachedFileLimit).
var fileLimit atomic.Bool

// ErrWroteTooMuch: a database file reached the workbook's size limit.
var ErrWroteTooMuch = errors.New("wrote too much: a file reached the workbook's size limit")

// checked adds ErrWroteTooMuch to err once the size limit was reached, so
// that a "disk I/O error" says what it is.
func checked(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if reachedFileLimit(strings.Contains(msg, "disk I/O error") || strings.Contains(msg, "disk is full")) {
		return fmt.Errorf("%w: %w", ErrWroteTooMuch, err)
	}
	return err
}

// Handle is a database as learner code is handed it: Exec, Query, QueryRow
// and Begin of the *sql.DB it wraps, and nothing else (no Driver, Conn,
// Raw or Stats), so that code holding it can run SQL on this database and
// reach no other file or server.
type Handle struct{ db *sql.DB }

// Wrap hands db over as a Handle.
func Wrap(db *sql.DB) *Handle { return &Handle{db} }

// Exec runs a statement, as (*sql.DB).Exec.
func (h *Handle) Exec(query string, args ...any) (sql.Result, error) {
	res, err := h.db.Exec(query, args...)
	return res, checked(err)
}

// Query runs a query, as (*sql.DB).Query.
func (h *Handle) Query(query string, args ...any) (*sql.Rows, error) {
	rows, err := h.db.Query(query, args...)
	return rows, checked(err)
}

// QueryRow runs a query for one row, as (*sql.DB).QueryRow.
func (h *Handle) QueryRow(query string, args ...any) *sql.Row { return h.db.QueryRow(query, args...) }

// Begin starts a transaction, as (*sql.DB).Begin.
func (h *Handle) Begin() (*sql.Tx, error) {
	tx, err := h.db.Begin()
	return tx, checked(err)
}

// String says what it is and nothing of where.
func (h *Handle) String() string { return "the test database" }
