package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/harness/preflight"
)

// A locate run finds the line of a runtime error yaegi could only place in
// its function. yaegi v0.16.1 reports the first statement of the function a
// panic went through (runCfg looks for the node that panicked with a
// variable it never sets), and reflect's words without Go's numbers. So the
// test runs again, in a new worker, with every expression of that kind in
// that function preceded by a check that raises the error as Go would, with
// its index and length, at its own file and line. Checks are slow (a call
// each), which is why only the functions that panicked get them, and only
// on a second run: the first run stays as fast as ever.

// target is a function to instrument: the one whose body holds yaegi's
// position File:Line:Col, for a runtime error of kind Kind.
type target struct {
	File      string
	Line, Col int
	Kind      faultKind
}

// locatable reports whether a locate run can place the kind of error.
func locatable(k faultKind) bool {
	switch k {
	case faultIndex, faultSlice, faultNilMap, faultNil, faultDivide, faultPanic:
		return true
	}
	return false
}

// checkedPkg is the package parsed and type-checked as the checks see it.
type checkedPkg struct {
	name  string // the package's name
	fset  *token.FileSet
	files map[string]*ast.File
	src   map[string][]byte
	pkg   *types.Package
	info  *types.Info
}

func typeCheck(files map[string][]byte) (*checkedPkg, error) {
	c := &checkedPkg{fset: token.NewFileSet(), files: map[string]*ast.File{}, src: files, info: &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var all []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(c.fset, name, files[name], 0)
		if err != nil {
			return nil, err
		}
		c.files[name] = f
		c.name = f.Name.Name
		all = append(all, f)
	}
	// Imports outside the standard library are empty packages: what uses
	// them has no type, and gets no check.
	conf := types.Config{GoVersion: "go1.22", Importer: preflight.Importer(), Error: func(error) {}}
	c.pkg, _ = conf.Check("learner", c.fset, all, c.info)
	return c, nil
}

// instrument returns the package's files with the checks in each target's
// function, and the helpers' file. The checks go within the lines, so
// every line keeps its number. ok is false when no function was found or
// the result does not parse.
func instrument(files map[string][]byte, targets []target) (out map[string][]byte, ok bool) {
	c, err := typeCheck(files)
	if err != nil {
		return nil, false
	}
	edits := map[string][]edit{}
	pkgName := ""
	for _, tg := range targets {
		f := c.files[tg.File]
		if f == nil || !locatable(tg.Kind) {
			continue
		}
		body := c.funcAt(f, tg.Line, tg.Col)
		if body == nil {
			continue
		}
		pkgName = f.Name.Name
		in := &instrumenter{c: c, file: tg.File, kind: tg.Kind}
		in.walk(body)
		edits[tg.File] = append(edits[tg.File], in.edits...)
	}
	if pkgName == "" {
		return nil, false
	}
	out = map[string][]byte{}
	for name, data := range files {
		out[name] = data
		if es := edits[name]; len(es) > 0 {
			out[name] = apply(data, es)
		}
	}
	out[locateFile] = []byte(fmt.Sprintf(locateHelpers, pkgName))
	fset := token.NewFileSet()
	for name := range edits {
		if _, err := parser.ParseFile(fset, name, out[name], 0); err != nil {
			return nil, false
		}
	}
	return out, true
}

// funcAt returns the body of the innermost function (declared or literal)
// of f that holds line:col.
func (c *checkedPkg) funcAt(f *ast.File, line, col int) *ast.BlockStmt {
	tf := c.fset.File(f.Pos())
	if line < 1 || line > tf.LineCount() {
		return nil
	}
	pos := tf.LineStart(line) + token.Pos(col-1)
	var found *ast.BlockStmt
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body != nil && body.Lbrace < pos && pos < body.Rbrace {
			found = body
		}
		return n == nil || (n.Pos() <= pos && pos < n.End())
	})
	return found
}

