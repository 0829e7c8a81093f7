package interp

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
)

// faultKind names a runtime error of the package's code the interpreter
// raises in its own words, and that a locate run can place at its line.
type faultKind string

// The runtime errors the worker recognises.
const (
	faultIndex  faultKind = "index"  // index out of range
	faultSlice  faultKind = "slice"  // slice bounds out of range
	faultNilMap faultKind = "nilmap" // assignment to entry in nil map
	faultNil    faultKind = "nil"    // nil pointer dereference
	faultDivide faultKind = "divide" // integer divide by zero
	faultAssert faultKind = "assert" // interface conversion (placed by yaegi itself)
	faultPanic  faultKind = "panic"  // any other value: a call of panic, or a panic of Go code it called
)

// runtimeWords is what go test says for each kind, where the interpreter
// cannot tell the numbers (index, length, capacity) that Go adds.
var runtimeWords = map[faultKind]string{
	faultIndex:  "runtime error: index out of range",
	faultSlice:  "runtime error: slice bounds out of range",
	faultNilMap: "assignment to entry in nil map",
	faultNil:    "runtime error: invalid memory address or nil pointer dereference",
	faultDivide: "runtime error: integer divide by zero",
}

// assertPos is yaegi's error for a failed type assertion, which alone of
// the runtime errors carries the position of the expression.
var assertPos = regexp.MustCompile(`^(\S+?\.go):(\d+):(\d+): (interface conversion: .*)$`)

// classify maps the value of a panic raised while the package's code ran to
// the kind of runtime error it is and go test's words for it. yaegi runs Go
// through reflect, so its panics say what reflect saw ("reflect: slice index
// out of range") where go test says "runtime error: index out of range [2]
// with length 2". A panic of the learner's own (or of a function the code
// called) comes back as it is, of kind faultPanic; a stub's TODO of kind
// "". For a failed type assertion, file, line and col are the assertion's.
func classify(r any) (kind faultKind, msg, file string, line, col int) {
	text := fmt.Sprint(r)
	var ve *reflect.ValueError
	if err, ok := r.(error); ok && errors.As(err, &ve) && ve.Kind == reflect.Invalid {
		// A zero Value is what reflect makes of a nil pointer or a nil
		// interface: the field, the method or the value behind it.
		return faultNil, runtimeWords[faultNil], "", 0, 0
	}
	if _, isErr := r.(error); isErr {
		if m := assertPos.FindStringSubmatch(text); m != nil {
			l, _ := strconv.Atoi(m[2])
			c, _ := strconv.Atoi(m[3])
			return faultAssert, m[4], m[1], l, c
		}
	}
	if re, ok := r.(runtime.Error); ok {
		// A real runtime error, raised by Go code the interpreter runs.
		switch msg := re.Error(); {
		case strings.Contains(msg, "integer divide by zero"):
			return faultDivide, msg, "", 0, 0
		case strings.Contains(msg, "assignment to entry in nil map"):
			return faultNilMap, msg, "", 0, 0
		case strings.Contains(msg, "nil pointer dereference"):
			return faultNil, runtimeWords[faultNil], "", 0, 0
		}
		return faultPanic, msg, "", 0, 0
	}
	if s, ok := r.(string); ok {
		switch {
		case s == "reflect: slice index out of range", s == "reflect: string index out of range", s == "reflect: array index out of range":
			return faultIndex, runtimeWords[faultIndex], "", 0, 0
		case (strings.HasPrefix(s, "reflect.Value.Slice: ") || strings.HasPrefix(s, "reflect.Value.Slice3: ")) && strings.HasSuffix(s, "out of bounds"):
			return faultSlice, runtimeWords[faultSlice], "", 0, 0
		case s == "reflect.Value.Call: call of nil function", s == "reflect: indirection through nil pointer to embedded struct":
			return faultNil, runtimeWords[faultNil], "", 0, 0
		}
	}
	if strings.HasPrefix(text, "TODO(") {
		// A stub's: its only statement, whose line yaegi gives.
		return "", text, "", 0, 0
	}
	return faultPanic, text, "", 0, 0
}

