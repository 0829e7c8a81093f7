package chapter

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// A reference solution solves both parts of its day, but a learner who
// asks for Part 1's must not see Part 2's. The solution marks Part 2's code
// with two comment lines, each on a line of its own:
//
//	// Part 2: withdrawals and closing.
//	case WithdrawMoney:
//		...
//		// End of Part 2.
//	}
//
// A region holds whole declarations or whole statements; regions do not
// nest. A file whose every declaration is in a region is Part 2's alone.
// docs/chapter-format.md says how to mark a day.
// The marks are comments, so the solution compiles and runs as it is (the
// engines and the mutants use it so, and its line numbers are the file's);
// what a learner reads comes from SolutionFor, which takes them out.
const (
	// Part2Start opens a region of Part 2's code; a few words may follow.
	Part2Start = "// Part 2:"
	// Part2End closes it.
	Part2End = "// End of Part 2."
	// part2Left stands in Part 1's view for each region.
	part2Left = "// Part 2's code goes here; it is shown with Part 2's solution."
)

// region is one marked stretch of a file: the 0-based lines of its two
// marker lines.
type region struct{ start, end int }

// isMarker reports which marker a line is, if any.
func isMarker(line []byte) (start, end bool) {
	l := string(bytes.TrimSpace(line))
	return l == Part2Start || strings.HasPrefix(l, Part2Start+" "), l == Part2End
}

// splitLines splits src after each "\n", keeping it.
func splitLines(src []byte) [][]byte {
	var out [][]byte
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			out = append(out, src)
			break
		}
		out = append(out, src[:i+1])
		src = src[i+1:]
	}
	return out
}

// regions finds the marked regions of a solution file. file names it in
// errors, which are *Error at the marker's line.
func regions(file string, src []byte) ([]region, error) {
	var out []region
	var errs []error
	open := -1
	for i, l := range splitLines(src) {
		start, end := isMarker(l)
		switch {
		case start && open >= 0:
			errs = append(errs, &Error{File: file, Line: i + 1, Msg: fmt.Sprintf("%q inside the region of Part 2 opened at line %d: regions do not nest; close that one with %q first", Part2Start, open+1, Part2End)})
		case start:
			open = i
		case end && open < 0:
			errs = append(errs, &Error{File: file, Line: i + 1, Msg: fmt.Sprintf("%q closes no region: open one with a %q line above it", Part2End, Part2Start)})
		case end && i == open+1:
			errs = append(errs, &Error{File: file, Line: open + 1, Msg: "an empty region of Part 2: mark code, or take the two lines out"})
			open = -1
		case end:
			out = append(out, region{open, i})
			open = -1
		}
	}
	if open >= 0 {
		errs = append(errs, &Error{File: file, Line: open + 1, Msg: fmt.Sprintf("a region of Part 2 that never ends: close it with a %q line", Part2End)})
	}
	return out, errors.Join(errs...)
}

func isBlank(l []byte) bool { return len(bytes.TrimSpace(l)) == 0 }

// partView is a solution file as Part part's solution shows it, before
// gofmt, and for each of its lines the line of src it comes from (0-based;
// a line that stands in for a region comes from the region's first). Part
// 2's view is src without its marker lines (and without a blank line that
// only a marker separated from another); Part 1's has one comment line in
// place of each region, none for a region of imports and comments only.
func partView(src []byte, rs []region, part int) ([]byte, []int) {
	lines := splitLines(src)
	var out [][]byte
	var from []int
	for i := 0; i < len(lines); i++ {
		start, end := isMarker(lines[i])
		if !start && !end {
			out, from = append(out, lines[i]), append(from, i)
			continue
		}
		if part >= 2 {
			prevBlank := len(out) == 0 || isBlank(out[len(out)-1])
			switch {
			case prevBlank && i+1 < len(lines) && isBlank(lines[i+1]):
				i++ // the blank line after the marker
			case prevBlank && i+1 == len(lines) && len(out) > 0:
				out, from = out[:len(out)-1], from[:len(from)-1]
			}
			continue
		}
		// Part 1: the region becomes one line, at the marker's indent,
		// unless it holds only imports and comments.
		for _, r := range rs {
			if r.start != i {
				continue
			}
			if holdsCode(lines[r.start+1 : r.end]) {
				l := lines[i]
				indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
				out, from = append(out, []byte(string(indent)+part2Left+"\n")), append(from, r.start)
			} else if len(out) > 0 && isBlank(out[len(out)-1]) && r.end+1 < len(lines) && isBlank(lines[r.end+1]) {
				r.end++ // as for the marks of Part 2's view
			}
			i = r.end
			break
		}
	}
	return bytes.Join(out, nil), from
}

