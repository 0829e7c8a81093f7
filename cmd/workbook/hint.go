package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/cqrsworkbook/workbook/internal/progress"
)

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
