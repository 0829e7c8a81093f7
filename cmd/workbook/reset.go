package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

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