// importLine is a line of an import declaration.
var importLine = regexp.MustCompile(`^(import\s*\(|\)|(import\s+)?([\w.]+\s+)?"[^"]*")$`)

// holdsCode reports whether lines hold more than imports and comments:
// Part 1's view says where Part 2's code goes, not where its imports or
// its doc comments went.
func holdsCode(lines [][]byte) bool {
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && !bytes.HasPrefix(t, []byte("//")) && !importLine.Match(t) {
			return true
		}
	}
	return false
}

// solutionFile is one learner file's reference solution with its regions.
type solutionFile struct {
	name    string
	src     []byte
	regions []region
}

func (c *Chapter) solutionFiles() ([]solutionFile, error) {
	var out []solutionFile
	var errs []error
	for _, name := range c.LearnerFiles {
		src, ok := c.Solution[name]
		if !ok {
			errs = append(errs, fmt.Errorf("chapter %s: no reference solution for %s", c.ID, name))
			continue
		}
		rs, err := regions(path.Join(SolutionsDir, c.ID, name), src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, solutionFile{name, src, rs})
	}
	return out, errors.Join(errs...)
}

// SolutionFor returns the reference solution as a learner who asks for
// Part part's sees it, by learner file, without the region marks. Part 2's
// is the whole solution. Part 1's leaves out Part 2's code: each region is
// one comment line saying that Part 2's solution shows it, and a file that
// is Part 2's alone is not there. The error is Load's about the marks; a
// loaded chapter has none.
func (c *Chapter) SolutionFor(part int) (map[string][]byte, error) {
	if part != 1 && part != 2 {
		return nil, fmt.Errorf("chapter %s: no Part %d (parts are 1 and 2)", c.ID, part)
	}
	files, err := c.solutionFiles()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range files {
		v := formatted(partView(f.src, f.regions, part))
		if part == 1 && len(f.regions) > 0 && declares(v) == 0 {
			continue
		}
		out[f.name] = v
	}
	return out, nil
}

// declares counts the declarations of a Go file other than its imports;
// -1 when it does not parse.
func declares(src []byte) int {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if err != nil {
		return -1
	}
	n := 0
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		n++
	}
	return n
}

// StripPart2Marks returns a solution file without its region marks, as
// Part 2's solution shows it. It is for files read before a chapter loads
// (the carried ones); marks Load would refuse are left as they are.
func StripPart2Marks(src []byte) []byte {
	rs, err := regions("", src)
	if err != nil {
		return src
	}
	return formatted(partView(src, rs, 2))
}

// formatted is a view as gofmt prints it: without its marks, a comment no
// longer separates fields whose values gofmt aligns, and a stand-in line
// goes at the indent gofmt gives a comment there.
func formatted(view []byte, _ []int) []byte {
	if out, err := format.Source(view); err == nil {
		return out
	}
	return view
}

// Solved returns the learner files as a learner has them who has solved
// Part part and no later part, for running the tests on: for Part 2 the
// whole solution; for Part 1, Part 1's view of each file with the stub's
// declarations of what only Part 2's code declares (so that Part 2's tests
// still compile), and the stub of a file that is Part 2's alone. check
// runs it to prove the marks: Part 1's tests must pass on it and Part 2's
// must not.
func (c *Chapter) Solved(part int) (map[string][]byte, error) {
	views, err := c.SolutionFor(part)
	if err != nil || part == 2 {
		return views, err
	}
	files, err := c.solutionFiles()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range files {
		stub, ok := c.Exercise[f.name]
		if !ok {
			return nil, fmt.Errorf("chapter %s: no stub for learner file %s", c.ID, f.name)
		}
		v, ok := views[f.name]
		if !ok {
			out[f.name] = stub
			continue
		}
		if len(f.regions) == 0 {
			out[f.name] = v
			continue
		}
		withStubs, err := fillFromStub(v, part2Names(f.src, f.regions), stub)
		if err != nil {
			return nil, fmt.Errorf("chapter %s: Part 1's %s: %w", c.ID, f.name, err)
		}
		out[f.name] = withStubs
	}
	return out, nil
}