// edit inserts text at an offset; at one offset, closing text goes first,
// the innermost's first, then opening text, the outermost's first.
type edit struct {
	off   int
	text  string
	close bool
	depth int
}

func apply(src []byte, es []edit) []byte {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		switch {
		case a.off != b.off:
			return a.off < b.off
		case a.close != b.close:
			return a.close
		case a.close:
			return a.depth > b.depth
		}
		return a.depth < b.depth
	})
	var out []byte
	last := 0
	for _, e := range es {
		out = append(out, src[last:e.off]...)
		out = append(out, e.text...)
		last = e.off
	}
	return append(out, src[last:]...)
}

// instrumenter puts the checks for one kind of error in one function.
type instrumenter struct {
	c     *checkedPkg
	file  string
	kind  faultKind
	depth int
	edits []edit
}

func (in *instrumenter) off(p token.Pos) int  { return in.c.fset.Position(p).Offset }
func (in *instrumenter) line(p token.Pos) int { return in.c.fset.Position(p).Line }
func (in *instrumenter) text(e ast.Expr) string {
	return string(in.c.src[in.file][in.off(e.Pos()):in.off(e.End())])
}

// wrap surrounds e with open and close.
func (in *instrumenter) wrap(e ast.Expr, open, close string) {
	in.edits = append(in.edits, edit{off: in.off(e.Pos()), text: open, depth: in.depth},
		edit{off: in.off(e.End()), text: close, close: true, depth: in.depth})
}

// at is the arguments that say where a check is: the kind, file and line.
func (in *instrumenter) at(kind faultKind, p token.Pos) string {
	return fmt.Sprintf("%q, %q, %d", kind, in.file, in.line(p))
}

// nonNil makes e (a pointer or an interface) pass a nil check first.
func (in *instrumenter) nonNil(e ast.Expr, p token.Pos) {
	in.wrap(e, "__wbNonZero(", ", "+in.at(faultNil, p)+")")
}

func (in *instrumenter) walk(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			in.depth--
			return true
		}
		if _, nested := n.(*ast.FuncLit); nested {
			// A function of its own, which yaegi names apart.
			return false
		}
		in.depth++
		in.visit(n)
		return true
	})
}

func (in *instrumenter) visit(n ast.Node) {
	info := in.c.info
	switch in.kind {
	case faultIndex:
		if n, ok := n.(*ast.IndexExpr); ok && in.indexable(n.X) && isInteger(info.Types[n.Index]) && pure(n.X, info) {
			in.wrap(n.Index, "__wbIndex(int(", fmt.Sprintf("), len(%s), %q, %d)", in.text(n.X), in.file, in.line(n.Lbrack)))
		}
	case faultSlice:
		if n, ok := n.(*ast.SliceExpr); ok {
			in.slice(n)
		}
	case faultNilMap:
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for _, s := range list {
			in.mapWrite(s)
		}
	case faultNil:
		in.nilDeref(n)
	case faultPanic:
		// The value is the learner's, and what the first run said of it
		// stands: only the line is looked for.
		if n, ok := n.(*ast.CallExpr); ok && len(n.Args) == 1 && isBuiltin(info, n.Fun, "panic") && info.Types[n.Args[0]].Type != nil && !info.Types[n.Args[0]].IsNil() {
			in.wrap(n.Args[0], "__wbPanic(", fmt.Sprintf(", %q, %d)", in.file, in.line(n.Lparen)))
		}
	case faultDivide:
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.QUO || n.Op == token.REM) && isInteger(info.Types[n]) && info.Types[n].Value == nil && variable(info.Types[n.Y]) {
				in.wrap(n.Y, "__wbNonZero(", ", "+in.at(faultDivide, n.OpPos)+")")
			}
		case *ast.AssignStmt:
			if (n.Tok == token.QUO_ASSIGN || n.Tok == token.REM_ASSIGN) && len(n.Lhs) == 1 && isInteger(info.Types[n.Lhs[0]]) && variable(info.Types[n.Rhs[0]]) {
				in.wrap(n.Rhs[0], "__wbNonZero(", ", "+in.at(faultDivide, n.TokPos)+")")
			}
		}
	}
}

