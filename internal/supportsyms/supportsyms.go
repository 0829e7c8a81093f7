// Package supportsyms is the compiled half of the exercises' support
// packages as the interpreter sees them: the yaegi symbol table of
// exercises/testdb, which opens the capstone's databases (its import also
// compiles in the drivers that interpreted code reaches through
// database/sql: SQLite, and PostgreSQL's pgx). The workbook's main hands it
// to the interpreter's workers (interp.WorkerMain), so that the harness
// itself imports no content.
package supportsyms

//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name supportsyms github.com/cqrsworkbook/workbook/exercises/testdb

import "reflect"

// Symbols receives the generated tables (see the go:generate line).
var Symbols = map[string]map[string]reflect.Value{}

// hidden are the support packages' names that interpreted code, the tests
// included, must not reach: OpenDSN opens whatever database its caller
// names (for SQLite, any file on the disk).
var hidden = map[string]map[string]bool{
	"github.com/cqrsworkbook/workbook/exercises/testdb/testdb": {"OpenDSN": true},
}

// Table is the symbol table of the support packages for the interpreter,
// keyed as yaegi's Interpreter.Use expects, without the hidden names.
func Table() map[string]map[string]reflect.Value {
	out := make(map[string]map[string]reflect.Value, len(Symbols))
	for key, syms := range Symbols {
		m := make(map[string]reflect.Value, len(syms))
		for name, v := range syms {
			if !hidden[key][name] {
				m[name] = v
			}
		}
		out[key] = m
	}
	return out
}
