// Package symbols is the table of compiled packages that interpreted learner
// code may import: an allowlist of the standard library (as of the Go 1.22
// API that yaegi ships) and testify, extracted with yaegi extract.
package symbols

//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols github.com/stretchr/testify/assert github.com/stretchr/testify/require

import (
	"reflect"
	"sort"
	"strings"

	"github.com/traefik/yaegi/stdlib"
)

// Symbols receives the generated testify tables (see the go:generate line).
var Symbols = map[string]map[string]reflect.Value{}

// Allowed lists the import paths learner code may use. Anything that reaches
// the operating system (os, os/exec, net/..., syscall, unsafe, reflect,
// runtime, plugin, io/ioutil) is left out on purpose.
var Allowed = []string{
	"bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring", "context",
	"encoding/csv", "encoding/json", "errors", "flag", "fmt", "hash/fnv", "io",
	"log", "maps", "math", "math/rand", "regexp", "slices", "sort", "strconv",
	"strings", "sync", "sync/atomic", "testing", "text/tabwriter", "time",
	"unicode", "unicode/utf8", "database/sql",
	"github.com/stretchr/testify/assert", "github.com/stretchr/testify/require",
}

// learnerPackages are the packages a learner's own files may import, with
// the names each may use (nil: every exported name). It is a list of
// capabilities, not of dangers: pure computation, text, time, and of
// database/sql only the values a store works with, never a way to open or
// reach a database; no flag, testing, testify or the workbook's own support
// packages, which only the workbook's tests use. Both engines hold learner
// files to it (internal/harness/preflight).
var learnerPackages = map[string]map[string]bool{
	"bufio": nil, "bytes": nil, "cmp": nil, "container/heap": nil, "container/list": nil,
	"container/ring": nil, "context": nil, "encoding/csv": nil, "encoding/json": nil, "errors": nil,
	"fmt": nil, "hash/fnv": nil, "io": nil, "maps": nil, "math": nil, "math/rand": nil,
	"regexp": nil, "slices": nil, "sort": nil, "strconv": nil, "strings": nil, "sync": nil,
	"sync/atomic": nil, "text/tabwriter": nil, "time": nil, "unicode": nil, "unicode/utf8": nil,
	"log": names("Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"),
	"database/sql": names(
		"ErrNoRows", "ErrTxDone", "ErrConnDone", "Result", "Rows", "Row", "Tx", "TxOptions", "Stmt",
		"ColumnType", "Scanner", "RawBytes", "Named", "NamedArg", "Out",
		"IsolationLevel", "LevelDefault", "LevelReadUncommitted", "LevelReadCommitted",
		"LevelWriteCommitted", "LevelRepeatableRead", "LevelSnapshot", "LevelSerializable", "LevelLinearizable",
		"Null", "NullBool", "NullByte", "NullFloat64", "NullInt16", "NullInt32", "NullInt64", "NullString", "NullTime"),
}

func names(ns ...string) map[string]bool {
	m := make(map[string]bool, len(ns))
	for _, n := range ns {
		m[n] = true
	}
	return m
}

// LearnerMayImport reports whether a learner's own file may import path.
func LearnerMayImport(path string) bool {
	_, ok := learnerPackages[path]
	return ok
}

// LearnerMayUse reports whether a learner's own file may use the exported
// name of the package at path (which it may import).
func LearnerMayUse(path, name string) bool {
	allowed, ok := learnerPackages[path]
	return ok && (allowed == nil || allowed[name])
}

// LearnerList is what learner files may import, as one readable line.
func LearnerList() string {
	ps := make([]string, 0, len(learnerPackages))
	for p := range learnerPackages {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return strings.Join(ps, ", ")
}

// hidden are symbols of allowed packages that would still reach the file
// system, by package: testify's file assertions, and opening a database
// (which for SQLite is a file anywhere on the disk; the capstone's tests
// hand learner code a database that testdb opened in a temporary folder).
// The support packages hide their own (internal/supportsyms).
var hidden = map[string]map[string]bool{
	"github.com/stretchr/testify/assert":  fileAssertions,
	"github.com/stretchr/testify/require": fileAssertions,
	"database/sql":                        {"Open": true, "OpenDB": true, "Register": true},
	// Running a test binary's main again would parse its flags and write
	// the profiles and traces they name.
	"testing": {"Main": true, "MainStart": true, "Init": true, "RunTests": true, "RunBenchmarks": true, "RunExamples": true},
}

var fileAssertions = map[string]bool{
	"FileExists": true, "FileExistsf": true, "NoFileExists": true, "NoFileExistsf": true,
	"DirExists": true, "DirExistsf": true, "NoDirExists": true, "NoDirExistsf": true,
}

// testdbPath is the support package that opens the capstone's databases.
const testdbPath = "github.com/cqrsworkbook/workbook/exercises/testdb"

// IsSupport reports whether path is one of the workbook's own packages that
// exercises may import besides the allowlist: the puzzle inputs and the
// capstone's test databases.
func IsSupport(path string) bool {
	return path == "github.com/cqrsworkbook/workbook/exercises/puzzle" || path == testdbPath
}

// IsHidden reports whether name, of an allowed package at path, is kept
// from learner code even so.
func IsHidden(path, name string) bool {
	return hidden[path][name]
}

// IsAllowed reports whether learner code may import path.
func IsAllowed(path string) bool {
	for _, p := range Allowed {
		if p == path {
			return true
		}
	}
	return false
}

// AllowedList is Allowed as one readable line.
func AllowedList() string {
	std := []string{}
	for _, p := range Allowed {
		if !strings.Contains(p, ".") {
			std = append(std, p)
		}
	}
	sort.Strings(std)
	return strings.Join(std, ", ") + " and testify's assert and require"
}

// Table returns the symbol table of the allowed packages, keyed as yaegi's
// Interpreter.Use expects ("strings/strings"), with the compiled support
// packages' table of support (internal/supportsyms; only the packages
// IsSupport names are taken from it).
func Table(support map[string]map[string]reflect.Value) map[string]map[string]reflect.Value {
	out := map[string]map[string]reflect.Value{}
	for _, src := range []map[string]map[string]reflect.Value{stdlib.Symbols, Symbols, support} {
		for key, syms := range src {
			i := strings.LastIndex(key, "/")
			if i < 0 || !IsAllowed(key[:i]) && !IsSupport(key[:i]) {
				continue
			}
			m := make(map[string]reflect.Value, len(syms))
			for name, v := range syms {
				if !IsHidden(key[:i], name) {
					m[name] = v
				}
			}
			if p := key[:i]; p == "github.com/stretchr/testify/assert" || p == "github.com/stretchr/testify/require" {
				m = readableAssertions(m)
			}
			out[key] = m
		}
	}
	return out
}

// Has reports whether the package at path exports name to the interpreter.
// ok is false when the package is not in the table at all.
func Has(path, name string) (has, ok bool) {
	base := path[strings.LastIndex(path, "/")+1:]
	for _, src := range []map[string]map[string]reflect.Value{stdlib.Symbols, Symbols} {
		if syms, found := src[path+"/"+base]; found {
			_, has = syms[name]
			return has, true
		}
	}
	return false, false
}
