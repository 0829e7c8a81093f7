package interp

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// panicOf runs f and returns what it panicked with.
func panicOf(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

func TestClassify(t *testing.T) {
	var nilMap map[string]int
	zero := 0
	tests := []struct {
		name      string
		value     any
		kind      faultKind
		msg       string
		file      string
		line, col int
	}{
		{"slice index", "reflect: slice index out of range", faultIndex, "runtime error: index out of range", "", 0, 0},
		{"string index", "reflect: string index out of range", faultIndex, "runtime error: index out of range", "", 0, 0},
		{"array index", "reflect: array index out of range", faultIndex, "runtime error: index out of range", "", 0, 0},
		{"slice bounds", "reflect.Value.Slice: slice index out of bounds", faultSlice, "runtime error: slice bounds out of range", "", 0, 0},
		{"string slice bounds", "reflect.Value.Slice: string slice index out of bounds", faultSlice, "runtime error: slice bounds out of range", "", 0, 0},
		{"three-index bounds", "reflect.Value.Slice3: slice index out of bounds", faultSlice, "runtime error: slice bounds out of range", "", 0, 0},
		{"field of a nil pointer", &reflect.ValueError{Method: "reflect.Value.Field", Kind: reflect.Invalid}, faultNil, "runtime error: invalid memory address or nil pointer dereference", "", 0, 0},
		{"a method of a nil interface", &reflect.ValueError{Method: "reflect.Value.Interface", Kind: reflect.Invalid}, faultNil, "runtime error: invalid memory address or nil pointer dereference", "", 0, 0},
		{"a nil function", "reflect.Value.Call: call of nil function", faultNil, "runtime error: invalid memory address or nil pointer dereference", "", 0, 0},
		{"a nil embedded pointer", "reflect: indirection through nil pointer to embedded struct", faultNil, "runtime error: invalid memory address or nil pointer dereference", "", 0, 0},
		{"reflect on a struct is no nil", &reflect.ValueError{Method: "reflect.Value.SetInt", Kind: reflect.Struct}, faultPanic, "reflect: call of reflect.Value.SetInt on struct Value", "", 0, 0},
		{"nil map write", panicOf(func() { nilMap["x"] = 1 }), faultNilMap, "assignment to entry in nil map", "", 0, 0},
		{"divide by zero", panicOf(func() { _ = 1 / zero }), faultDivide, "runtime error: integer divide by zero", "", 0, 0},
		{"a nil pointer in Go code", panicOf(func() { var p *struct{ n int }; p.n++ }), faultNil, "runtime error: invalid memory address or nil pointer dereference", "", 0, 0},
		{"type assertion", errors.New("src/x/01-commands/parse.go:9:10: interface conversion: interface {} is string, not int"), faultAssert, "interface conversion: interface {} is string, not int", "src/x/01-commands/parse.go", 9, 10},
		{"the learner's own", "boom", faultPanic, "boom", "", 0, 0},
		{"the learner's own error", errors.New("bad input"), faultPanic, "bad input", "", 0, 0},
		{"a stub", "TODO(ch01): implement ParseCommand", "", "TODO(ch01): implement ParseCommand", "", 0, 0},
	}
	for _, tt := range tests {
		kind, msg, file, line, col := classify(tt.value)
		if kind != tt.kind || msg != tt.msg || file != tt.file || line != tt.line || col != tt.col {
			t.Errorf("%s: classify(%#v) = %q, %q, %q, %d, %d; want %q, %q, %q, %d, %d", tt.name, tt.value, kind, msg, file, line, col, tt.kind, tt.msg, tt.file, tt.line, tt.col)
		}
	}
}

// TestChecksSayWhatGoSays compares each check's message with the runtime's
// own for the same expression.
func TestChecksSayWhatGoSays(t *testing.T) {
	s := make([]int, 2, 3)
	str := "ab"
	var arr [3]int
	tests := []struct {
		expr  string
		real  func()
		check func()
	}{
		{"s[2]", func() { i := 2; _ = s[i] }, func() { checkIndex(2, len(s), "f.go", 1) }},
		{"s[-1]", func() { i := -1; _ = s[i] }, func() { checkIndex(-1, len(s), "f.go", 1) }},
		{"str[5]", func() { i := 5; _ = str[i] }, func() { checkIndex(5, len(str), "f.go", 1) }},
		{"arr[3]", func() { i := 3; _ = arr[i] }, func() { checkIndex(3, len(arr), "f.go", 1) }},
		{"s[:5]", func() { j := 5; _ = s[:j] }, func() { checkSlice(0, 5, 0, len(s), cap(s), sliceCapacity, "f.go", 1) }},
		{"s[:-1]", func() { j := -1; _ = s[:j] }, func() { checkSlice(0, -1, 0, len(s), cap(s), sliceCapacity, "f.go", 1) }},
		{"s[3:]", func() { i := 3; _ = s[i:] }, func() { checkSlice(3, len(s), 0, len(s), cap(s), sliceCapacity, "f.go", 1) }},
		{"s[2:1]", func() { i, j := 2, 1; _ = s[i:j] }, func() { checkSlice(2, 1, 0, len(s), cap(s), sliceCapacity, "f.go", 1) }},
		{"s[-1:]", func() { i := -1; _ = s[i:] }, func() { checkSlice(-1, len(s), 0, len(s), cap(s), sliceCapacity, "f.go", 1) }},
		{"str[:3]", func() { j := 3; _ = str[:j] }, func() { checkSlice(0, 3, 0, len(str), len(str), 0, "f.go", 1) }},
		{"str[3:]", func() { i := 3; _ = str[i:] }, func() { checkSlice(3, len(str), 0, len(str), len(str), 0, "f.go", 1) }},
		{"arr[:4]", func() { j := 4; _ = arr[:j] }, func() { checkSlice(0, 4, 0, len(arr), cap(arr), 0, "f.go", 1) }},
		{"s[0:1:4]", func() { k := 4; _ = s[0:1:k] }, func() { checkSlice(0, 1, 4, len(s), cap(s), sliceThree|sliceCapacity, "f.go", 1) }},
		{"s[0:3:2]", func() { j, k := 3, 2; _ = s[0:j:k] }, func() { checkSlice(0, 3, 2, len(s), cap(s), sliceThree|sliceCapacity, "f.go", 1) }},
		{"s[2:1:3]", func() { i, j := 2, 1; _ = s[i:j:3] }, func() { checkSlice(2, 1, 3, len(s), cap(s), sliceThree|sliceCapacity, "f.go", 1) }},
	}
	for _, tt := range tests {
		want := fmt.Sprint(panicOf(tt.real))
		got, ok := panicOf(tt.check).(located)
		if !ok || got.Message != want {
			t.Errorf("the check of %s panics with %+v, want the runtime's %q", tt.expr, got, want)
		}
	}
	if r := panicOf(func() { checkIndex(1, 2, "f.go", 1); checkSlice(0, 2, 0, 2, 3, sliceCapacity, "f.go", 1) }); r != nil {
		t.Errorf("checks of expressions in range panicked: %v", r)
	}
}