// indexable reports whether x[i] on x is bounds-checked: a slice, a string,
// an array or a pointer to one.
func (in *instrumenter) indexable(x ast.Expr) bool {
	tv := in.c.info.Types[x]
	if !tv.IsValue() || tv.Type == nil {
		return false
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Pointer:
		_, isArray := u.Elem().Underlying().(*types.Array)
		return isArray
	}
	return false
}

// slice checks x[i:j] and x[i:j:k]: the bounds other than i are read twice,
// so they and x must be free of side effects.
func (in *instrumenter) slice(n *ast.SliceExpr) {
	info := in.c.info
	if !in.indexable(n.X) || !pure(n.X, info) {
		return
	}
	for _, b := range []ast.Expr{n.Low, n.High, n.Max} {
		if b != nil && !isInteger(info.Types[b]) {
			return
		}
	}
	if (n.High != nil && !pure(n.High, info)) || (n.Max != nil && !pure(n.Max, info)) {
		return
	}
	x := in.text(n.X)
	hi, max, capacity, form := "len("+x+")", "0", "cap("+x+")", 0
	if n.High != nil {
		hi = "int(" + in.text(n.High) + ")"
	}
	if n.Slice3 {
		max, form = "int("+in.text(n.Max)+")", form|sliceThree
	}
	if _, isSlice := info.Types[n.X].Type.Underlying().(*types.Slice); isSlice {
		form |= sliceCapacity
	} else if b, ok := info.Types[n.X].Type.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		capacity = "len(" + x + ")"
	}
	rest := fmt.Sprintf("%s, %s, len(%s), %s, %d, %q, %d)", hi, max, x, capacity, form, in.file, in.line(n.Lbrack))
	if n.Low == nil {
		in.edits = append(in.edits, edit{off: in.off(n.Lbrack) + 1, text: "__wbSlice(0, " + rest, depth: in.depth})
		return
	}
	in.wrap(n.Low, "__wbSlice(int(", "), "+rest)
}

// mapWrite puts a nil check before a statement that writes to a map.
func (in *instrumenter) mapWrite(s ast.Stmt) {
	var targets []ast.Expr
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE {
			targets = s.Lhs
		}
	case *ast.IncDecStmt:
		targets = []ast.Expr{s.X}
	}
	for _, t := range targets {
		ix, ok := ast.Unparen(t).(*ast.IndexExpr)
		if !ok || !pure(ix.X, in.c.info) {
			continue
		}
		if tv := in.c.info.Types[ix.X]; tv.Type == nil {
			continue
		} else if _, isMap := tv.Type.Underlying().(*types.Map); !isMap {
			continue
		}
		in.edits = append(in.edits, edit{off: in.off(s.Pos()), text: fmt.Sprintf("__wbFault(%s == nil, %s); ", in.text(ix.X), in.at(faultNilMap, ix.Lbrack)), depth: in.depth})
	}
}

