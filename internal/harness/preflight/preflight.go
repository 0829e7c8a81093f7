// Package preflight checks a learner's code before it runs: imports outside
// the workbook's allowlist, and the Go features the interpreter cannot run
// yet, each answered at its line with what to write instead.
package preflight

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/harness/symbols"
)

// Diagnostic is one problem at a place in a file.
type Diagnostic struct {
	Kind    string // compile, import or interpreter
	File    string
	Line    int
	Col     int
	Message string
	// GoEngineRuns is set for Go the interpreter cannot run and the go
	// engine runs as it is. The message says so in words that fit any
	// screen; how to choose the go engine is the caller's to say.
	GoEngineRuns bool
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Message)
}

const goEngineNote = " (the go engine runs it as is)"

// Check looks at the package files (by base name): the files named in
// learner are held to what learner code may use, in both engines; interp
// adds the checks for the interpreter's gaps, in every file.
func Check(files map[string][]byte, learner []string, interp bool) []Diagnostic {
	fset := token.NewFileSet()
	var diags []Diagnostic
	parsed := map[string]*ast.File{}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	isLearner := map[string]bool{}
	for _, n := range learner {
		isLearner[n] = true
	}
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, files[name], parser.ParseComments)
		if err != nil {
			if isLearner[name] {
				var list scanner.ErrorList
				if errors.As(err, &list) {
					for _, e := range list {
						diags = append(diags, Diagnostic{Kind: "compile", File: name, Line: e.Pos.Line, Col: e.Pos.Column, Message: e.Msg})
					}
				} else {
					diags = append(diags, Diagnostic{Kind: "compile", File: name, Line: 1, Col: 1, Message: err.Error()})
				}
			}
			continue
		}
		parsed[name] = f
	}
	if len(diags) > 0 {
		return diags
	}
	kind := "import"
	at := func(p token.Pos, format string, args ...any) {
		pos := fset.Position(p)
		diags = append(diags, Diagnostic{Kind: kind, File: pos.Filename, Line: pos.Line, Col: pos.Column, Message: fmt.Sprintf(format, args...)})
	}
	tc := typeCheck(fset, parsed)
	for _, name := range learner {
		if f := parsed[name]; f != nil {
			capabilities(f, tc, at)
		}
	}
	if !interp {
		return diags
	}
	kind = "interpreter"
	gap := func(p token.Pos, format string, args ...any) {
		at(p, format+goEngineNote, args...)
		diags[len(diags)-1].GoEngineRuns = true
	}
	gaps(fset, parsed, names, tc, at, gap)
	return diags
}

// checked is the package as go/types saw it. Without a Go toolchain the
// standard library is empty packages, so only what the package itself
// declares is known for sure; that is all the checks below rely on.
type checked struct {
	fset   *token.FileSet
	pkg    *types.Package
	info   *types.Info
	unused []types.Error // "declared and not used", "imported and not used"
}

func typeCheck(fset *token.FileSet, parsed map[string]*ast.File) checked {
	names := make([]string, 0, len(parsed))
	for name := range parsed {
		names = append(names, name)
	}
	sort.Strings(names)
	var all []*ast.File
	for _, name := range names {
		all = append(all, parsed[name])
	}
	tc := checked{fset: fset, info: &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Uses:      map[*ast.Ident]types.Object{},
		Instances: map[*ast.Ident]types.Instance{},
	}}
	// Some imports may be empty (testify, the support packages): keep going
	// and use what is known. Of the errors, only "not used" ones count: the
	// Go compiler refuses an unused import or variable, the interpreter runs
	// the code anyway, and the engines would disagree.
	conf := types.Config{
		GoVersion: "go1.23",
		Importer:  stdImporter,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && !te.Soft {
				return
			} else if ok && (strings.Contains(te.Msg, "declared and not used") || strings.Contains(te.Msg, "imported and not used")) {
				tc.unused = append(tc.unused, te)
			}
		},
	}
	tc.pkg, _ = conf.Check("learner", fset, all, tc.info)
	return tc
}

