package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/gotest"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/progress"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// Exit codes of the test command, a contract other tools rely on.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `The CQRS Workbook: learn CQRS and event sourcing by building a bank, a blog and an auction.

Usage:
  workbook init [DIR]                     make your workbook folder (default ./cqrs-workbook),
                                          or bring it up to date; your files are never overwritten
  workbook [serve] [flags]                the web workbook: read, edit, run, collect stars
      --addr HOST:PORT                    where to listen (default 127.0.0.1:7878, or a free port)
      --workspace DIR                     your files (default: see below)
      --no-open                           do not open a browser
  workbook list [--json]                  the chapters
  workbook test CHAPTER [flags]           run a chapter's tests against your code
      --suite example|full|all            which tests (default all)
      --engine interp|go                  the interpreter (no toolchain needed) or go test (default interp)
      --against exercise|solution         your code or the reference solution (default exercise)
      --seed S                            a personal puzzle input (your name, say)
      --json                              print the report as JSON
      --workspace DIR                     your files (default: see below)
  workbook watch [CHAPTER]                rerun the tests whenever you save (default: the day you are on)
  workbook read [CHAPTER] [--all]         the chapter's text with its code, for the terminal
                                          (Part 2 once Part 1 passes; --all shows it now)
  workbook hint [CHAPTER] [--part N]      the next hint, gentlest first
  workbook progress                       your stars, day by day
  workbook reset CHAPTER [FILE]           put the stub back (your code stays in the history)
  workbook solution [CHAPTER] [--part N] [--force]
                                          a part's reference solution, that part's code
                                          only, once the part passes
  workbook handouts --out DIR [flags]     printable workshop handouts (facilitators)
      --chapters 1-3|1,3|2                which chapters (default all)
      --edition learner|facilitator|both  which edition (default both: DIR/learner/, DIR/facilitator/)
      --title T, --date D                 the cover's title and date (default today)
      --paper a4|letter                   the paper size (default a4)
      --pdf                               also print DIR/EDITION.pdf with Chromium (exit 1 if it cannot)
  workbook check [CHAPTER...]             verify the curriculum (authors)
  workbook version                        which workbook this is

