//go:build ignore

package bank

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The dialects of SQL the bank's database code speaks, by the name the
// tests hand over with the database.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// ErrUnknownDialect: a dialect that is neither DialectSQLite nor
// DialectPostgres.
var ErrUnknownDialect = errors.New("unknown SQL dialect")

// schemaSQLite and schemaPostgres create the bank's two tables: events,
// the event store (Part 1), and profiles, a plain CRUD table (Part 2).
// They differ only where the two databases must: how a column numbers its
// rows by itself.
//
// position is the event's place in the whole store, handed out by the
// database. UNIQUE (stream_id, version) is what makes the database itself
// refuse a second event at a version a stream already has, when two
// writers race to append at the same expected version.
var schemaSQLite = []string{
	`CREATE TABLE IF NOT EXISTS events (
		position  INTEGER PRIMARY KEY AUTOINCREMENT,
		stream_id TEXT    NOT NULL,
		version   INTEGER NOT NULL,
		type      TEXT    NOT NULL,
		data      TEXT    NOT NULL,
		at        TEXT    NOT NULL,
		UNIQUE (stream_id, version)
	)`,
	`CREATE TABLE IF NOT EXISTS profiles (
		member_id TEXT PRIMARY KEY,
		name      TEXT NOT NULL,
		email     TEXT NOT NULL
	)`,
}

var schemaPostgres = []string{
	// Two programs starting at once would race to create the tables:
	// PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against that,
	// so they take turns on a lock held until the transaction ends.
	`SELECT pg_advisory_xact_lock(1616)`,
	`CREATE TABLE IF NOT EXISTS events (
		position  BIGSERIAL PRIMARY KEY,
		stream_id TEXT    NOT NULL,
		version   INTEGER NOT NULL,
		type      TEXT    NOT NULL,
		data      TEXT    NOT NULL,
		at        TEXT    NOT NULL,
		UNIQUE (stream_id, version)
	)`,
	`CREATE TABLE IF NOT EXISTS profiles (
		member_id TEXT PRIMARY KEY,
		name      TEXT NOT NULL,
		email     TEXT NOT NULL
	)`,
}

// Schema returns the statements that create the bank's tables in a
// dialect, for a reader who wants to see them; CreateSchema runs them.
func Schema(dialect string) ([]string, error) {
	switch dialect {
	case DialectSQLite:
		return schemaSQLite, nil
	case DialectPostgres:
		return schemaPostgres, nil
	}
	return nil, fmt.Errorf("schema for %q: %w", dialect, ErrUnknownDialect)
}

// DB is what the bank's database code needs of a database: the four
// methods of *sql.DB it calls. The tests hand your code a database they
// opened, as a DB; your code keeps it and never opens one itself.
type DB interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
	Begin() (*sql.Tx, error)
}

// CreateSchema creates the bank's tables in db, in one transaction, unless
// they are there already: a program calls it every time it starts. Every
// other statement of the bank's code is the same in both dialects. Its
// parameters are written $1, $2, ...: PostgreSQL's numbered parameters, and
// in SQLite named parameters, which the workbook's SQLite driver binds by
// their number, $N to the N-th argument.
func CreateSchema(db DB, dialect string) error {
	stmts, err := Schema(dialect)
	if err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	for _, stmt := range stmts {
		if _, err := tx.Exec(stmt); err != nil {
			tx.Rollback()
			return fmt.Errorf("create schema: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	return nil
}

// IsUniqueViolation reports whether err is the database refusing a row
// because a UNIQUE constraint (or a primary key) already has its value:
// "UNIQUE constraint failed" from SQLite, SQLSTATE 23505 from PostgreSQL.
// It reads the error's message, which works whichever driver made it.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") ||
		strings.Contains(msg, "PRIMARY KEY constraint failed") ||
		strings.Contains(msg, "SQLSTATE 23505") ||
		strings.Contains(msg, "duplicate key value")
}
