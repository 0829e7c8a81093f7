package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
	"github.com/cqrsworkbook/workbook/internal/watch"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// palette colours the terminal report, or not: NO_COLOR, or output that is
// not a console that shows colours (colourConsole, per OS), turns it off.
type palette struct{ on bool }

func newPalette(w io.Writer) palette {
	if os.Getenv("NO_COLOR") != "" {
		return palette{}
	}
	f, ok := w.(*os.File)
	return palette{on: ok && colourConsole(f)}
}

func (p palette) paint(code, s string) string {
	if !p.on {
		return s
	}
	return "\033[" + code + "m" + s + "\033[0m"
}

func (p palette) status(s harness.Status) string {
	switch s {
	case harness.Pass:
		return p.paint("32", "✔ pass   ")
	case harness.Fail:
		return p.paint("31", "✘ fail   ")
	case harness.Timeout:
		return p.paint("33", "⏱ timeout")
	}
	return p.paint("31", "⚠ error  ")
}

// chapterArg is the chapter named on the command line, or else the first
// one without both stars.
func chapterArg(wb *workbook, prog *progress.Progress, pos []string) (*chapter.Chapter, error) {
	if len(pos) > 1 {
		return nil, fmt.Errorf("%w: name one CHAPTER", errUsage)
	}
	if len(pos) == 1 {
		return chapter.Lookup(wb.chapters, pos[0])
	}
	for _, ch := range wb.chapters {
		cp := prog.Chapter(ch.ID)
		if !cp.Star(1) || !cp.Star(2) {
			return ch, nil
		}
	}
	return wb.chapters[len(wb.chapters)-1], nil
}

// partArg is the part named by --part, or the one the learner is on.
func partArg(flagValue int, prog *progress.Progress, ch *chapter.Chapter) (int, error) {
	switch flagValue {
	case 0:
		return currentPart(prog, ch), nil
	case 1, 2:
		return flagValue, nil
	}
	return 0, fmt.Errorf("%w: --part is 1 or 2", errUsage)
}

// currentPart is the part a learner is on: 1 until it has its star.
func currentPart(prog *progress.Progress, ch *chapter.Chapter) int {
	return prog.Chapter(ch.ID).Current()
}

func cmdWatch(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	flags := flag.NewFlagSet("watch", flag.ContinueOnError)
	engine := harness.Interp
	flags.Var(&engine, "engine", "interp or go")
	wsFlag := flags.String("workspace", "", "your workspace folder")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	wb, err := open()
	if err != nil {
		return err
	}
	ws, err := wb.openWorkspace(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	prog, err := ws.Progress()
	if err != nil {
		return err
	}
	ch, err := chapterArg(wb, prog, pos)
	if err != nil {
		return err
	}
	pal := newPalette(stdout)
	lines := bufio.NewScanner(stdin)
	for {
		solved := make(chan bool, 1)
		w := &watch.Watcher{Dir: filepath.Join(ws.Dir(), ch.ID), Files: ch.LearnerFiles, Run: func(ctx context.Context) {
			if watchRun(ctx, wb, ws, ch, engine, pal, stdout) {
				select {
				case solved <- true:
				default:
				}
			}
		}}
		wctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- w.Watch(wctx) }()
		select {
		case <-ctx.Done():
			cancel()
			<-done
			return nil
		case err := <-done:
			cancel()
			return err
		case <-solved:
		}
		cancel()
		<-done
		next := nextChapter(wb, ch)
		if next == nil {
			fmt.Fprintln(stdout, pal.paint("1", "That was the last day. Every star is yours!"))
			return nil
		}
		fmt.Fprintf(stdout, "\nDay %d is solved. Press Enter to go on to day %d (%s), or Ctrl-C to stop.\n", ch.Number, next.Number, next.Title)
		if !lines.Scan() {
			fmt.Fprintf(stdout, "(No keyboard to read from; run workbook watch %d to go on.)\n", next.Number)
			return nil
		}
		ch = next
	}
}

func nextChapter(wb *workbook, ch *chapter.Chapter) *chapter.Chapter {
	for i, c := range wb.chapters {
		if c == ch && i+1 < len(wb.chapters) {
			return wb.chapters[i+1]
		}
	}
	return nil
}