CHAPTER is a number (1, 01) or an id (01-commands). Your files are in the workbook
folder you are in (made by init; any folder inside it will do), else in work/ when
you are in a clone of the workbook, else in cqrs-workbook in your home folder,
made on first use. --workspace DIR or $WORKBOOK_WORKSPACE choose another.
`

// run is the whole program behind main, for tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && !isHelp(args[0])) {
		args = append([]string{"serve"}, args...)
	}
	var err error
	code := exitOK
	switch args[0] {
	case "serve":
		err = cmdServe(ctx, args[1:], stdout, stderr)
	case "init":
		err = cmdInit(args[1:], stdout)
	case "list":
		err = cmdList(args[1:], stdout)
	case "test":
		code, err = cmdTest(ctx, args[1:], stdout, stderr)
	case "check":
		code, err = cmdCheck(ctx, args[1:], stdout)
	case "handouts":
		code, err = cmdHandouts(ctx, args[1:], stdout, stderr)
	case "watch":
		err = cmdWatch(ctx, args[1:], os.Stdin, stdout)
	case "hint":
		err = cmdHint(args[1:], stdout)
	case "read":
		err = cmdRead(args[1:], stdout)
	case "progress":
		err = cmdProgress(args[1:], stdout)
	case "reset":
		err = cmdReset(args[1:], stdout)
	case "solution":
		err = cmdSolution(args[1:], stdout)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "--version", "-version":
		cmdVersion(stdout)
		return exitOK
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if errors.Is(err, errHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
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

func isHelp(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help"
}

var (
	errUsage = errors.New("usage")
	errHelp  = errors.New("help requested")
)

// parseArgs parses flags that may come before or after the positional
// arguments, as in "workbook test 1 --json".
func parseArgs(flags *flag.FlagSet, args []string) ([]string, error) {
	flags.SetOutput(io.Discard)
	var pos []string
	for {
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = flags.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

type workbook struct {
	// root is the clone the content comes from, or "" for the content
	// built into the binary.
	root     string
	fsys     fs.FS
	chapters []*chapter.Chapter
	h        *harness.Harness
	// problems are the load errors of chapters left out (openSome only).
	problems error
}

// open loads the workbook and refuses to go on if any chapter has a
// problem: the web workbook, handouts and a learner's commands need all of
// them.
func open() (*workbook, error) {
	wb, err := openSome()
	if err != nil {
		return nil, err
	}
	if wb.problems != nil {
		return nil, fmt.Errorf("the chapters have problems:\n%w", wb.problems)
	}
	return wb, nil
}

// openSome loads the chapters that load, keeping the others' problems in
// wb.problems, for the authors' commands that name the chapters they need
// (check N, test N, gen): one author's half-written chapter does not stop
// another's work. They must still refuse when a chapter they need is
// missing, and say what was left out.
func openSome() (*workbook, error) {
	src, err := findContent()
	if err != nil {
		return nil, err
	}
	root, fsys := src.root, chapter.View(src.fsys)
	chapters, problems := chapter.Load(fsys)
	if problems != nil && len(chapters) == 0 {
		return nil, fmt.Errorf("the chapters have problems:\n%w", problems)
	}
	h := &harness.Harness{FS: fsys, Engines: map[harness.EngineName]harness.Engine{
		harness.Interp: &interp.Engine{},
		harness.GoTest: &gotest.Engine{},
	}}
	return &workbook{root: root, fsys: fsys, chapters: chapters, h: h, problems: problems}, nil
}

// warnProblems says which chapters were left out and why.
func (wb *workbook) warnProblems(w io.Writer) {
	if wb.problems != nil {
		fmt.Fprintf(w, "workbook: warning: chapters with problems were left out:\n%v\n\n", wb.problems)
	}
}

// openWorkspace finds the learner's folder (see findLearnerFolder), brings
// it up to date with the exercises without touching their own work, and
// opens it. What the learner should know of it (a folder made, a stub that
// changed) goes to notes.
func (wb *workbook) openWorkspace(flagValue string, notes io.Writer) (*workspace.Workspace, error) {
	ws, lf, rep, err := wb.openFolder(flagValue)
	if err == nil {
		printFolderNotes(notes, lf, rep)
	}
	return ws, err
}

// openFolder is openWorkspace that also says how the folder was found
// and what the update changed.
func (wb *workbook) openFolder(flagValue string) (*workspace.Workspace, learnerFolder, workspace.Report, error) {
	lf, err := findLearnerFolder(flagValue, wb.root)
	if err != nil {
		return nil, lf, workspace.Report{}, err
	}
	rep, err := wb.syncFolder(lf.dir)
	if err != nil {
		return nil, lf, rep, err
	}
	ws, err := workspace.Open(lf.dir)
	if err != nil {
		return nil, lf, rep, err
	}
	return ws, lf, rep, nil
}

func cmdList(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := flags.Bool("json", false, "print JSON")
	wsFlag := flags.String("workspace", "", "your workspace folder")
	if _, err := parseArgs(flags, args); err != nil {
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
	// The list names the files to edit, so they had better exist.
	ws, err := wb.openWorkspace(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	dir := ws.Dir()
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, ch := range wb.chapters {
		fmt.Fprintf(tw, "%2d\t%s\t%s\t(edit %s)\n", ch.Number, ch.ID, ch.Title, strings.Join(prefixAll(displayDir(filepath.Join(dir, ch.ID))+"/", ch.LearnerFiles), ", "))
	}
	return tw.Flush()
}

// displayDir is dir relative to the current folder when it is below it.
func displayDir(dir string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return dir
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
	flags := flag.NewFlagSet("test", flag.ContinueOnError)
	suite := flags.String("suite", "all", "example, full or all")
	engine := harness.Interp
	flags.Var(&engine, "engine", "interp or go")
	against := flags.String("against", "exercise", "exercise or solution")
	seed := flags.String("seed", "", "personal puzzle seed")
	asJSON := flags.Bool("json", false, "print JSON")
	wsFlag := flags.String("workspace", "", "your workspace folder")
	pos, err := parseArgs(flags, args)
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
	wb, err := openSome()
	if err != nil {
		return exitUsage, err
	}
	ch, err := chapter.Lookup(wb.chapters, pos[0])
	if err != nil {
		if wb.problems != nil {
			return exitUsage, fmt.Errorf("%w\n(the chapters have problems: %v)", err, wb.problems)
		}
		return exitUsage, err
	}
	wb.warnProblems(stderr)
	req := harness.Request{Chapter: ch, Suite: s, Engine: engine, Solution: *against == "solution", Seed: *seed}
	ws, err := wb.openWorkspace(*wsFlag, stderr)
	if err != nil {
		return exitUsage, err
	}
	defer ws.Close()
	if !req.Solution {
		if req.Files, err = ws.LearnerFiles(ch.ID, ch.LearnerFiles); err != nil {
			return exitUsage, err
		}
	}
	rep, err := wb.h.Run(ctx, req)
	if err != nil {
		return exitUsage, err
	}
	var newStars []int
	var prog *progress.Progress
	if !req.Solution {
		if newStars, prog, err = ws.Award(ch.ID, harness.Earned(ch, rep)); err != nil {
			return exitUsage, err
		}
	}
	if *asJSON {
		if err := writeJSON(stdout, rep); err != nil {
			return exitUsage, err
		}
	} else {
		dir := ch.ExerciseDir()
		if !req.Solution {
			dir = displayDir(filepath.Join(ws.Dir(), ch.ID))
		} else {
			dir = "solutions/" + ch.ID
		}
		printReport(stdout, reportView{ch: ch, dir: dir, last: ch == wb.chapters[len(wb.chapters)-1]}, rep)
		for i, p := range newStars {
			count := prog.StarCount() - (len(newStars) - 1 - i)
			fmt.Fprintf(stdout, "★ You earned a star for Part %d! (%d of %d stars)\n", p, count, progress.Total(len(wb.chapters)))
		}
	}
	switch rep.Status {
	case harness.Pass:
		return exitOK, nil
	case harness.Error:
		if !*asJSON {
			fmt.Fprintln(stderr, "workbook:", visible(rep.Problem))
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

var compileLabel = map[string]string{
	"compile":     "does not compile",
	"import":      "import not allowed",
	"interpreter": "the interpreter cannot run this",
}

// reportView is what printReport needs beyond the report.
type reportView struct {
	ch  *chapter.Chapter
	dir string // the folder of the files shown, as the learner would type it
	// last is true for the workbook's last chapter.
	last bool
}

func printReport(w io.Writer, v reportView, rep *harness.Report) {
	ch := v.ch
	rep = visibleReport(rep)
	fmt.Fprintf(w, "Day %d: %s (%s, %s, %s suite)\n", ch.Number, ch.Title, rep.Engine, rep.Against, rep.Suite)
	if rep.Seed != "" {
		fmt.Fprintf(w, "Puzzle input: your own, seed %q\n", rep.Seed)
	}
	fmt.Fprintln(w)
	if rep.Problem != "" && len(rep.CompileErrors) == 0 {
		// Nothing ran, for one reason, which the caller says once.
		fmt.Fprintf(w, "  No test ran (%d selected).\n", len(rep.Tests))
		return
	}
	blame := map[string]bool{}
	goEngineRuns := false
	for _, ce := range rep.CompileErrors {
		goEngineRuns = goEngineRuns || ce.GoEngineRuns
		label := compileLabel[ce.Kind]
		if label == "" {
			label = "does not compile"
		}
		loc := ""
		if ce.File != "" {
			loc = fmt.Sprintf("%s/%s:%d:%d: ", v.dir, ce.File, ce.Line, ce.Col)
			blame[ce.File] = true
		}
		fmt.Fprintf(w, "  %s: %s%s\n", label, loc, ce.Message)
	}
	if len(rep.CompileErrors) > 0 {
		if goEngineRuns && rep.Engine != harness.GoTest {
			// The report says which engine runs the code; the terminal's
			// way to choose it is a flag.
			fmt.Fprintf(w, "  The go engine runs this code as it is: workbook test %d --engine go\n", ch.Number)
		}
		fmt.Fprintln(w)
	}
	width := 0
	for _, t := range rep.Tests {
		if len(t.Name) > width {
			width = len(t.Name)
		}
	}
	// What passing tests skipped (the capstone's PostgreSQL half without a
	// server) is said once, after the list, so that a pass is not read as
	// more than it is.
	skipped := map[string]int{}
	var skips []string
	for _, t := range rep.Tests {
		fmt.Fprintf(w, "  %s  %-*s  part %d, %-7s %4dms\n", statusMark(t.Status), width, t.Name, t.Part, t.Suite, t.DurationMS)
		if t.Status == harness.Pass {
			for _, l := range strings.Split(t.Message, "\n") {
				l = strings.TrimSpace(l)
				switch {
				case strings.HasPrefix(l, "puzzle answer"):
					fmt.Fprintf(w, "         %s\n", l)
				case strings.HasPrefix(l, "skipped"):
					if skipped[l] == 0 {
						skips = append(skips, l)
					}
					skipped[l]++
				}
			}
			continue
		}
		if t.File != "" {
			fmt.Fprintf(w, "         at %s/%s:%d\n", v.dir, t.File, t.Line)
			if ch.IsLearnerFile(t.File) {
				blame[t.File] = true
			}
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
	for _, l := range skips {
		fmt.Fprintf(w, "\n  note: %d passing tests %s\n", skipped[l], strings.Replace(l, "skipped:", "skipped a part:", 1))
	}
	fmt.Fprintf(w, "\n%d passed, %d failed\n", rep.Passed, rep.Failed)
	switch {
	case rep.Status == harness.Pass && rep.Against == "solution":
		fmt.Fprintln(w, "The reference solution passes.")
	case rep.Status == harness.Pass && rep.Suite != "all":
		fmt.Fprintf(w, "The %s suite passes. Run the whole chapter with: workbook test %d\n", rep.Suite, ch.Number)
	case rep.Status == harness.Pass && v.last:
		fmt.Fprintln(w, "Every test passes, and that was the last chapter. See which days are still open: workbook progress")
	case rep.Status == harness.Pass:
		fmt.Fprintf(w, "Every test passes. On to the next chapter: workbook test %d\n", ch.Number+1)
	case rep.Problem == "":
		var files []string
		for _, f := range ch.LearnerFiles {
			if blame[f] || len(blame) == 0 {
				files = append(files, v.dir+"/"+f)
			}
		}
		fmt.Fprintf(w, "Edit %s and run it again. Stuck? workbook hint %d gives a hint, gentlest first.\n", strings.Join(files, ", "), ch.Number)
	}
}