// declNames are the names a top-level declaration declares, methods as
// Type.Method.
func declNames(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		name := d.Name.Name
		if d.Recv != nil && len(d.Recv.List) == 1 {
			name = recvName(d.Recv.List[0].Type) + "." + name
		}
		out = append(out, name)
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}

// part2Names lists the top-level names that src declares inside its
// regions, sorted.
func part2Names(src []byte, rs []region) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out []string
	for _, d := range f.Decls {
		line := fset.Position(d.Pos()).Line - 1
		for _, r := range rs {
			if line > r.start && line < r.end {
				out = append(out, declNames(d)...)
			}
		}
	}
	sort.Strings(out)
	return out
}

// fillFromStub appends to view the stub's declarations of those of names
// that view does not declare, with the imports they need.
func fillFromStub(view []byte, names []string, stub []byte) ([]byte, error) {
	fset := token.NewFileSet()
	vf, err := parser.ParseFile(fset, "view.go", view, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, d := range vf.Decls {
		for _, n := range declNames(d) {
			have[n] = true
		}
	}
	imported := map[string]bool{}
	for _, im := range vf.Imports {
		imported[im.Path.Value] = true
	}
	want := map[string]bool{}
	for _, n := range names {
		if !have[n] {
			want[n] = true
		}
	}
	sf, err := parser.ParseFile(fset, "stub.go", stub, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	// The stub's imports by the name code uses for them.
	stubImports := map[string]string{}
	for _, im := range sf.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := path.Base(p)
		if im.Name != nil {
			name = im.Name.Name
		}
		stubImports[name] = im.Path.Value
	}
	var decls bytes.Buffer
	var needs []string
	for _, d := range sf.Decls {
		ns := declNames(d)
		wanted := 0
		for _, n := range ns {
			if want[n] {
				wanted++
			}
		}
		if wanted == 0 {
			continue
		}
		if wanted < len(ns) {
			return nil, fmt.Errorf("the stub declares %s in one declaration, some of them Part 1's", strings.Join(ns, ", "))
		}
		for _, n := range ns {
			delete(want, n)
		}
		start := d.Pos()
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		case *ast.GenDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		}
		decls.WriteString("\n")
		decls.Write(stub[fset.Position(start).Offset:fset.Position(d.End()).Offset])
		decls.WriteString("\n")
		ast.Inspect(d, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					if p, ok := stubImports[id.Name]; ok && !imported[p] {
						imported[p] = true
						needs = append(needs, p)
					}
				}
			}
			return true
		})
	}
	out := bytes.Clone(view)
	if len(needs) > 0 {
		at := fset.Position(vf.Name.End()).Offset
		out = append(append(out[:at:at], "\n\nimport ("+strings.Join(needs, "; ")+")"...), view[at:]...)
	}
	return append(out, decls.Bytes()...), nil
}

// checkParts is Load's check of a chapter's region marks: well formed,
// and each part's view of every file still Go, at the lines of the
// solution file.
func checkParts(c *Chapter) error {
	var errs []error
	for _, name := range c.LearnerFiles {
		src, ok := c.Solution[name]
		if !ok {
			continue // said already
		}
		file := path.Join(SolutionsDir, c.ID, name)
		rs, err := regions(file, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(rs) == 0 {
			continue
		}
		for part := 1; part <= 2; part++ {
			v, from := partView(src, rs, part)
			_, err := parser.ParseFile(token.NewFileSet(), "", v, parser.SkipObjectResolution)
			var list scanner.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				continue
			}
			// The error is where Go gives up, after the region that broke
			// it: name that region, the last to start before.
			at := len(splitLines(src))
			if l := list[0].Pos.Line; l >= 1 && l <= len(from) {
				at = from[l-1] + 1
			}
			line := 0
			for _, r := range rs {
				if r.start+1 <= at {
					line = r.start + 1
				}
			}
			errs = append(errs, &Error{File: file, Line: line, Msg: fmt.Sprintf("Part %d's view of this file is not Go (line %d: %s): a region of Part 2 holds whole declarations or whole statements", part, at, list[0].Msg)})
		}
	}
	return errors.Join(errs...)
}
