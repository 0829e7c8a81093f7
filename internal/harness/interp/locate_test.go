package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness/preflight"
)

// TestInstrument instruments one function of a file and checks the line
// the check goes in, that every line keeps its number, and that the result
// still type-checks.
func TestInstrument(t *testing.T) {
	head := "package bank\n\nimport \"strings\"; var _ = strings.Fields\n\ntype acc struct{ n int }\n\nfunc (a acc) N() int { return a.n }\n\ntype Namer interface{ Name() string }\n\n"
	tests := []struct {
		name string
		body string // the function F, which starts at line 11
		kind faultKind
		want string // line 13 of the result; "" for no change
	}{
		{"a slice index", "func F(s string) string {\n\tf := strings.Fields(s)\n\treturn f[1] + f[2]\n}\n", faultIndex,
			`	return f[__wbIndex(int(1), len(f), "parse.go", 13)] + f[__wbIndex(int(2), len(f), "parse.go", 13)]`},
		{"a string index", "func F(s string, i uint8) byte {\n\t_ = s\n\treturn s[i]\n}\n", faultIndex,
			`	return s[__wbIndex(int(i), len(s), "parse.go", 13)]`},
		{"an index of an index", "func F(g [][]int, y, x int) int {\n\t_ = g\n\treturn g[y][x]\n}\n", faultIndex,
			`	return g[__wbIndex(int(y), len(g), "parse.go", 13)][__wbIndex(int(x), len(g[y]), "parse.go", 13)]`},
		{"an index written to", "func F(s []int, i int) {\n\t_ = s\n\ts[i]++\n}\n", faultIndex,
			`	s[__wbIndex(int(i), len(s), "parse.go", 13)]++`},
		{"an index of a call's result is left alone", "func F(s string) string {\n\t_ = s\n\treturn strings.Fields(s)[2]\n}\n", faultIndex, ""},
		{"a map index is not bounds-checked", "func F(m map[int]int) int {\n\t_ = m\n\treturn m[3]\n}\n", faultIndex, ""},
		{"a nested function is its own", "func F(s []int) func() int {\n\t_ = s\n\treturn func() int { return s[3] }\n}\n", faultIndex, ""},
		{"a slice", "func F(s []int, n int) []int {\n\t_ = s\n\treturn s[:n]\n}\n", faultSlice,
			`	return s[__wbSlice(0, int(n), 0, len(s), cap(s), 2, "parse.go", 13):n]`},
		{"a string sliced from", "func F(s string, n int) string {\n\t_ = s\n\treturn s[n:]\n}\n", faultSlice,
			`	return s[__wbSlice(int(n), len(s), 0, len(s), len(s), 0, "parse.go", 13):]`},
		{"a three-index slice", "func F(s []int, i, j, k int) []int {\n\t_ = s\n\treturn s[i:j:k]\n}\n", faultSlice,
			`	return s[__wbSlice(int(i), int(j), int(k), len(s), cap(s), 3, "parse.go", 13):j:k]`},
		{"a map written to", "func F(m map[string]int, k string) {\n\t_ = m\n\tm[k] += 2\n}\n", faultNilMap,
			`	__wbFault(m == nil, "nilmap", "parse.go", 13); m[k] += 2`},
		{"a map incremented in a case", "func F(m map[string]int, k string) {\n\tswitch k {\n\tcase \"a\": m[k]++\n\t}\n}\n", faultNilMap,
			`	case "a": __wbFault(m == nil, "nilmap", "parse.go", 13); m[k]++`},
		{"a field through a pointer", "func F(a *acc) int {\n\t_ = a\n\treturn a.n\n}\n", faultNil,
			`	return __wbNonZero(a, "nil", "parse.go", 13).n`},
		{"a field of a value is no dereference", "func F(a acc) int {\n\t_ = a\n\treturn a.n\n}\n", faultNil, ""},
		{"a value method through a pointer", "func F(a *acc) int {\n\t_ = a\n\treturn a.N()\n}\n", faultNil,
			`	return __wbNonZero(a, "nil", "parse.go", 13).N()`},
		{"a method of an interface", "func F(x Namer) string {\n\t_ = x\n\treturn x.Name()\n}\n", faultNil,
			`	return __wbNonZero(x, "nil", "parse.go", 13).Name()`},
		{"a pointer dereferenced", "func F(p *int) int {\n\t_ = p\n\treturn *p + 1\n}\n", faultNil,
			`	return *__wbNonZero(p, "nil", "parse.go", 13) + 1`},
		{"a function value called", "func F(f func() int) int {\n\t_ = f\n\treturn f()\n}\n", faultNil,
			`	return __wbIf(f, f == nil, "nil", "parse.go", 13)()`},
		{"a declared function called is no dereference", "func F() int {\n\t_ = 1\n\treturn G()\n}\n\nfunc G() int { return 1 }\n", faultNil, ""},
		{"an integer division", "func F(a, b int) int {\n\t_ = a\n\treturn a / (b - 1) % b\n}\n", faultDivide,
			`	return a / __wbNonZero((b - 1), "divide", "parse.go", 13) % __wbNonZero(b, "divide", "parse.go", 13)`},
		{"a division assigned", "func F(a, b int64) int64 {\n\t_ = a\n\ta /= b\n\treturn a\n}\n", faultDivide,
			`	a /= __wbNonZero(b, "divide", "parse.go", 13)`},
		{"by a constant, the compiler checks", "func F(a int) int {\n\t_ = a\n\treturn a / 2\n}\n", faultDivide, ""},
		{"a float division does not panic", "func F(a, b float64) float64 {\n\t_ = a\n\treturn a / b\n}\n", faultDivide, ""},
		{"a panic of the learner's", "func F(s string) {\n\t_ = s\n\tpanic(\"no \" + s)\n}\n", faultPanic,
			`	panic(__wbPanic("no " + s, "parse.go", 13))`},
	}
	for _, tt := range tests {
		src := head + tt.body
		files := map[string][]byte{"parse.go": []byte(src)}
		out, ok := instrument(files, []target{{File: "parse.go", Line: 12, Col: 2, Kind: tt.kind}})
		if !ok {
			t.Errorf("%s: instrument(%q) failed", tt.name, tt.body)
			continue
		}
		got := string(out["parse.go"])
		gotLines, srcLines := strings.Split(got, "\n"), strings.Split(src, "\n")
		if len(gotLines) != len(srcLines) {
			t.Errorf("%s: instrument(%q) made %d lines of %d", tt.name, tt.body, len(gotLines), len(srcLines))
			continue
		}
		want := tt.want
		if want == "" {
			want = srcLines[12]
		}
		if gotLines[12] != want {
			t.Errorf("%s: instrument(%q): line 13 =\n\t%s\nwant\n\t%s", tt.name, tt.body, gotLines[12], want)
		}
		if errs := typeErrors(t, out, "parse.go"); len(errs) > 0 {
			t.Errorf("%s: instrument(%q) does not type-check: %v\n%s", tt.name, tt.body, errs, got)
		}
	}
}

