package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
)

// cmdInit writes a learner's folder (DIR, else the one the current folder
// is in, else ./cqrs-workbook), or brings one up to date: one folder
// per day with its stub and tests, the go.mod, the support packages the
// tests import and a README. Nothing the learner wrote is overwritten.
func cmdInit(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("init", flag.ContinueOnError)
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: init takes one folder, got %d", errUsage, len(pos))
	}
	// In a learner folder, init brings that one up to date.
	dir, inside := upward(isLearnerFolder)
	if !inside {
		dir = defaultFolder
	}
	if len(pos) == 1 {
		dir = pos[0]
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	wb, err := open()
	if err != nil {
		return err
	}
	rep, err := wb.syncFolder(dir)
	if err != nil {
		return err
	}
	shown := displayDir(dir)
	if rep.Created {
		fmt.Fprintf(stdout, "Made your workbook folder: %s (%d days)\n", shown, len(wb.chapters))
	} else if len(rep.Added)+len(rep.Updated)+len(rep.Kept) == 0 {
		fmt.Fprintf(stdout, "Your workbook folder was already up to date: %s\n", shown)
	} else {
		fmt.Fprintf(stdout, "Brought your workbook folder up to date: %s\n", shown)
		printSyncReport(stdout, dir, rep)
	}
	fmt.Fprintf(stdout, "\nNext:\n  cd %s\n  workbook          # the web workbook\n  workbook test 1   # or day 1's tests here in the terminal\n", quoteArg(shown))
	fmt.Fprintf(stdout, "With Go 1.26 or newer, plain go test works too: cd %s && go test\n", quoteArg(filepath.Join(shown, wb.chapters[0].ID)))
	return nil
}

// quoteArg quotes a path for a shell when it needs it.
func quoteArg(s string) string {
	for _, r := range s {
		if !(r == '/' || r == '\\' || r == '.' || r == '-' || r == '_' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return `"` + s + `"`
		}
	}
	return s
}
