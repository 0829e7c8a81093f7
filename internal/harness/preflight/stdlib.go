package preflight

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"go/token"
	"go/types"
	"path"
	"strings"
	"sync"

	"github.com/cqrsworkbook/workbook/internal/harness/symbols"
	"golang.org/x/tools/go/gcexportdata"
)

// stdExport holds the types of the standard library packages learner code
// may import, as export data by import path (gob), made from the Go
// sources by TestStdExport -update. Embedded, it lets the checks know every
// allowed package's declarations on a machine without a Go toolchain, and
// at once: type-checking them from source takes about a second, which the
// first run after the workbook starts used to wait for.
//
//go:embed std.gob
var stdExport []byte

// stdImporter imports the allowed standard library packages from
// stdExport; any other import (testify, the support packages) is an empty
// package, and the checks use what the learner's own code shows of it.
var stdImporter = &exportImporter{}

type exportImporter struct {
	mu   sync.Mutex
	data map[string][]byte
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func (c *exportImporter) Import(p string) (*types.Package, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.data == nil {
		c.data, c.fset, c.pkgs = map[string][]byte{}, token.NewFileSet(), map[string]*types.Package{}
		_ = gob.NewDecoder(bytes.NewReader(stdExport)).Decode(&c.data)
	}
	if data, ok := c.data[p]; ok && symbols.IsAllowed(p) && !strings.Contains(p, ".") {
		if pkg, ok := c.pkgs[p]; ok && pkg.Complete() {
			return pkg, nil
		}
		if pkg, err := gcexportdata.Read(bytes.NewReader(data), c.fset, c.pkgs, p); err == nil {
			return pkg, nil
		}
	}
	pkg := types.NewPackage(p, path.Base(p))
	pkg.MarkComplete()
	return pkg, nil
}

// Importer returns the importer the checks type-check with: the allowed
// standard library from the embedded export data, any other import an empty
// package. Other readers of the learner's code (the interpreter's locate
// runs) use it to see the same types.
func Importer() types.Importer { return stdImporter }