// typeErrors type-checks the files, with the checks' package as yaegi
// gives it to a locate run, and returns the errors in file.
func typeErrors(t *testing.T, files map[string][]byte, file string) []string {
	t.Helper()
	fset := token.NewFileSet()
	var all []*ast.File
	for name, data := range files {
		f, err := parser.ParseFile(fset, name, data, 0)
		if err != nil {
			return []string{err.Error()}
		}
		all = append(all, f)
	}
	var errs []string
	conf := types.Config{Importer: checksImporter{}, Error: func(err error) {
		if te, ok := err.(types.Error); ok && fset.Position(te.Pos).Filename == file {
			errs = append(errs, te.Error())
		}
	}}
	conf.Check("bank", fset, all, nil)
	return errs
}

// checksImporter is preflight's importer, and the checks' package with
// the signatures of locateExports.
type checksImporter struct{}

func (checksImporter) Import(path string) (*types.Package, error) {
	if path != locatePath {
		return preflight.Importer().Import(path)
	}
	pkg := types.NewPackage(path, "check")
	integer, str := types.Typ[types.Int], types.Typ[types.String]
	fn := func(name string, params []types.Type, results ...types.Type) {
		var ps, rs []*types.Var
		for _, p := range params {
			ps = append(ps, types.NewParam(token.NoPos, pkg, "", p))
		}
		for _, r := range results {
			rs = append(rs, types.NewParam(token.NoPos, pkg, "", r))
		}
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(ps...), types.NewTuple(rs...), false)
		pkg.Scope().Insert(types.NewFunc(token.NoPos, pkg, name, sig))
	}
	fn("Fault", []types.Type{str, str, integer})
	fn("Index", []types.Type{integer, integer, str, integer}, integer)
	fn("Slice", []types.Type{integer, integer, integer, integer, integer, integer, str, integer}, integer)
	pkg.MarkComplete()
	return pkg, nil
}

func TestAssertWords(t *testing.T) {
	src := "package bank\n\ntype Command interface{ ID() string }\n\ntype Open struct{ Account, Owner string }\n\nfunc (Open) ID() string { return \"\" }\n\ntype Close struct{ Account string }\n\nfunc (Close) ID() string { return \"\" }\n\n" +
		"type Dep struct{ Account string; Amount int }\ntype Wd struct{ Account string; Amount int }\n\n" +
		"func F(c Command, x any) {\n\t_ = c.(Close)\n\t_ = x.(int)\n\t_ = x.(Command)\n}\n"
	files := map[string][]byte{"parse.go": []byte(src)}
	tests := []struct {
		name      string
		line, col int
		yaegi     string
		want      string
	}{
		{"a struct for another", 17, 6, "interface conversion: interface {} is struct { Account string; Owner string }, not struct { Account string }",
			"interface conversion: bank.Command is bank.Open, not bank.Close"},
		{"nil for a struct", 17, 6, "interface conversion: interface {} is nil, not struct { Account string }",
			"interface conversion: interface is nil, not bank.Close"},
		{"one of two of a shape", 17, 6, "interface conversion: interface {} is struct { Account string; Amount int }, not struct { Account string }",
			"interface conversion: bank.Command is struct { Account string; Amount int }, not bank.Close"},
		{"a compiled type from any", 18, 6, "interface conversion: interface {} is string, not int",
			"interface conversion: interface {} is string, not int"},
		{"a compiled type for an interface", 19, 6, "interface conversion: string is not bank.Command: missing method ID",
			"interface conversion: string is not bank.Command: missing method ID"},
		{"no assertion there", 18, 2, "interface conversion: interface {} is string, not int",
			"interface conversion: interface {} is string, not int"},
	}
	for _, tt := range tests {
		if got := assertWords(files, "parse.go", tt.line, tt.col, tt.yaegi); got != tt.want {
			t.Errorf("%s: assertWords(parse.go:%d:%d, %q) = %q, want %q", tt.name, tt.line, tt.col, tt.yaegi, got, tt.want)
		}
	}
}
