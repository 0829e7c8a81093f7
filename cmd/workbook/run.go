package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/cqrsworkbook/workbook/chapter"
	"github.com/cqrsworkbook/workbook/harness"
	"github.com/cqrsworkbook/workbook/harness/gotest"
	"github.com/cqrsworkbook/workbook/harness/interp"
)

// Exit codes of the test command, a contract other tools rely on.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `The CQRS Workbook: learn CQRS and event sourcing by building a bank.

Usage:
  workbook list [--json]                  the chapters
  workbook test CHAPTER [flags]           run a chapter's tests against your code
      --suite example|full|all            which tests (default all)
      --engine interp|go                  the interpreter (no toolchain needed) or go test (default interp)
      --against exercise|solution         your code or the reference solution (default exercise)
      --seed S                            a personal puzzle input (your name, say)
      --json                              print the report as JSON
  workbook check [CHAPTER...]             verify the curriculum (authors)
  workbook gen                            refresh the given files carried from earlier chapters (authors)

CHAPTER is a number (1, 01) or an id (01-commands). Your files are in exercises/;
see README.md. The web workbook comes with "workbook" on its own in a later release.
`

// run is the whole program behind main, for tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	var err error
	code := exitOK
	switch args[0] {
	case "list":
		err = cmdList(args[1:], stdout)
	case "test":
		code, err = cmdTest(ctx, args[1:], stdout, stderr)
	case "check":
		code, err = cmdCheck(ctx, args[1:], stdout)
	case "gen":
		err = cmdGen(args[1:], stdout)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if err != nil {
		fmt.Fprintln(stderr, "workbook:", err)
		if errors.Is(err, errUsage) || errors.Is(err, harness.ErrUsage) || errors.Is(err, chapter.ErrNotFound) {
			fmt.Fprintln(stderr, "run 'workbook help' for usage")
		}
		return exitUsage
	}
	return code
}

var errUsage = errors.New("usage")

// parseArgs parses flags that may come before or after the positional
// arguments, as in "workbook test 1 --json".
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// workbookRoot finds the workbook: $WORKBOOK_ROOT, or the nearest folder
// above the current one that holds chapters/ and exercises/go.mod.
func workbookRoot() (string, error) {
	if r := os.Getenv("WORKBOOK_ROOT"); r != "" {
		return filepath.Abs(r)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if isRoot(d) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf("no workbook here: run it inside the workbook's folder (the one with chapters/ and exercises/), or set WORKBOOK_ROOT")
}

func isRoot(d string) bool {
	st, err := os.Stat(filepath.Join(d, chapter.ChaptersDir))
	if err != nil || !st.IsDir() {
		return false
	}
	_, err = os.Stat(filepath.Join(d, chapter.ExercisesDir, "go.mod"))
	return err == nil
}

type workbook struct {
	root     string
	chapters []*chapter.Chapter
	h        *harness.Harness
}

func open() (*workbook, error) {
	root, err := workbookRoot()
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(root)
	chapters, err := chapter.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("the chapters have problems:\n%w", err)
	}
	h := &harness.Harness{FS: fsys, Root: root, Engines: map[string]harness.Engine{
		"interp": &interp.Engine{},
		"go":     &gotest.Engine{},
	}}
	return &workbook{root: root, chapters: chapters, h: h}, nil
}

func cmdList(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	wb, err := open()
	if err != nil {
		return err
	}
	if *asJSON {
		type item struct {
			ID           string   `json:"id"`
			Number       int      `json:"number"`
			Title        string   `json:"title"`
			Summary      string   `json:"summary"`
			LearnerFiles []string `json:"learner_files"`
		}
		items := []item{}
		for _, ch := range wb.chapters {
			items = append(items, item{ch.ID, ch.Number, ch.Title, ch.Summary, ch.LearnerFiles})
		}
		return writeJSON(stdout, items)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, ch := range wb.chapters {
		fmt.Fprintf(tw, "%2d\t%s\t%s\t(edit %s)\n", ch.Number, ch.ID, ch.Title, strings.Join(prefixAll(ch.ExerciseDir()+"/", ch.LearnerFiles), ", "))
	}
	return tw.Flush()
}

func prefixAll(p string, xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = p + x
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func cmdTest(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	suite := fs.String("suite", "all", "example, full or all")
	engine := fs.String("engine", "interp", "interp or go")
	against := fs.String("against", "exercise", "exercise or solution")
	seed := fs.String("seed", "", "personal puzzle seed")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(pos) != 1 {
		return exitUsage, fmt.Errorf("%w: test takes one CHAPTER (a number like 1, or an id)", errUsage)
	}
	s, err := chapter.ParseSuite(*suite)
	if err != nil {
		return exitUsage, fmt.Errorf("%w: %v", errUsage, err)
	}
	if *against != "exercise" && *against != "solution" {
		return exitUsage, fmt.Errorf("%w: --against %q (want exercise or solution)", errUsage, *against)
	}
	wb, err := open()
	if err != nil {
		return exitUsage, err
	}
	ch, err := chapter.Lookup(wb.chapters, pos[0])
	if err != nil {
		return exitUsage, err
	}
	rep, err := wb.h.Run(ctx, harness.Request{Chapter: ch, Suite: s, Engine: *engine, Solution: *against == "solution", Seed: *seed})
	if err != nil {
		return exitUsage, err
	}
	if *asJSON {
		if err := writeJSON(stdout, rep); err != nil {
			return exitUsage, err
		}
	} else {
		printReport(stdout, ch, rep)
	}
	switch rep.Status {
	case harness.Pass:
		return exitOK, nil
	case harness.Error:
		if !*asJSON {
			fmt.Fprintln(stderr, "workbook:", rep.Problem)
		}
		return exitUsage, nil
	}
	return exitFail, nil
}

func statusMark(s harness.Status) string {
	switch s {
	case harness.Pass:
		return "PASS "
	case harness.Fail:
		return "FAIL "
	case harness.Timeout:
		return "TIME "
	}
	return "ERROR"
}

func printReport(w io.Writer, ch *chapter.Chapter, rep *harness.Report) {
	fmt.Fprintf(w, "Chapter %d: %s (%s, %s, %s suite)\n\n", ch.Number, ch.Title, rep.Engine, rep.Against, rep.Suite)
	for _, ce := range rep.CompileErrors {
		loc := ce.File
		if ce.Line > 0 {
			loc = fmt.Sprintf("%s/%s:%d:%d", ch.ExerciseDir(), ce.File, ce.Line, ce.Col)
		}
		fmt.Fprintf(w, "  does not compile: %s: %s\n", loc, ce.Message)
	}
	if len(rep.CompileErrors) > 0 {
		fmt.Fprintln(w)
	}
	for _, t := range rep.Tests {
		fmt.Fprintf(w, "  %s  %-40s part %d, %s  %dms\n", statusMark(t.Status), t.Name, t.Part, t.Suite, t.DurationMS)
		if t.Status == harness.Pass {
			continue
		}
		if t.File != "" {
			fmt.Fprintf(w, "         at %s/%s:%d\n", ch.ExerciseDir(), t.File, t.Line)
		}
		for _, l := range strings.Split(strings.TrimSpace(t.Message), "\n") {
			if l != "" {
				fmt.Fprintf(w, "         %s\n", l)
			}
		}
		if out := strings.TrimSpace(t.Output); out != "" {
			fmt.Fprintln(w, "         output:")
			for _, l := range strings.Split(out, "\n") {
				fmt.Fprintf(w, "           | %s\n", l)
			}
		}
	}
	fmt.Fprintf(w, "\n%d passed, %d failed\n", rep.Passed, rep.Failed)
	if rep.Status == harness.Pass {
		fmt.Fprintln(w, "Every test passes. On to the next chapter!")
	} else if len(rep.CompileErrors) == 0 && rep.Problem == "" {
		fmt.Fprintf(w, "Edit %s and run it again. Stuck? The hints are in %s/chapter.md.\n", strings.Join(prefixAll(ch.ExerciseDir()+"/", ch.LearnerFiles), ", "), ch.Dir)
	}
}
