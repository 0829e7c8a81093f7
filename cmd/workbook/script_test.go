package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestScripts runs the workbook as a learner would, from the scripts in
// testdata/script: the binary alone (this test binary, copied), outside
// any clone, with a home folder of its own and nothing on PATH but the
// workbook, so no Go toolchain. A script that needs Go says [go] and
// puts $GOROOT_BIN on PATH itself.
func TestScripts(t *testing.T) {
	self, err := exec.LookPath("workbook")
	if err != nil {
		t.Fatalf("testscript put no workbook on PATH: %v", err)
	}
	goBin, _ := exec.LookPath("go")
	goEnv := map[string]string{}
	if goBin != "" {
		out, err := exec.Command(goBin, "env", "GOMODCACHE", "GOCACHE", "GOPROXY", "GOSUMDB").Output()
		if err != nil {
			t.Fatalf("go env: %v", err)
		}
		vals := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
		for i, k := range []string{"GOMODCACHE", "GOCACHE", "GOPROXY", "GOSUMDB"} {
			if i < len(vals) {
				goEnv[k] = vals[i]
			}
		}
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			if err := os.Mkdir(home, 0o755); err != nil {
				return err
			}
			env.Setenv("HOME", home)
			env.Setenv("USERPROFILE", home)
			env.Setenv("PATH", filepath.Dir(self))
			env.Setenv("NO_COLOR", "1")
			env.Setenv("GOROOT_BIN", filepath.Dir(goBin))
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GORACE", os.Getenv("GORACE"))
			env.Setenv("GOFLAGS", "-mod=readonly")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "go":
				return goBin != "", nil
			}
			return false, os.ErrNotExist
		},
	})
}