// capabilities holds a learner's file to what learner code may use
// (symbols.LearnerMayImport, LearnerMayUse), whatever the form of its
// imports, and keeps it from the package's test files: learner code must
// build without the tests, so nothing the tests hold (a database, a
// *testing.T, the puzzle's inputs) is within its reach.
// pkgFile is the file that declares obj.
func (tc checked) pkgFile(obj types.Object) string { return tc.fset.Position(obj.Pos()).Filename }

func capabilities(f *ast.File, tc checked, at func(token.Pos, string, ...any)) {
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		switch {
		case !symbols.LearnerMayImport(p):
			at(imp.Pos(), "import %q is not allowed in the workbook: your code may use %s", p, symbols.LearnerList())
		case imp.Name != nil && imp.Name.Name == ".":
			at(imp.Pos(), "a dot import is not allowed in the workbook: import %q and write %s.Name for what you use", p, path.Base(p))
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			id, ok := n.X.(*ast.Ident)
			if !ok {
				break
			}
			pn, ok := tc.info.Uses[id].(*types.PkgName)
			if !ok {
				break
			}
			if p := pn.Imported().Path(); symbols.LearnerMayImport(p) && !symbols.LearnerMayUse(p, n.Sel.Name) {
				at(n.Sel.Pos(), "%s.%s is not available in the workbook: %s", id.Name, n.Sel.Name, unavailableWhy(p))
			}
		case *ast.Ident:
			obj := tc.info.Uses[n]
			if obj == nil || tc.pkg == nil || obj.Pkg() != tc.pkg || obj.Parent() != tc.pkg.Scope() {
				break
			}
			if file := tc.pkgFile(obj); strings.HasSuffix(file, "_test.go") {
				at(n.Pos(), "%s is declared in %s, a test file: your code must build without the tests", n.Name, file)
			}
		}
		return true
	})
}

// gaps finds what yaegi v0.16 cannot run in the learner's files.
//
// Each gap is reported with gap; at reports what go test refuses too.
func gaps(fset *token.FileSet, parsed map[string]*ast.File, learner []string, tc checked, at, gap func(token.Pos, string, ...any)) {
	info, pkg := tc.info, tc.pkg
	isLearner := map[string]bool{}
	for _, name := range learner {
		isLearner[name] = true
	}
	for _, te := range tc.unused {
		if isLearner[fset.Position(te.Pos).Filename] {
			at(te.Pos, "%s: go test refuses this, and so does the workbook, so that both engines agree", te.Msg)
		}
	}
	twins := sameShape(fset, pkg)

	for _, name := range learner {
		f := parsed[name]
		if f == nil {
			continue
		}
		imports := map[string]string{}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			local := path.Base(p)
			if imp.Name != nil {
				local = imp.Name.Name
			}
			imports[local] = p
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				checkRange(n, info, lenVars(f), gap)
			case *ast.CallExpr:
				checkCall(n, info, gap)
			case *ast.AssignStmt:
				checkParallelAssign(n, gap)
			case *ast.SwitchStmt:
				// yaegi v0.16 tests only the first condition of a case
				// with several in a switch without a value, silently.
				if n.Tag != nil {
					break
				}
				for _, c := range n.Body.List {
					if cc, ok := c.(*ast.CaseClause); ok && len(cc.List) > 1 {
						gap(cc.List[1].Pos(), "the interpreter tests only the first condition of a case with several in a switch without a value: join them with ||, as in case a || b:")
					}
				}
			case *ast.CommClause:
				if as, ok := n.Comm.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
					gap(as.Pos(), "the interpreter cannot assign to an existing variable in a select case: write case v := <-ch: and assign v inside the case")
				}
			case *ast.TypeAssertExpr:
				if n.Type == nil { // a type switch: the interpreter gets those right
					break
				}
				if tv, ok := info.Types[n.Type]; ok {
					if named, ok := tv.Type.(*types.Named); ok && twins[named.Obj().Name()] != "" {
						gap(n.Type.Pos(), "the interpreter cannot tell %s from %s (they have the same fields) in a type assertion: use a type switch, switch v := x.(type) { case %s: ... }",
							named.Obj().Name(), twins[named.Obj().Name()], named.Obj().Name())
					}
				}
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					if u, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
						gap(r.Pos(), "the interpreter cannot return a receive directly: write v := <-ch, then return v")
					}
				}
				checkStructAndLen(n, info, gap)
			case *ast.SelectorExpr:
				id, ok := n.X.(*ast.Ident)
				if !ok {
					break
				}
				p, isImport := imports[id.Name]
				if obj := info.Uses[id]; obj != nil {
					_, isImport = obj.(*types.PkgName)
				}
				if !isImport || p == "" {
					break
				}
				if has, known := symbols.Has(p, n.Sel.Name); known && !has {
					switch p {
					case "slices", "maps", "cmp":
						gap(n.Sel.Pos(), "%s.%s is not available in the interpreter, which has none of the generic functions of slices, maps and cmp: sort with sort.Slice, search and copy with a loop", id.Name, n.Sel.Name)
					default:
						gap(n.Sel.Pos(), "%s.%s is not available in the interpreter, which has the standard library of Go 1.22 without its generic functions: write it by hand (a loop, say)", id.Name, n.Sel.Name)
					}
				}
			}
			return true
		})
	}
}

