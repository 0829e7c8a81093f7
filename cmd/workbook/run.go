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

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/gotest"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
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
  workbook check [CHAPTER...] [flags]     verify the curriculum (authors): stubs fail, solutions,
                                          alternative solutions pass, every mutant is caught
      --static                            only the checks that need no engine
      --json                              print each chapter's result and mutation score as JSON
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
