package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
	"github.com/cqrsworkbook/workbook/internal/watch"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

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
