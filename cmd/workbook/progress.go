package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/cqrsworkbook/workbook/internal/progress"
)

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