// knownNonInt reports whether the checker knows e's type and it is not an
// integer (a variable named like a length may be reassigned).
func knownNonInt(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Type == nil || tv.Type == types.Typ[types.Invalid] {
		return false
	}
	b, isBasic := tv.Type.Underlying().(*types.Basic)
	return !isBasic || b.Info()&types.IsInteger == 0
}

// sameShape maps each named struct type of the package to another one with
// identical fields, if there is one.
func sameShape(fset *token.FileSet, pkg *types.Package) map[string]string {
	twins := map[string]string{}
	if pkg == nil {
		return twins
	}
	var structs []*types.TypeName
	for _, name := range pkg.Scope().Names() {
		if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok && !strings.HasSuffix(fset.Position(tn.Pos()).Filename, "_test.go") {
			if _, isStruct := tn.Type().Underlying().(*types.Struct); isStruct {
				structs = append(structs, tn)
			}
		}
	}
	for _, a := range structs {
		for _, b := range structs {
			if a != b && types.Identical(a.Type().Underlying(), b.Type().Underlying()) && twins[a.Name()] == "" {
				twins[a.Name()] = b.Name()
			}
		}
	}
	return twins
}

// lenVars finds the variables of a file assigned from len or cap, which are
// ints whatever the type checker could learn of their argument.
func lenVars(f *ast.File) map[string]bool {
	vars := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, r := range as.Rhs {
				if id, ok := as.Lhs[i].(*ast.Ident); ok && isLenCall(r) {
					vars[id.Name] = true
				}
			}
		}
		return true
	})
	return vars
}

func isLenCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := call.Fun.(*ast.Ident)
	return ok && (id.Name == "len" || id.Name == "cap")
}

func checkRange(n *ast.RangeStmt, info *types.Info, lens map[string]bool, gap func(token.Pos, string, ...any)) {
	if lit, ok := ast.Unparen(n.X).(*ast.BasicLit); ok && lit.Kind == token.INT {
		gap(n.X.Pos(), "the interpreter cannot range over an integer yet: write for i := 0; i < %s; i++ { ... }", lit.Value)
		return
	}
	if id, ok := ast.Unparen(n.X).(*ast.Ident); (ok && lens[id.Name] && !knownNonInt(info, n.X)) || isLenCall(n.X) {
		gap(n.X.Pos(), "the interpreter cannot range over an integer yet: write for i := 0; i < n; i++ { ... }")
		return
	}
	tv, ok := info.Types[n.X]
	if !ok || tv.Type == nil {
		return
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			gap(n.X.Pos(), "the interpreter cannot range over an integer yet: write for i := 0; i < n; i++ { ... }")
		}
	case *types.Signature:
		gap(n.X.Pos(), "the interpreter cannot range over a function (an iterator): loop over a slice instead")
	}
}