// nilDeref checks the pointers and interfaces that an expression goes
// through: a field through a pointer, a value method through a pointer, a
// method of an interface, *p, a pointer to an array indexed, and a call of
// a function value.
func (in *instrumenter) nilDeref(n ast.Node) {
	info := in.c.info
	switch n := n.(type) {
	case *ast.SelectorExpr:
		sel := info.Selections[n]
		if sel == nil {
			return
		}
		recv := sel.Recv()
		if _, isParam := recv.(*types.TypeParam); isParam {
			return
		}
		_, isPtr := recv.Underlying().(*types.Pointer)
		switch sel.Kind() {
		case types.FieldVal:
			if isPtr {
				in.nonNil(n.X, n.Sel.Pos())
			}
		case types.MethodVal:
			fn, _ := sel.Obj().(*types.Func)
			if fn == nil {
				return
			}
			sig := fn.Type().(*types.Signature)
			_, ptrRecv := sig.Recv().Type().(*types.Pointer)
			if (isPtr && !ptrRecv) || types.IsInterface(recv) {
				in.nonNil(n.X, n.Sel.Pos())
			}
		}
	case *ast.StarExpr:
		if info.Types[n].IsValue() {
			in.nonNil(n.X, n.Star)
		}
	case *ast.IndexExpr:
		if tv := info.Types[n.X]; tv.IsValue() && tv.Type != nil {
			if p, ok := tv.Type.Underlying().(*types.Pointer); ok {
				if _, isArray := p.Elem().Underlying().(*types.Array); isArray {
					in.nonNil(n.X, n.Lbrack)
				}
			}
		}
	case *ast.CallExpr:
		fun := ast.Unparen(n.Fun)
		if tv := info.Types[fun]; !tv.IsValue() || tv.Type == nil {
			return
		}
		if _, isFunc := info.Types[fun].Type.Underlying().(*types.Signature); !isFunc {
			return
		}
		isVar := false
		switch f := fun.(type) {
		case *ast.Ident:
			_, isVar = info.Uses[f].(*types.Var)
		case *ast.SelectorExpr:
			sel := info.Selections[f]
			isVar = sel != nil && sel.Kind() == types.FieldVal
		}
		if isVar && pure(fun, info) {
			in.wrap(fun, "__wbIf(", fmt.Sprintf(", %s == nil, %s)", in.text(fun), in.at(faultNil, n.Lparen)))
		}
	}
}

// isInteger reports whether tv is a value of an integer type (or an
// untyped integer constant), not of a type parameter.
func isInteger(tv types.TypeAndValue) bool {
	if !tv.IsValue() || tv.Type == nil {
		return false
	}
	if _, isParam := tv.Type.(*types.TypeParam); isParam {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// variable reports whether tv is a typed value that is not a constant (a
// constant divisor is checked by the compiler).
func variable(tv types.TypeAndValue) bool {
	if !isInteger(tv) || tv.Value != nil {
		return false
	}
	b, _ := tv.Type.Underlying().(*types.Basic)
	return b.Info()&types.IsUntyped == 0
}

// pure reports whether evaluating e twice gives the same value and does
// nothing else: names, constants, fields, indexes and operators of those,
// len and cap.
func pure(e ast.Expr, info *types.Info) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return pure(e.X, info)
	case *ast.SelectorExpr:
		return pure(e.X, info)
	case *ast.IndexExpr:
		return pure(e.X, info) && pure(e.Index, info)
	case *ast.StarExpr:
		return pure(e.X, info)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && pure(e.X, info)
	case *ast.BinaryExpr:
		return pure(e.X, info) && pure(e.Y, info)
	case *ast.CallExpr:
		if len(e.Args) != 1 || !(isBuiltin(info, e.Fun, "len") || isBuiltin(info, e.Fun, "cap")) {
			return false
		}
		return pure(e.Args[0], info)
	}
	return false
}

// isBuiltin reports whether fun names the builtin function name.
func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	return ok && id.Name == name && info.Types[id].IsBuiltin()
}

// yaegi's words for a failed type assertion (interp/run.go, typeAssert).
var (
	assertNil     = regexp.MustCompile(`^interface conversion: (?:interface \{\} is nil, not|nil is not) `)
	assertMissing = regexp.MustCompile(`^interface conversion: (.+) is not .+: missing method (\w+)$`)
	assertNotIf   = regexp.MustCompile(`^interface conversion: (.+) is not .+$`)
	assertIsNot   = regexp.MustCompile(`^interface conversion: interface \{\} is (.+), not .+$`)
)

