package preflight

import (
	"bytes"
	"encoding/gob"
	"flag"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness/symbols"
	"golang.org/x/tools/go/gcexportdata"
)

var update = flag.Bool("update", false, "rewrite std.gob from the Go sources")

// allowedStd are the standard library packages learner code may import.
func allowedStd() []string {
	var out []string
	for _, p := range symbols.Allowed {
		if !strings.Contains(p, ".") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// TestStdExport: the embedded export data declares what the Go sources of
// this toolchain declare, package by package, name by name. With -update
// it writes std.gob anew.
func TestStdExport(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no Go toolchain to compare with")
	}
	fset := token.NewFileSet()
	src := importer.ForCompiler(fset, "source", nil)
	fromSource := map[string]*types.Package{}
	for _, p := range allowedStd() {
		pkg, err := src.Import(p)
		if err != nil {
			t.Fatalf("import %s from source: %v", p, err)
		}
		fromSource[p] = pkg
	}
	if *update {
		data := map[string][]byte{}
		for p, pkg := range fromSource {
			var b bytes.Buffer
			if err := gcexportdata.Write(&b, fset, pkg); err != nil {
				t.Fatal(err)
			}
			data[p] = b.Bytes()
		}
		var out bytes.Buffer
		if err := gob.NewEncoder(&out).Encode(data); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("std.gob", out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote std.gob (%d bytes)", out.Len())
		return
	}
	var data map[string][]byte
	if err := gob.NewDecoder(bytes.NewReader(stdExport)).Decode(&data); err != nil {
		t.Fatalf("std.gob: %v", err)
	}
	var have []string
	for p := range data {
		have = append(have, p)
	}
	sort.Strings(have)
	if !reflect.DeepEqual(have, allowedStd()) {
		t.Errorf("std.gob holds %v, want the allowed packages %v (go test ./internal/harness/preflight -run TestStdExport -update)", have, allowedStd())
	}
	imp := &exportImporter{}
	for _, p := range allowedStd() {
		got, err := imp.Import(p)
		if err != nil || !got.Complete() {
			t.Errorf("Import(%q) = %v, %v; want the complete package", p, got, err)
			continue
		}
		want := fromSource[p]
		if g, w := declarations(got), declarations(want); !reflect.DeepEqual(g, w) {
			t.Errorf("std.gob's %s differs from this toolchain's sources (go test ./internal/harness/preflight -run TestStdExport -update):\n got %d declarations, want %d; first difference: %s", p, len(g), len(w), firstDifference(g, w))
		}
	}
	if pkg, _ := imp.Import("github.com/stretchr/testify/assert"); pkg == nil || len(pkg.Scope().Names()) != 0 {
		t.Errorf("Import(testify) = %v, want an empty package", pkg)
	}
}

// declarations are a package's exported declarations as text (the empty
// interface spelled any, as export data may keep it either way).
func declarations(pkg *types.Package) []string {
	var out []string
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if obj.Exported() {
			out = append(out, strings.ReplaceAll(types.ObjectString(obj, types.RelativeTo(pkg)), "interface{}", "any"))
		}
	}
	return out
}

func firstDifference(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] + " against " + b[i]
		}
	}
	return "one is a prefix of the other"
}