// watchRun runs the chapter once and draws the screen; it reports whether
// the chapter now has both stars.
func watchRun(ctx context.Context, wb *workbook, ws *workspace.Workspace, ch *chapter.Chapter, engine harness.EngineName, pal palette, w io.Writer) bool {
	files, err := ws.LearnerFiles(ch.ID, ch.LearnerFiles)
	if err != nil {
		fmt.Fprintln(w, "workbook:", err)
		return false
	}
	if pal.on {
		fmt.Fprint(w, "\033[H\033[2J")
	}
	dir := displayDir(filepath.Join(ws.Dir(), ch.ID))
	fmt.Fprintf(w, "%s  (watching %s; save a file to run again, Ctrl-C to stop)\n\n", pal.paint("1", fmt.Sprintf("Day %d: %s", ch.Number, ch.Title)), dir)
	rep, err := wb.h.Run(ctx, harness.Request{Chapter: ch, Suite: chapter.All, Engine: engine, Files: files})
	if err != nil {
		fmt.Fprintln(w, "workbook:", err)
		return false
	}
	newStars, prog, err := ws.Award(ch.ID, harness.Earned(ch, rep))
	if err != nil {
		fmt.Fprintln(w, "workbook:", err)
		return false
	}
	rep = visibleReport(rep)
	for _, ce := range rep.CompileErrors {
		loc := ""
		if ce.File != "" {
			loc = fmt.Sprintf("%s/%s:%d:%d: ", dir, ce.File, ce.Line, ce.Col)
		}
		fmt.Fprintf(w, "  %s %s%s\n", pal.paint("31", compileLabel[ce.Kind]+":"), loc, ce.Message)
	}
	var first *harness.TestResult
	for i, t := range rep.Tests {
		fmt.Fprintf(w, "  %s  %s  %s\n", pal.status(t.Status), t.Name, pal.paint("2", fmt.Sprintf("part %d, %s", t.Part, t.Suite)))
		if t.Status != harness.Pass && first == nil {
			first = &rep.Tests[i]
		}
	}
	cp := prog.Chapter(ch.ID)
	fmt.Fprintf(w, "\n%d passed, %d failed   %s\n", rep.Passed, rep.Failed, pal.paint("33", fmt.Sprintf("★ %d/%d", prog.StarCount(), progress.Total(len(wb.chapters)))))
	for _, p := range newStars {
		fmt.Fprintln(w, pal.paint("33", fmt.Sprintf("★ You earned a star for Part %d!", p)))
	}
	switch {
	case len(rep.CompileErrors) > 0:
		fmt.Fprintln(w, "\nFix the code above so it compiles; the tests run on your next save.")
	case first != nil:
		fmt.Fprintf(w, "\nFirst failure, %s:\n", first.Name)
		if first.File != "" {
			fmt.Fprintf(w, "  at %s/%s:%d\n", dir, first.File, first.Line)
		}
		for _, l := range strings.Split(strings.TrimSpace(first.Message), "\n") {
			fmt.Fprintf(w, "  %s\n", l)
		}
		if out := strings.TrimSpace(first.Output); out != "" {
			fmt.Fprintf(w, "  output:\n")
			for _, l := range strings.Split(out, "\n") {
				fmt.Fprintf(w, "    | %s\n", l)
			}
		}
		part := currentPart(prog, ch)
		fmt.Fprintf(w, "\nNext: make Part %d pass. Stuck? workbook hint %d\n", part, ch.Number)
	}
	return cp.Star(1) && cp.Star(2)
}

