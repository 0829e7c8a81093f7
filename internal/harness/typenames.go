package harness

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// The interpreter makes the package's struct types with reflect, which
// knows no names for them: where go test prints a value as
// bank.Account{ID:"acc-1", ...}, the interpreter prints
// struct { ID string; Owner string; ... }{ID:"acc-1", ...}. TypeNames puts
// the name back, so that a failure reads the same in both engines.

// anonStruct is a struct type as reflect prints it, without nested braces.
var anonStruct = regexp.MustCompile(`struct \{([^{}]*)\}`)

// TypeNames returns a function that replaces, in a message, each struct
// type printed without its name by the name of the package's struct type
// with those fields in that order ("bank.Account"). A field list that two
// of the package's types share is left as it is: the name would be a guess.
func TypeNames(files map[string][]byte) func(string) string {
	// Parsed only when a message has such a struct: most runs pass.
	index := sync.OnceValues(func() (map[string]string, map[string]bool) { return structFields(files) })
	name := func(s string) string {
		byFields, shared := index()
		body := strings.TrimSpace(anonStruct.FindStringSubmatch(s)[1])
		var fields []string
		for _, f := range strings.Split(body, ";") {
			if w := strings.Fields(f); len(w) > 0 {
				fields = append(fields, w[0])
			}
		}
		key := strings.Join(fields, ",")
		if name, ok := byFields[key]; ok && !shared[key] {
			return name
		}
		return s
	}
	return func(msg string) string {
		// Inner types first: once they are named, the struct around them
		// has no braces left inside, and is named in the next round.
		for strings.Contains(msg, "struct {") {
			next := anonStruct.ReplaceAllStringFunc(msg, name)
			if next == msg {
				break
			}
			msg = next
		}
		return msg
	}
}

// structFields indexes the package's struct types by their field names,
// in order ("ID,Owner,Balance" -> "bank.Account"); shared holds the field
// lists two of its types have.
func structFields(files map[string][]byte) (byFields map[string]string, shared map[string]bool) {
	byFields = map[string]string{}
	shared = map[string]bool{}
	fset := token.NewFileSet()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		pkg := f.Name.Name
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok || ts.TypeParams != nil {
				return true
			}
			var fields []string
			for _, fl := range st.Fields.List {
				if len(fl.Names) == 0 {
					return true // an embedded field: reflect names it by its type
				}
				for _, id := range fl.Names {
					fields = append(fields, id.Name)
				}
			}
			key := strings.Join(fields, ",")
			if prev, dup := byFields[key]; dup && prev != pkg+"."+ts.Name.Name {
				shared[key] = true
			}
			byFields[key] = pkg + "." + ts.Name.Name
			return true
		})
	}
	return byFields, shared
}
