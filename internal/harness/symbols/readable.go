package symbols

import (
	"reflect"
	"unsafe"
)

// The interpreter keeps the elements of a slice or map of an interpreted
// interface type (a []Event, say) in a struct of its own, a node and a
// reflect.Value. testify, compiled, prints what it is handed, so a failing
// assertion on such a slice showed learners that struct with its pointers
// ([]interp.valueInterface{interp.valueInterface{node:(*interp.node)(0xc0...)...}})
// where go test shows the events. The assertions the interpreter uses take
// such values as they would be in compiled code: the slice or map rebuilt
// with the elements themselves, as []any or map[K]any.

// yaegiBox is the interpreter's struct for a value of an interpreted
// interface type.
const (
	yaegiPkg = "github.com/traefik/yaegi/interp"
	yaegiBox = "valueInterface"
)

// readableAssertions wraps every function of a testify package's table so
// that its arguments are readable first.
func readableAssertions(syms map[string]reflect.Value) map[string]reflect.Value {
	out := make(map[string]reflect.Value, len(syms))
	for name, v := range syms {
		if v.Kind() == reflect.Func && !v.IsNil() {
			v = readableFunc(v)
		}
		out[name] = v
	}
	return out
}

// readableFunc is fn with readable arguments.
func readableFunc(fn reflect.Value) reflect.Value {
	return reflect.MakeFunc(fn.Type(), func(args []reflect.Value) []reflect.Value {
		for i, a := range args {
			args[i] = readableArg(a)
		}
		if fn.Type().IsVariadic() {
			return fn.CallSlice(args)
		}
		return fn.Call(args)
	})
}

// readableArg makes an interface argument readable, and each argument of
// a variadic ...interface{} (testify's msgAndArgs) too.
func readableArg(a reflect.Value) reflect.Value {
	switch {
	case a.Kind() == reflect.Interface && !a.IsNil():
		if r, ok := readable(a.Elem()); ok {
			out := reflect.New(a.Type()).Elem()
			out.Set(r)
			return out
		}
	case a.Kind() == reflect.Slice && a.Type().Elem().Kind() == reflect.Interface:
		out := reflect.MakeSlice(a.Type(), a.Len(), a.Len())
		for i := range a.Len() {
			out.Index(i).Set(readableArg(a.Index(i)))
		}
		return out
	}
	return a
}

// isBox reports whether t is the interpreter's struct for an interface value.
func isBox(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == yaegiBox && t.PkgPath() == yaegiPkg
}

// readable returns v, a slice or map whose elements are the interpreter's
// boxes, rebuilt with the values inside them; ok is false for anything else,
// and when a box's value cannot be taken out.
func readable(v reflect.Value) (reflect.Value, bool) {
	anyType := reflect.TypeOf((*any)(nil)).Elem()
	switch {
	case v.Kind() == reflect.Slice && isBox(v.Type().Elem()):
		if v.IsNil() {
			return reflect.Zero(reflect.SliceOf(anyType)), true
		}
		out := reflect.MakeSlice(reflect.SliceOf(anyType), v.Len(), v.Len())
		for i := range v.Len() {
			e, ok := unbox(v.Index(i))
			if !ok {
				return v, false
			}
			out.Index(i).Set(e)
		}
		return out, true
	case v.Kind() == reflect.Map && isBox(v.Type().Elem()):
		t := reflect.MapOf(v.Type().Key(), anyType)
		if v.IsNil() {
			return reflect.Zero(t), true
		}
		out := reflect.MakeMapWithSize(t, v.Len())
		it := v.MapRange()
		for it.Next() {
			box := reflect.New(v.Type().Elem()).Elem() // addressable
			box.Set(it.Value())
			e, ok := unbox(box)
			if !ok {
				return v, false
			}
			out.SetMapIndex(it.Key(), e)
		}
		return out, true
	}
	return v, false
}

// unbox returns the value inside an addressable box, as an any.
func unbox(box reflect.Value) (reflect.Value, bool) {
	anyType := reflect.TypeOf((*any)(nil)).Elem()
	f, ok := box.Type().FieldByName("value")
	if !ok || f.Type != reflect.TypeOf(reflect.Value{}) || !box.CanAddr() {
		return reflect.Value{}, false
	}
	inner := *(*reflect.Value)(unsafe.Pointer(box.FieldByIndex(f.Index).UnsafeAddr()))
	out := reflect.New(anyType).Elem()
	if !inner.IsValid() {
		return out, true // a nil interface
	}
	if !inner.CanInterface() {
		return reflect.Value{}, false
	}
	if inner.Kind() == reflect.Interface {
		if inner.IsNil() {
			return out, true
		}
		inner = inner.Elem()
	}
	if isBox(inner.Type()) {
		b := reflect.New(inner.Type()).Elem()
		b.Set(inner)
		return unbox(b)
	}
	out.Set(inner)
	return out, true
}
