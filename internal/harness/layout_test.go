package harness_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestToolImportsNoContent: the tool's libraries build without the
// curriculum. Only internal/supportsyms (the compiled support packages'
// symbols, which the binary's main hands to the workers) imports content,
// and internal/fixture, the tests' small workbook, which borrows the
// learner module from it and which only tests import (a library that did
// would depend on the content through it, and fail here).
func TestToolImportsNoContent(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goBin, "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "github.com/cqrsworkbook/workbook/internal/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/cqrsworkbook/workbook"
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		if strings.HasSuffix(pkg, "/internal/supportsyms") || strings.HasSuffix(pkg, "/internal/fixture") || strings.Contains(pkg, "/testdata/") {
			continue
		}
		checked++
		for _, d := range deps {
			if d == module || strings.HasPrefix(d, module+"/exercises/") {
				t.Errorf("%s imports %s: the tool's libraries must not depend on the content", pkg, d)
			}
		}
	}
	if checked < 10 {
		t.Errorf("go list named %d packages of internal/, want the tool's libraries:\n%s", checked, out)
	}
}