// assertWords says a failed type assertion at file:line:col the way go
// test does ("interface conversion: bank.Command is bank.OpenAccount, not
// bank.CloseAccount"), from yaegi's msg, which knows the value's type by
// its shape only ("interface {} is struct { Account string; Owner string
// }, not struct { Account string }"): the types come from the source,
// and the value's type is the package's type of that shape, if only one
// has it. yaegi says "nil" too of a value of a compiled type asserted to
// an interface of the package's, which is then said to be nil.
func assertWords(files map[string][]byte, file string, line, col int, msg string) string {
	c, err := typeCheck(files)
	if err != nil || c.files[file] == nil {
		return msg
	}
	tf := c.fset.File(c.files[file].Pos())
	if line < 1 || line > tf.LineCount() {
		return msg
	}
	pos := tf.LineStart(line) + token.Pos(col-1)
	var ta *ast.TypeAssertExpr
	ast.Inspect(c.files[file], func(n ast.Node) bool {
		if n, ok := n.(*ast.TypeAssertExpr); ok && n.Type != nil && n.Pos() == pos {
			ta = n
		}
		return ta == nil
	})
	if ta == nil {
		return msg
	}
	from, to := c.info.Types[ta.X].Type, c.info.Types[ta.Type].Type
	if from == nil || to == nil {
		return msg
	}
	as := c.typeName(to)
	if assertNil.MatchString(msg) {
		return "interface conversion: interface is nil, not " + as
	}
	if types.IsInterface(to) {
		dyn, method := "", ""
		if m := assertMissing.FindStringSubmatch(msg); m != nil {
			dyn, method = m[1], m[2]
		} else if m := assertNotIf.FindStringSubmatch(msg); m != nil {
			dyn = m[1]
		} else {
			return msg
		}
		name, t := c.byShape(dyn)
		if iface, ok := to.Underlying().(*types.Interface); ok && method == "" && t != nil {
			if m, _ := types.MissingMethod(t, iface, true); m != nil {
				method = m.Name()
			}
		}
		out := "interface conversion: " + name + " is not " + as
		if method != "" {
			out += ": missing method " + method
		}
		return out
	}
	m := assertIsNot.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	name, _ := c.byShape(m[1])
	return "interface conversion: " + c.typeName(from) + " is " + name + ", not " + as
}

// typeName writes t as the runtime does: package name and type name, and
// "interface {}" for the empty interface.
func (c *checkedPkg) typeName(t types.Type) string {
	if i, ok := types.Unalias(t).(*types.Interface); ok && i.Empty() {
		return "interface {}"
	}
	return types.TypeString(t, c.qualifier)
}

func (c *checkedPkg) qualifier(p *types.Package) string {
	if p == c.pkg {
		return c.name
	}
	return p.Name()
}

// byShape names the type yaegi wrote: a struct type by the one named type
// of the package with that shape, a type of the package by its name.
func (c *checkedPkg) byShape(dyn string) (string, types.Type) {
	if c.pkg == nil {
		return dyn, nil
	}
	squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	if strings.HasPrefix(dyn, "struct {") {
		var found *types.TypeName
		for _, name := range c.pkg.Scope().Names() {
			tn, ok := c.pkg.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if _, isStruct := tn.Type().Underlying().(*types.Struct); isStruct && squash(types.TypeString(tn.Type().Underlying(), c.qualifier)) == squash(dyn) {
				if found != nil {
					return dyn, nil // two of that shape: yaegi cannot tell which
				}
				found = tn
			}
		}
		if found != nil {
			return c.typeName(found.Type()), found.Type()
		}
		return dyn, nil
	}
	// yaegi's id of a type of the package: its import path, a dot, its name.
	if i := strings.LastIndex(dyn, "."); i > 0 && !strings.ContainsAny(dyn, " *[]") {
		if tn, ok := c.pkg.Scope().Lookup(dyn[i+1:]).(*types.TypeName); ok {
			return c.typeName(tn.Type()), tn.Type()
		}
	}
	return dyn, nil
}
