package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

func cmdList(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := flags.Bool("json", false, "print JSON")
	wsFlag := flags.String("workspace", "", "your workspace folder")
	if _, err := parseArgs(flags, args); err != nil {
		return err
	}
	wb, err := open()
	if err != nil {
		return err
	}
	if *asJSON {
		type item struct {
			ID           string   `json:"id"`
			Number       int      `json:"number"`
			Title        string   `json:"title"`
			Summary      string   `json:"summary"`
			LearnerFiles []string `json:"learner_files"`
		}
		items := []item{}
		for _, ch := range wb.chapters {
			items = append(items, item{ch.ID, ch.Number, ch.Title, ch.Summary, ch.LearnerFiles})
		}
		return writeJSON(stdout, items)
	}
	// The list names the files to edit, so they had better exist.
	ws, err := wb.openWorkspace(*wsFlag, stdout)
	if err != nil {
		return err
	}
	defer ws.Close()
	dir := ws.Dir()
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, ch := range wb.chapters {
		fmt.Fprintf(tw, "%2d\t%s\t%s\t(edit %s)\n", ch.Number, ch.ID, ch.Title, strings.Join(prefixAll(displayDir(filepath.Join(dir, ch.ID))+"/", ch.LearnerFiles), ", "))
	}
	return tw.Flush()
}
