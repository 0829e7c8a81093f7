package workbook

import (
	"io/fs"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// TestContentIsEverything: the binary carries every file of chapters/,
// exercises/ and solutions/ that git does, byte for byte.
func TestContentIsEverything(t *testing.T) {
	disk := os.DirFS(".")
	for _, dir := range []string{chapter.ChaptersDir, chapter.ExercisesDir, chapter.SolutionsDir} {
		err := fs.WalkDir(disk, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(path.Base(p), ".") || strings.Contains(p, "/.") {
				return err
			}
			want, _ := fs.ReadFile(disk, p)
			got, err := fs.ReadFile(Content(), p)
			if err != nil || string(got) != string(want) {
				t.Errorf("Content(): %s = %d bytes (%v), want the %d on disk", p, len(got), err, len(want))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestLearnerModule: the learner's go.mod requires the versions the
// workbook itself builds with (the interpreter's testify is this one),
// and with its go.sum it is complete: every package of a learner's folder
// and its tests resolves from the module cache alone.
func TestLearnerModule(t *testing.T) {
	read := func(name string) *modfile.File {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := modfile.Parse(name, data, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	root, learner := read("go.mod"), read("exercises/learner.mod")
	if learner.Module.Mod.Path != chapter.ExercisesModule {
		t.Errorf("exercises/learner.mod: module %s, want %s", learner.Module.Mod.Path, chapter.ExercisesModule)
	}
	ours := map[string]string{}
	for _, r := range root.Require {
		ours[r.Mod.Path] = r.Mod.Version
	}
	for _, r := range learner.Require {
		if r.Indirect {
			continue
		}
		if v := ours[r.Mod.Path]; v != r.Mod.Version {
			t.Errorf("exercises/learner.mod requires %s %s; the workbook builds with %q", r.Mod.Path, r.Mod.Version, v)
		}
	}

	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go on PATH: %v", err)
	}
	chapters, err := chapter.Load(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := workspace.Prepare(dir, Content(), chapters); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goBin, "list", "-deps", "-test", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go list -deps -test ./... in a learner's folder: %v\n%s", err, out)
	}
}

// TestDayFilesStayOutOfTheBuild: every Go file of a day folder carries the
// build line, so that no stub or half a package joins the workbook's build.
func TestDayFilesStayOutOfTheBuild(t *testing.T) {
	for _, dir := range []string{chapter.ExercisesDir, chapter.SolutionsDir} {
		days, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, day := range days {
			if !day.IsDir() || !chapter.IsDayFolder(day.Name()) {
				continue
			}
			files, _ := os.ReadDir(path.Join(dir, day.Name()))
			for _, f := range files {
				if !strings.HasSuffix(f.Name(), ".go") {
					continue
				}
				p := path.Join(dir, day.Name(), f.Name())
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if !chapter.HasBuildLine(data) {
					t.Errorf("%s: no //go:build ignore line above the package clause (add it by hand)", p)
				}
			}
		}
	}
}
