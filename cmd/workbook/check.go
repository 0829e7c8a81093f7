package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/cqrsworkbook/workbook/chapter"
	"github.com/cqrsworkbook/workbook/check"
	"github.com/cqrsworkbook/workbook/workspace"
)

func cmdCheck(ctx context.Context, args []string, stdout io.Writer) (int, error) {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	static := flags.Bool("static", false, "only the checks that need no engine")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return exitUsage, err
	}
	// Checking everything needs every chapter; checking some needs those.
	wb, err := openSome()
	if err != nil {
		return exitFail, err
	}
	if len(pos) == 0 && wb.problems != nil {
		return exitFail, fmt.Errorf("the chapters have problems:\n%w", wb.problems)
	}
	selected := wb.chapters
	if len(pos) > 0 {
		selected = nil
		for _, p := range pos {
			ch, err := chapter.Lookup(wb.chapters, p)
			if err != nil {
				if wb.problems != nil {
					return exitFail, fmt.Errorf("%w\n(the chapters have problems: %v)", err, wb.problems)
				}
				return exitUsage, err
			}
			selected = append(selected, ch)
		}
		wb.warnProblems(stdout)
	}
	carried, err := chapter.Carried(wb.chapters)
	if err != nil {
		return exitFail, err
	}
	failed := 0
	for _, ch := range selected {
		errs := check.Static(ch, carried[ch.ID])
		if !*static && ctx.Err() == nil {
			errs = append(errs, check.Run(ctx, wb.h, ch)...)
		}
		if len(errs) == 0 {
			fmt.Fprintf(stdout, "ok    %s\n", ch.ID)
			continue
		}
		failed++
		fmt.Fprintf(stdout, "FAIL  %s\n", ch.ID)
		for _, e := range errs {
			fmt.Fprintf(stdout, "      %v\n", e)
		}
	}
	fmt.Fprintf(stdout, "\n%d passed, %d failed\n", len(selected)-failed, failed)
	if failed > 0 || ctx.Err() != nil {
		return exitFail, nil
	}
	return exitOK, nil
}

func cmdGen(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	if _, err := parseArgs(flags, args); err != nil {
		return err
	}
	wb, err := openSome()
	if err != nil {
		return err
	}
	if wb.root == "" {
		return fmt.Errorf("gen writes the repository's files: run it in a clone of the workbook")
	}
	wb.warnProblems(stdout)
	carried, err := chapter.Carried(wb.chapters)
	if err != nil {
		return err
	}
	for _, ch := range wb.chapters {
		dir := filepath.Join(wb.root, filepath.FromSlash(ch.ExerciseDir()))
		want := carried[ch.ID]
		names := make([]string, 0, len(want))
		for name := range want {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if string(ch.Exercise[name]) == string(want[name]) {
				continue
			}
			if err := workspace.WriteFile(filepath.Join(dir, name), chapter.SourceForm(want[name])); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s/%s\n", ch.ExerciseDir(), name)
		}
		for name, data := range ch.Exercise {
			if _, gen := chapter.IsGenerated(data); gen && want[name] == nil {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					return err
				}
				fmt.Fprintf(stdout, "removed %s/%s\n", ch.ExerciseDir(), name)
			}
		}
	}
	return nil
}