func cmdHint(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("hint", flag.ContinueOnError)
	part := flags.Int("part", 0, "1 or 2 (default: the part you are on)")
	wsFlag := flags.String("workspace", "", "your workspace folder")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	wb, ws, prog, err := openAll(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	ch, err := chapterArg(wb, prog, pos)
	if err != nil {
		return err
	}
	p, err := partArg(*part, prog, ch)
	if err != nil {
		return err
	}
	hints := [][]string{ch.Hints.Part1, ch.Hints.Part2}[p-1]
	if !prog.Chapter(ch.ID).Open(p) {
		return fmt.Errorf("day %d: %w; its hints open with it", ch.Number, progress.ErrLocked)
	}
	seen := prog.Chapter(ch.ID).HintsShown(p, len(hints))
	if seen >= len(hints) {
		fmt.Fprintf(stdout, "You have seen all %d hints for day %d, Part %d:\n\n", len(hints), ch.Number, p)
		for i, h := range hints {
			fmt.Fprintf(stdout, "%d. %s\n\n", i+1, h)
		}
		fmt.Fprintf(stdout, "Still stuck? The reference solution: workbook solution %d --part %d --force\n", ch.Number, p)
		return nil
	}
	shown := 0
	if _, err := ws.UpdateProgress(func(pr *progress.Progress) (err error) {
		shown, err = pr.Chapter(ch.ID).RevealHint(p, len(hints))
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Day %d, Part %d, hint %d of %d:\n\n%s\n", ch.Number, p, shown, len(hints), hints[shown-1])
	if shown < len(hints) {
		fmt.Fprintf(stdout, "\n(Run it again for a stronger one.)\n")
	}
	return nil
}

func openAll(wsFlag string, notes io.Writer) (*workbook, *workspace.Workspace, *progress.Progress, error) {
	wb, err := open()
	if err != nil {
		return nil, nil, nil, err
	}
	ws, err := wb.openWorkspace(wsFlag, notes)
	if err != nil {
		return nil, nil, nil, err
	}
	prog, err := ws.Progress()
	if err != nil {
		ws.Close()
		return nil, nil, nil, err
	}
	return wb, ws, prog, nil
}

func cmdProgress(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("progress", flag.ContinueOnError)
	wsFlag := flags.String("workspace", "", "your workspace folder")
	if _, err := parseArgs(flags, args); err != nil {
		return err
	}
	wb, ws, prog, err := openAll(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	pal := newPalette(stdout)
	fmt.Fprintf(stdout, "%s  %s\n\n", pal.paint("1", "CQRS Workbook"), pal.paint("33", fmt.Sprintf("★ %d/%d", prog.StarCount(), progress.Total(len(wb.chapters)))))
	for _, ch := range wb.chapters {
		cp := prog.Chapter(ch.ID)
		stars := ""
		for p := 1; p <= 2; p++ {
			if cp.Star(p) {
				stars += pal.paint("33", "★")
			} else {
				stars += "☆"
			}
		}
		fmt.Fprintf(stdout, "  Day %2d  %s  %s\n", ch.Number, stars, ch.Title)
	}
	if prog.Last != "" {
		fmt.Fprintf(stdout, "\nLast opened: %s\n", prog.Last)
	}
	return nil
}

func cmdReset(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("reset", flag.ContinueOnError)
	wsFlag := flags.String("workspace", "", "your workspace folder")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return fmt.Errorf("%w: reset takes CHAPTER [FILE]", errUsage)
	}
	wb, ws, _, err := openAll(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	ch, err := chapter.Lookup(wb.chapters, pos[0])
	if err != nil {
		return err
	}
	names := ch.LearnerFiles
	if len(pos) == 2 {
		if !ch.IsLearnerFile(pos[1]) {
			return fmt.Errorf("%w: %s is not one of your files in day %d (%s)", errUsage, pos[1], ch.Number, strings.Join(ch.LearnerFiles, ", "))
		}
		names = pos[1:]
	}
	for _, name := range names {
		if _, err := ws.Replace(ch.ID, name, ch.Exercise[name], "reset"); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Reset %s/%s/%s to the stub; your code is kept in its history (the web workbook's Versions).\n", displayDir(ws.Dir()), ch.ID, name)
	}
	return nil
}

func cmdSolution(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("solution", flag.ContinueOnError)
	part := flags.Int("part", 0, "1 or 2 (default: the part you are on)")
	force := flags.Bool("force", false, "show it before the part passes")
	wsFlag := flags.String("workspace", "", "your workspace folder")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	wb, ws, prog, err := openAll(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	ch, err := chapterArg(wb, prog, pos)
	if err != nil {
		return err
	}
	p, err := partArg(*part, prog, ch)
	if err != nil {
		return err
	}
	_, err = ws.UpdateProgress(func(pr *progress.Progress) error { return pr.Chapter(ch.ID).ShowSolution(p, *force) })
	if errors.Is(err, progress.ErrNotConfirmed) {
		return fmt.Errorf("day %d, Part %d has not passed yet: the reference solution opens when it does, or now with --force", ch.Number, p)
	}
	if err != nil {
		return err
	}
	// Only the part's own code: Part 2's needs Part 2 passed, or --force
	// for Part 2.
	solution, err := ch.SolutionFor(p)
	if err != nil {
		return err
	}
	for _, name := range ch.LearnerFiles {
		if data, ok := solution[name]; ok {
			fmt.Fprintf(stdout, "// solutions/%s/%s, Part %d\n%s\n", ch.ID, name, p, data)
		}
	}
	if p == 1 {
		fmt.Fprintf(stdout, "// Part 2's code is left out: workbook solution %d --part 2, once Part 2 passes.\n", ch.Number)
	}
	return nil
}
