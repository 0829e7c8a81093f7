package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/check"
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
	failed := 0
	for _, ch := range selected {
		errs := check.Static(ch)
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
