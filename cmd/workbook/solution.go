package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/cqrsworkbook/workbook/internal/progress"
)

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
