package main

import (
	"fmt"
	"io"
	"os"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
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
