package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/handout"
)

// cmdHandouts writes the workshop handouts: DIR/learner/ and
// DIR/facilitator/ (or the one edition asked for), each a static site, and
// with --pdf DIR/learner.pdf and DIR/facilitator.pdf. The HTML is written
// first, so it is there even when the PDF fails; a PDF that was asked for
// and could not be printed (Chromium missing, say) exits 1.
func cmdHandouts(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	flags := flag.NewFlagSet("handouts", flag.ContinueOnError)
	out := flags.String("out", "", "the folder to write to")
	spec := flags.String("chapters", "", "which chapters: 1-3, 1,3 or 2 (default all)")
	title := flags.String("title", "", "the workshop's title on the cover")
	date := flags.String("date", "", "the date on the cover (default today)")
	edition := flags.String("edition", "both", "learner, facilitator or both")
	paper := flags.String("paper", handout.A4, "a4 or letter")
	pdf := flags.Bool("pdf", false, "also print each edition to DIR/EDITION.pdf with Chromium")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return exitUsage, err
	}
	if len(pos) > 0 {
		return exitUsage, fmt.Errorf("%w: handouts takes no arguments (use --chapters)", errUsage)
	}
	if *out == "" {
		return exitUsage, fmt.Errorf("%w: handouts needs --out DIR", errUsage)
	}
	var editions []handout.Edition
	switch *edition {
	case "both":
		editions = []handout.Edition{handout.Learner, handout.Facilitator}
	case string(handout.Learner), string(handout.Facilitator):
		editions = []handout.Edition{handout.Edition(*edition)}
	default:
		return exitUsage, fmt.Errorf("%w: --edition %q (want learner, facilitator or both)", errUsage, *edition)
	}
	if *paper != handout.A4 && *paper != handout.Letter {
		return exitUsage, fmt.Errorf("%w: --paper %q (want a4 or letter)", errUsage, *paper)
	}
	wb, err := open()
	if err != nil {
		return exitUsage, err
	}
	selected := wb.chapters
	if *spec != "" {
		if selected, err = selectChapters(wb.chapters, *spec); err != nil {
			return exitUsage, err
		}
	}
	dir, err := filepath.Abs(*out)
	if err != nil {
		return exitUsage, err
	}
	for _, ed := range editions {
		edDir := filepath.Join(dir, string(ed))
		opts := handout.Options{Chapters: selected, FS: wb.fsys, Title: *title, Date: *date, Edition: ed, Paper: *paper, Out: edDir}
		if err := handout.Build(opts); err != nil {
			return exitFail, err
		}
		fmt.Fprintf(stdout, "%-11s %s (open index.html; print.html holds every chapter)\n", ed, displayDir(edDir))
	}
	if !*pdf {
		return exitOK, nil
	}
	chromium, err := handout.FindChromium()
	if err != nil {
		fmt.Fprintf(stderr, "workbook: --pdf needs Chromium, which is not installed: apt-get install chromium (or put chromium, chromium-browser or google-chrome on PATH).\nThe HTML handouts are written; print their print.html from any browser instead.\n")
		return exitFail, nil
	}
	failed := false
	for _, ed := range editions {
		file := filepath.Join(dir, string(ed)+".pdf")
		if err := handout.PrintPDF(ctx, chromium, filepath.Join(dir, string(ed), handout.PrintFile), file); err != nil {
			fmt.Fprintln(stderr, "workbook:", err)
			failed = true
			continue
		}
		fmt.Fprintf(stdout, "%-11s %s\n", ed, displayDir(file))
	}
	if failed {
		return exitFail, nil
	}
	return exitOK, nil
}

// selectChapters returns the chapters a --chapters value names, in workbook
// order: numbers ("2"), ranges ("1-3") and lists of both ("1,3-4"). A range
// may reach past the last chapter ("1-5" of three is all three); a single
// number must name a chapter.
func selectChapters(chapters []*chapter.Chapter, spec string) ([]*chapter.Chapter, error) {
	want := map[int]bool{}
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		lo, hi, isRange := strings.Cut(item, "-")
		a, errA := strconv.Atoi(strings.TrimSpace(lo))
		b, errB := a, error(nil)
		if isRange {
			b, errB = strconv.Atoi(strings.TrimSpace(hi))
		}
		if errA != nil || errB != nil || a < 1 || b < a {
			return nil, fmt.Errorf("%w: --chapters %q: %q is not a chapter number or a range like 1-3", errUsage, spec, item)
		}
		if !isRange && chapter.Find(chapters, strconv.Itoa(a)) == nil {
			_, err := chapter.Lookup(chapters, strconv.Itoa(a))
			return nil, err
		}
		for n := a; n <= b; n++ {
			want[n] = true
		}
	}
	var out []*chapter.Chapter
	for _, ch := range chapters {
		if want[ch.Number] {
			out = append(out, ch)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: --chapters %q selects no chapter", chapter.ErrNotFound, spec)
	}
	return out, nil
}
