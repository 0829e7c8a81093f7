package testdb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenReopen(t *testing.T) {
	for _, dialect := range Dialects() {
		t.Run(dialect, func(t *testing.T) {
			d := Open(t, dialect)
			_, err := d.DB.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
			require.NoError(t, err)
			_, err = d.DB.Exec("INSERT INTO notes (id, body) VALUES ($1, $2)", 1, "kept")
			require.NoError(t, err)
			require.NoError(t, d.DB.Close())

			again := d.Reopen()
			var body string
			require.NoError(t, again.QueryRow("SELECT body FROM notes WHERE id = $1", 1).Scan(&body))
			assert.Equal(t, "kept", body, "Reopen sees what was committed before")
		})
	}
}

func TestOpenIsFresh(t *testing.T) {
	for _, dialect := range Dialects() {
		t.Run(dialect, func(t *testing.T) {
			a, b := Open(t, dialect), Open(t, dialect)
			_, err := a.DB.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
			require.NoError(t, err)
			_, err = b.DB.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
			assert.NoError(t, err, "two Opens share nothing")
		})
	}
}

func TestSQLiteRefusesFileWrites(t *testing.T) {
	d := Open(t, SQLite)
	dir := t.TempDir()
	for _, stmt := range []string{
		"ATTACH DATABASE '" + filepath.Join(dir, "other.db") + "' AS other",
		"VACUUM INTO '" + filepath.Join(dir, "copy.db") + "'",
	} {
		_, err := d.DB.Exec(stmt)
		if assert.Error(t, err, "Exec(%q)", stmt) {
			assert.True(t, strings.Contains(err.Error(), "authoriz"), "Exec(%q) = %v, want a refusal by the authorizer", stmt, err)
		}
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*"))
	assert.Empty(t, m, "no file was written")
}

// TestPowerfulRoleRefused: a role that may touch the server's files (here
// a member of pg_read_server_files, which scripts/postgres.sh makes as
// workbook_powerful for this test) gets no schema, and the plain role does.
func TestPowerfulRoleRefused(t *testing.T) {
	powerful := os.Getenv("WORKBOOK_POSTGRES_POWERFUL_URL")
	if startURL == "" || powerful == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: WORKBOOK_POSTGRES_URL and WORKBOOK_POSTGRES_POWERFUL_URL must be set (scripts/postgres.sh)")
		}
		t.Skip("skipped: no PostgreSQL server with a powerful role (scripts/postgres.sh sets WORKBOOK_POSTGRES_POWERFUL_URL)")
	}
	if _, err := freshSchema(t, powerful); !errors.Is(err, ErrPowerfulRole) {
		t.Errorf("freshSchema(the powerful role) = %v, want ErrPowerfulRole", err)
	}
	if _, err := freshSchema(t, startURL); err != nil {
		t.Errorf("freshSchema(the plain role) = %v, want a schema", err)
	}
}

func TestUnknownDialect(t *testing.T) {
	ft := &fakeT{TB: t}
	func() {
		defer func() { recover() }()
		Open(ft, "oracle")
	}()
	assert.Contains(t, ft.msg, `unknown dialect "oracle"`)
}

// fakeT records a Fatalf and stops the calling goroutine's function by
// panicking, as the real one would by runtime.Goexit.
type fakeT struct {
	testing.TB
	msg string
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.msg = strings.TrimSpace(fmt.Sprintf(format, args...))
	panic("fatal")
}

func (f *fakeT) Helper() {}