// checkParallelAssign flags a, b = x, f(): with = (not :=) and a call
// among the values, yaegi v0.16 loses the other values. It flags a, b =
// x, nil too, which the interpreter stops at ("reflect: New(nil)").
func checkParallelAssign(n *ast.AssignStmt, gap func(token.Pos, string, ...any)) {
	if n.Tok != token.ASSIGN || len(n.Lhs) < 2 || len(n.Lhs) != len(n.Rhs) {
		return
	}
	for _, r := range n.Rhs {
		if _, ok := ast.Unparen(r).(*ast.CallExpr); ok {
			gap(n.Pos(), "the interpreter loses values in a parallel assignment with a call in it (a, b = x, f()): assign them one at a time, or declare them with :=")
			return
		}
		if id, ok := ast.Unparen(r).(*ast.Ident); ok && id.Name == "nil" {
			gap(n.Pos(), "the interpreter cannot run a parallel assignment of nil (a, b = x, nil): assign them one at a time")
			return
		}
	}
}

// checkStructAndLen flags a return of a struct value together with a len
// or cap call, which yaegi v0.16 cannot run ("reflect: call of
// reflect.Value.SetInt on struct Value").
func checkStructAndLen(n *ast.ReturnStmt, info *types.Info, gap func(token.Pos, string, ...any)) {
	if len(n.Results) < 2 {
		return
	}
	var lenCall ast.Expr
	hasStruct := false
	for _, r := range n.Results {
		if isLenCall(r) {
			lenCall = r
			continue
		}
		if tv, ok := info.Types[r]; ok && tv.Type != nil {
			if _, isStruct := tv.Type.Underlying().(*types.Struct); isStruct {
				hasStruct = true
			}
		}
	}
	if lenCall != nil && hasStruct {
		gap(lenCall.Pos(), "the interpreter cannot return a struct and len(...) in one return: write n := len(...) first, then return the struct and n")
	}
}

func checkCall(n *ast.CallExpr, info *types.Info, gap func(token.Pos, string, ...any)) {
	fun := ast.Unparen(n.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "min", "max":
				gap(id.Pos(), "the interpreter has no %s builtin: compare with if, or write a small func %s(a, b int) int", b.Name(), b.Name())
			case "clear":
				gap(id.Pos(), "the interpreter has no clear builtin: make a new map or slice, or delete in a loop")
			}
		}
		if inst, ok := info.Instances[id]; ok && inst.TypeArgs.Len() >= 2 {
			gap(id.Pos(), "the interpreter cannot infer %d type arguments: write them out, %s[...](...)", inst.TypeArgs.Len(), id.Name)
		}
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		// A generic function of another package is either unavailable in
		// the interpreter (the standard library's) or checked there.
		if x, isIdent := sel.X.(*ast.Ident); isIdent {
			if _, isPkg := info.Uses[x].(*types.PkgName); isPkg {
				return
			}
		}
		if inst, ok := info.Instances[sel.Sel]; ok && inst.TypeArgs.Len() >= 2 {
			gap(sel.Sel.Pos(), "the interpreter cannot infer %d type arguments: write them out, %s[...](...)", inst.TypeArgs.Len(), sel.Sel.Name)
		}
	}
}

// unavailableWhy says why a name of the package at path is kept from
// learner code.
func unavailableWhy(path string) string {
	switch path {
	case "database/sql":
		return "your code is handed the database the tests opened (a DB), and never opens or reaches one itself"
	case "log":
		return "print with log.Print, log.Printf or log.Println (or fmt)"
	}
	return "it is not among what your code may use"
}
