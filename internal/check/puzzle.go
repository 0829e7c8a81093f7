package check

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// runInstruction is how prose tells the learner to run the tests: a command
// or one of the page's buttons.
var runInstruction = regexp.MustCompile("workbook test|go test|--seed|Run example|Run full")

// runInstructions finds puzzle sections that say how to run the tests. The
// workbook ends each one with a note that says it for where it is read (the
// page's buttons, or the commands on paper and in the terminal:
// render.RunNote), so the same words in the prose would be wrong in one of
// them, or said twice.
func runInstructions(ch *chapter.Chapter) []error {
	var errs []error
	if ch.Doc == nil {
		return nil
	}
	for _, p := range ch.Doc.Puzzles() {
		section := ch.Prose[p.Start:p.End]
		for _, m := range runInstruction.FindAllStringIndex(section, -1) {
			line := ch.ProseLine + strings.Count(ch.Prose[:p.Start+m[0]], "\n")
			errs = append(errs, &chapter.Error{File: path.Join(ch.Dir, "chapter.md"), Line: line,
				Msg: fmt.Sprintf("Part %d's %q says how to run the tests (%q): describe the puzzle only, the workbook adds how to run it on the page, on paper and in the terminal", p.Part, "### "+chapter.PuzzleHeading, section[m[0]:m[1]])})
		}
	}
	return errs
}
