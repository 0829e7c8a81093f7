package main

import (
	"flag"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/render"
)

// cmdRead prints a chapter for reading in the terminal: its prose as
// Markdown with the code it shows filled in, without the front matter
// (whose hints and facilitator notes would spoil it). Part 2 appears once
// Part 1 has its star, as in the web workbook, or with --all.
func cmdRead(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("read", flag.ContinueOnError)
	all := flags.Bool("all", false, "show Part 2 even before Part 1 has its star")
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
	showPart2 := *all || prog.Chapter(ch.ID).Star(1)
	text, err := readable(wb, ch, showPart2)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, text)
	if !showPart2 {
		fmt.Fprintf(stdout, "\n---\nPart 2 opens when Part 1 passes (workbook test %d), or now with: workbook read %d --all\n", ch.Number, ch.Number)
	}
	return nil
}

// readable is the chapter's prose with its code references resolved and the
// terminal's notes on running the puzzles, without Part 2 unless showPart2.
func readable(wb *workbook, ch *chapter.Chapter, showPart2 bool) (string, error) {
	dir := path.Join(chapter.ChaptersDir, ch.ID)
	lines := strings.Split(render.Markdown(ch, render.Print), "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "Learning goals:\n")
	for _, g := range ch.Goals {
		fmt.Fprintf(&b, "  - %s\n", g)
	}
	fmt.Fprintf(&b, "\nYour files, in your workbook folder: %s\n\n", strings.Join(prefixAll(ch.ID+"/", ch.LearnerFiles), ", "))
	skipping := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "## ") {
			skipping = !showPart2 && strings.TrimSpace(line) == "## Part 2"
		}
		if skipping {
			continue
		}
		// A fenced block that shows code by reference, with an empty body:
		// ```go file=examples/intent.go#Deposit
		info, isFence := strings.CutPrefix(line, "```")
		lang, ref, ok := chapter.ParseInfo(info)
		if !isFence || !ok || i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "```" {
			b.WriteString(line + "\n")
			continue
		}
		code, err := chapter.Resolve(wb.fsys, dir, ref)
		if err != nil {
			return "", fmt.Errorf("%s/chapter.md: %w", dir, err)
		}
		where := ref.Path
		if ref.Decl != "" {
			where += "#" + ref.Decl
		}
		fmt.Fprintf(&b, "```%s\n// %s/%s\n%s\n```\n", lang, dir, where, strings.TrimRight(code, "\n"))
		i++ // the closing fence
	}
	return b.String(), nil
}
