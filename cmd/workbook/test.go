package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
)

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
		dir := displayDir(filepath.Join(ws.Dir(), ch.ID))
		if req.Solution {
			dir = "solutions/" + ch.ID
		}
		printReport(stdout, reportView{ch: ch, dir: dir, solution: req.Solution, last: ch == wb.chapters[len(wb.chapters)-1]}, rep)
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
	dir string // the folder of the learner's files, as the learner would type it
	// solution is true when the run was the reference solution's: its
	// learner files are in dir, the day's other files in exercises/.
	solution bool
	// last is true for the workbook's last chapter.
	last bool
}

// path is where a file of the run is, as the learner would type it.
func (v reportView) path(file string) string {
	if v.solution && !v.ch.IsLearnerFile(file) {
		return v.ch.ExerciseDir() + "/" + file
	}
	return v.dir + "/" + file
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
			loc = fmt.Sprintf("%s:%d:%d: ", v.path(ce.File), ce.Line, ce.Col)
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
			fmt.Fprintf(w, "         at %s:%d\n", v.path(t.File), t.Line)
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
				files = append(files, v.path(f))
			}
		}
		fmt.Fprintf(w, "Edit %s and run it again. Stuck? workbook hint %d gives a hint, gentlest first.\n", strings.Join(files, ", "), ch.Number)
	}
}