// located is the panic of a check a locate run put in the package's code
// (see instrument): the runtime error the expression at File:Line would
// raise, in go test's words. Interpreted code cannot make one.
type located struct {
	Kind    faultKind
	Message string
	File    string
	Line    int
}

func (l located) Error() string { return l.Message }

// The checks a locate run calls, through the helpers of locateHelpers.

func checkFault(kind string, file string, line int) {
	panic(located{Kind: faultKind(kind), Message: runtimeWords[faultKind(kind)], File: file, Line: line})
}

// checkIndex is Go's bounds check of x[i] with len(x) == n.
func checkIndex(i, n int, file string, line int) int {
	if i < 0 || i >= n {
		panic(located{Kind: faultIndex, Message: boundsError("index out of range [%x] with length %y", "index out of range [%x]", i, n), File: file, Line: line})
	}
	return i
}

// Forms of a slice expression for checkSlice.
const (
	sliceThree    = 1 // x[i:j:k]
	sliceCapacity = 2 // x is a slice (Go speaks of its capacity; of a string's or array's length)
)

// checkSlice is Go's bounds check of x[i:j] or x[i:j:k], in the compiler's
// order (the last bound first), and returns i.
func checkSlice(i, j, k, length, capacity, form int, file string, line int) int {
	fail := func(format, negative string, x, y int) {
		panic(located{Kind: faultSlice, Message: boundsError(format, negative, x, y), File: file, Line: line})
	}
	with := "length"
	if form&sliceCapacity != 0 {
		with = "capacity"
	}
	if form&sliceThree != 0 {
		if k < 0 || k > capacity {
			fail("slice bounds out of range [::%x] with "+with+" %y", "slice bounds out of range [::%x]", k, capacity)
		}
		if j < 0 || j > k {
			fail("slice bounds out of range [:%x:%y]", "slice bounds out of range [:%x:]", j, k)
		}
		if i < 0 || i > j {
			fail("slice bounds out of range [%x:%y:]", "slice bounds out of range [%x::]", i, j)
		}
		return i
	}
	if j < 0 || j > capacity {
		fail("slice bounds out of range [:%x] with "+with+" %y", "slice bounds out of range [:%x]", j, capacity)
	}
	if i < 0 || i > j {
		fail("slice bounds out of range [%x:%y]", "slice bounds out of range [%x:]", i, j)
	}
	return i
}

// boundsError writes a bounds error as the runtime does (runtime/error.go).
func boundsError(format, negative string, x, y int) string {
	if x < 0 {
		format = negative
	}
	r := strings.NewReplacer("%x", fmt.Sprint(x), "%y", fmt.Sprint(y))
	return "runtime error: " + r.Replace(format)
}

// locatePath is the import path of the checks in a locate run.
const locatePath = "workbook.locate/check"

// locateExports are the checks, for the interpreter of a locate run only.
var locateExports = map[string]map[string]reflect.Value{
	locatePath + "/check": {
		"Fault": reflect.ValueOf(checkFault),
		"Index": reflect.ValueOf(checkIndex),
		"Slice": reflect.ValueOf(checkSlice),
	},
}

// locateHelpers is the file a locate run adds to the package: the checks the
// instrumented expressions call, generic where the value keeps its type.
const locateHelpers = `package %s

import __wbcheck "` + locatePath + `"

func __wbIndex(i, n int, file string, line int) int { return __wbcheck.Index(i, n, file, line) }

func __wbSlice(i, j, k, length, capacity, form int, file string, line int) int {
	return __wbcheck.Slice(i, j, k, length, capacity, form, file, line)
}

func __wbNonZero[T comparable](v T, kind string, file string, line int) T {
	var zero T
	if v == zero {
		__wbcheck.Fault(kind, file, line)
	}
	return v
}

func __wbIf[T any](v T, fault bool, kind string, file string, line int) T {
	if fault {
		__wbcheck.Fault(kind, file, line)
	}
	return v
}

func __wbPanic[T any](v T, file string, line int) T {
	__wbcheck.Fault("panic", file, line)
	return v
}

func __wbFault(fault bool, kind string, file string, line int) {
	if fault {
		__wbcheck.Fault(kind, file, line)
	}
}
`

// locateFile is the name of the helpers' file in a locate run.
const locateFile = "zz_workbook_locate.go"
