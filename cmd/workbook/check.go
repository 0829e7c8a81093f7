package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/check"
)

func cmdCheck(ctx context.Context, args []string, stdout io.Writer) (int, error) {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	static := flags.Bool("static", false, "only the checks that need no engine")
	asJSON := flags.Bool("json", false, "print each chapter's result as JSON, with its mutation score")
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
	var results []checkResult
	for _, ch := range selected {
		res := check.Result{Problems: check.Static(ch), Mutants: len(ch.Mutants), Alternatives: len(ch.Alternatives)}
		if !*static && ctx.Err() == nil {
			run := check.Run(ctx, wb.h, ch)
			run.Problems = append(res.Problems, run.Problems...)
			res = run
		}
		if len(res.Problems) > 0 {
			failed++
		}
		if *asJSON {
			results = append(results, newCheckResult(ch, res, !*static))
			continue
		}
		status := "ok  "
		if len(res.Problems) > 0 {
			status = "FAIL"
		}
		fmt.Fprintf(stdout, "%s  %s%s\n", status, ch.ID, scoreNote(res, !*static))
		for _, e := range res.Problems {
			fmt.Fprintf(stdout, "      %v\n", e)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			return exitFail, err
		}
	} else {
		fmt.Fprintf(stdout, "\n%d passed, %d failed\n", len(selected)-failed, failed)
	}
	if failed > 0 || ctx.Err() != nil {
		return exitFail, nil
	}
	return exitOK, nil
}

// scoreNote is what a line of check says of a chapter's mutants and
// alternatives, once the engines ran them.
func scoreNote(res check.Result, ran bool) string {
	if !ran {
		return ""
	}
	s := fmt.Sprintf("  (mutants killed %d/%d", res.Killed, res.Mutants)
	if res.Alternatives > 0 {
		s += fmt.Sprintf(", alternative solutions passing %d/%d", res.Passed, res.Alternatives)
	}
	if res.Compared > 0 {
		s += fmt.Sprintf(", failures alike in both engines %d/%d", res.Same, res.Compared)
	}
	return s + ")"
}

// checkResult is one chapter's line of check --json.
type checkResult struct {
	Chapter  string   `json:"chapter"`
	OK       bool     `json:"ok"`
	Problems []string `json:"problems"`
	// The rest only when the engines ran (not with --static).
	Mutants       *int     `json:"mutants,omitempty"`
	Killed        *int     `json:"killed,omitempty"`
	MutationScore *float64 `json:"mutation_score,omitempty"`
	Alternatives  *int     `json:"alternatives,omitempty"`
	Passing       *int     `json:"alternatives_passing,omitempty"`
	// Failures of the mutants' catching tests compared between the
	// engines, and how many read the same.
	Compared *int `json:"failures_compared,omitempty"`
	Same     *int `json:"failures_alike,omitempty"`
}

func newCheckResult(ch *chapter.Chapter, res check.Result, ran bool) checkResult {
	r := checkResult{Chapter: ch.ID, OK: len(res.Problems) == 0, Problems: []string{}}
	for _, p := range res.Problems {
		r.Problems = append(r.Problems, p.Error())
	}
	if ran {
		score := res.MutationScore()
		r.Mutants, r.Killed, r.MutationScore, r.Alternatives, r.Passing = &res.Mutants, &res.Killed, &score, &res.Alternatives, &res.Passed
		r.Compared, r.Same = &res.Compared, &res.Same
	}
	return r
}
