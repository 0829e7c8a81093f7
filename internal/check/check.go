// Package check verifies the curriculum, as rustlings' dev check and the Go
// Tour's content tests do: every chapter's metadata and prose are sound, the
// numbers of its worked examples match its example tests, its given files are
// up to date, its stub compiles and fails, its reference solution passes, and
// the interpreter and the go tool agree test by test.
package check

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/preflight"
)

// Engines are the engines every chapter must pass in, in this order.
var Engines = harness.EngineNames

// MinMutants is the fewest mutants a day may keep.
const MinMutants = 5

// Static checks what needs no engine: sections, code references, worked
// example numbers, puzzle sections that say how to run the tests, carried
// files and the interpreter subset.
func Static(ch *chapter.Chapter) []error {
	var errs []error
	md := path.Join(ch.Dir, "chapter.md")
	for _, want := range []string{"Part 1", "Part 2", "In the wild"} {
		if !ch.Outline.Has(2, want) {
			errs = append(errs, &chapter.Error{File: md, Msg: fmt.Sprintf("missing section \"## %s\"", want)})
		}
	}
	for part := 1; part <= 2; part++ {
		ex, ok := ch.Outline.Worked(part)
		if !ok {
			errs = append(errs, &chapter.Error{File: md, Msg: fmt.Sprintf("Part %d has no \"### Worked example\" section", part)})
			continue
		}
		errs = append(errs, compareNumbers(ch, part, ex)...)
	}
	for _, ref := range ch.CodeRefs {
		if !strings.HasPrefix(ref.Path, "examples/") || !strings.HasSuffix(ref.Path, ".go") {
			errs = append(errs, &chapter.Error{File: md, Line: ref.Line, Msg: fmt.Sprintf("code reference %s: show Go files from the chapter's examples/ package, which go test compiles", ref.Path)})
		}
	}
	errs = append(errs, pastedCode(ch)...)
	errs = append(errs, runInstructions(ch)...)
	errs = append(errs, facilitatorNotes(ch)...)
	if n := len(ch.Mutants); ch.Solution != nil && n < MinMutants {
		errs = append(errs, &chapter.Error{File: path.Join(chapter.SolutionsDir, ch.ID, chapter.MutantsFile),
			Msg: fmt.Sprintf("%d mutants; a day keeps at least %d, one for each mistake its text warns about", n, MinMutants)})
	}

	// The curriculum's own code stays inside what the interpreter runs.
	for _, solution := range []bool{false, true} {
		files, err := ch.Package(solution, nil)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, d := range preflight.Check(files, ch.LearnerFiles, true) {
			if solution && !ch.IsLearnerFile(d.File) {
				continue // said in the first round
			}
			dir := ch.ExerciseDir()
			if solution {
				dir = path.Join(chapter.SolutionsDir, ch.ID)
			}
			errs = append(errs, &chapter.Error{File: path.Join(dir, d.File), Line: d.Line, Msg: d.Message})
		}
	}
	return errs
}

// Result is what Run found of one chapter.
type Result struct {
	// Problems are what is wrong; none when the chapter checks out.
	Problems []error
	// Mutants is how many mistakes the chapter keeps, and Killed how many
	// of them the tests caught in every engine, each by the tests it names.
	Mutants, Killed int
	// Alternatives is how many correct solutions of other designs the
	// chapter keeps, and Passed how many of them pass in every engine.
	Alternatives, Passed int
	// Compared is how many failures of a mutant's catching tests were
	// compared between the engines, and Same how many of them read the
	// same in both: a learner reads the same failure whichever engine ran,
	// so a difference is a problem.
	Compared, Same int
}

// MutationScore is the share of the mutants killed, from 0 to 1; 1 for a
// chapter without mutants (which Static refuses).
func (r Result) MutationScore() float64 {
	if r.Mutants == 0 {
		return 1
	}
	return float64(r.Killed) / float64(r.Mutants)
}

// Run runs the stub and the solution in every engine: the stub must
// compile and fail every test, the solution must pass every test, and the
// engines must agree test by test. Then the mutants, which must fail, the
// alternative solutions, which must pass, and, once the solution passes,
// Part 1's solution alone, which proves the marks of Part 2's code.
func Run(ctx context.Context, h *harness.Harness, ch *chapter.Chapter) Result {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", ch.ID, fmt.Sprintf(format, args...)))
	}
	statuses := map[bool]map[harness.EngineName]map[string]harness.Status{false: {}, true: {}}
	solutionPasses := true // else the marks are not to blame for what fails
	for _, engine := range Engines {
		for _, solution := range []bool{false, true} {
			what := "stub"
			if solution {
				what = "solution"
			}
			rep, err := h.Run(ctx, harness.Request{Chapter: ch, Suite: chapter.All, Engine: engine, Solution: solution})
			if err != nil {
				bad("%s in %s: %v", what, engine, err)
				if solution {
					solutionPasses = false
				}
				continue
			}
			if solution && rep.Status != harness.Pass {
				solutionPasses = false
			}
			if rep.Problem != "" {
				bad("%s in %s: %s", what, engine, rep.Problem)
				continue
			}
			for _, ce := range rep.CompileErrors {
				bad("%s in %s does not compile: %s:%d:%d: %s", what, engine, ce.File, ce.Line, ce.Col, ce.Message)
			}
			st := map[string]harness.Status{}
			for _, t := range rep.Tests {
				st[t.Name] = t.Status
				switch {
				case solution && t.Status != harness.Pass:
					bad("solution in %s: %s %s: %s", engine, t.Name, t.Status, firstLine(t.Message))
				case !solution && t.Status == harness.Pass:
					bad("stub in %s: %s passes before the learner wrote anything: it tests nothing of theirs", engine, t.Name)
				}
			}
			statuses[solution][engine] = st
		}
	}
	merrs, killed, texts := mutants(ctx, h, ch)
	errs = append(errs, merrs...)
	aerrs, passed := alternatives(ctx, h, ch)
	errs = append(errs, aerrs...)
	if solutionPasses {
		errs = append(errs, partOne(ctx, h, ch)...)
	}
	for _, solution := range []bool{false, true} {
		a, b := statuses[solution][Engines[0]], statuses[solution][Engines[1]]
		if a == nil || b == nil {
			continue
		}
		for _, t := range ch.Tests {
			if a[t.Name] != b[t.Name] {
				what := "stub"
				if solution {
					what = "solution"
				}
				bad("engines disagree on the %s's %s: %s says %s, %s says %s", what, t.Name, Engines[0], a[t.Name], Engines[1], b[t.Name])
			}
		}
	}
	return Result{Problems: errs, Mutants: len(ch.Mutants), Killed: killed, Alternatives: len(ch.Alternatives), Passed: passed,
		Compared: texts.compared, Same: texts.same}
}

// texts is what mutants found of the engines' failure texts: how many
// were compared, and how many read the same.
type texts struct{ compared, same int }

// mutants runs each of the chapter's mutants through the full suite in
// every engine: a mutant that passes, or that a test it names does not
// catch, is a mistake a learner could make and be rewarded for.
func mutants(ctx context.Context, h *harness.Harness, ch *chapter.Chapter) (errs []error, killed int, tx texts) {
	for _, m := range ch.Mutants {
		before := len(errs)
		bad := func(format string, args ...any) {
			errs = append(errs, &chapter.Error{File: path.Join(chapter.SolutionsDir, ch.ID, chapter.MutantsFile), Line: m.Line,
				Msg: fmt.Sprintf("mutant %s: ", m.Name) + fmt.Sprintf(format, args...)})
		}
		files, err := ch.Apply(m)
		if err != nil {
			bad("%v", err)
			continue
		}
		said := map[harness.EngineName]map[string]string{} // what the failing tests said, by engine
		for _, engine := range Engines {
			rep := runFull(ctx, h, ch, engine, files, bad)
			if rep == nil {
				continue
			}
			if len(rep.CompileErrors) > 0 {
				ce := rep.CompileErrors[0]
				bad("does not compile in %s (a mutant must be a mistake that runs): %s:%d:%d: %s", engine, ce.File, ce.Line, ce.Col, ce.Message)
				continue
			}
			st := map[string]harness.Status{}
			for _, t := range rep.Tests {
				st[t.Name] = t.Status
			}
			if rep.Status == harness.Pass {
				bad("passes in %s: no test catches the mistake against chapter.md:%d, %q", engine, m.RuleLine, m.Rule)
				continue
			}
			var caughtBy []string
			said[engine] = map[string]string{}
			for _, t := range rep.Tests {
				if t.Status != harness.Pass {
					caughtBy = append(caughtBy, t.Name)
				}
				if t.Status == harness.Fail { // not a timeout: that says only how busy the machine was
					said[engine][t.Name] = t.Message
				}
			}
			for _, name := range m.Catches {
				if st[name] == harness.Pass {
					bad("%s passes in %s, though it is the test meant to catch the mistake against chapter.md:%d (the tests that catch it: %s)", name, engine, m.RuleLine, strings.Join(caughtBy, ", "))
				}
			}
		}
		// The tests a mutant names must fail in every engine, and say the
		// same in each: a learner reads the same failure whichever engine
		// ran. The others are not compared, since a mutant that races (no
		// lock, say) may fail a concurrent test in one run and not in the
		// next.
		if a, b := said[Engines[0]], said[Engines[1]]; a != nil && b != nil {
			for _, name := range m.Catches {
				ma, okA := a[name]
				mb, okB := b[name]
				if !okA || !okB {
					continue
				}
				tx.compared++
				if ma == mb {
					tx.same++
					continue
				}
				bad("%s fails with other words in %s than in %s (a learner reads the same failure whichever engine runs): %s %q, %s %q",
					name, Engines[0], Engines[1], Engines[0], firstDiffLine(ma, mb), Engines[1], firstDiffLine(mb, ma))
			}
		}
		if len(errs) == before && ctx.Err() == nil {
			killed++
		}
	}
	return errs, killed, tx
}

// runFull runs every test of ch in engine on files (learner files by
// name), and returns the report; nil, said through bad, when the run could
// not be made or the engine could not run it.
func runFull(ctx context.Context, h *harness.Harness, ch *chapter.Chapter, engine harness.EngineName, files map[string][]byte, bad func(string, ...any)) *harness.Report {
	rep, err := h.Run(ctx, harness.Request{Chapter: ch, Suite: chapter.All, Engine: engine, Files: files})
	if err != nil {
		bad("in %s: %v", engine, err)
		return nil
	}
	if rep.Problem != "" {
		bad("in %s: %s", engine, rep.Problem)
		return nil
	}
	return rep
}

// firstDiffLine is the first line of a that b does not have at the same
// place, for a message that says where two texts part.
func firstDiffLine(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i, l := range al {
		if i >= len(bl) || bl[i] != l {
			return strings.TrimSpace(l)
		}
	}
	return "(nothing more)"
}

// alternatives runs each of the chapter's alternative solutions through
// every test in every engine: each is correct, so a test it fails checks
// the reference's design instead of a rule the text states.
func alternatives(ctx context.Context, h *harness.Harness, ch *chapter.Chapter) (errs []error, passed int) {
	for _, a := range ch.Alternatives {
		before := len(errs)
		bad := func(format string, args ...any) {
			errs = append(errs, &chapter.Error{File: path.Join(chapter.SolutionsDir, ch.ID, chapter.AlternativesFile), Line: a.Line,
				Msg: fmt.Sprintf("alternative %s: ", a.Name) + fmt.Sprintf(format, args...)})
		}
		for _, engine := range Engines {
			rep := runFull(ctx, h, ch, engine, ch.AlternativeFiles(a), bad)
			if rep == nil {
				continue
			}
			for _, ce := range rep.CompileErrors {
				bad("does not compile in %s: %s:%d:%d: %s", engine, ce.File, ce.Line, ce.Col, ce.Message)
			}
			for _, t := range rep.Tests {
				if t.Status != harness.Pass {
					bad("%s %s in %s: a correct design fails it, so the test checks the reference's choices, not the text's rules: %s", t.Name, t.Status, engine, firstLine(t.Message))
				}
			}
		}
		if len(errs) == before && ctx.Err() == nil {
			passed++
		}
	}
	return errs, passed
}

// partOne runs Part 1's solution alone (chapter.Solved(1): the reference
// solution without its marked Part 2 code) in every engine. Every Part 1
// test must pass on it, or a mark takes out code Part 1 needs; some Part 2
// test must fail on it, or Part 2's code is not marked and Part 1's
// solution would show it.
func partOne(ctx context.Context, h *harness.Harness, ch *chapter.Chapter) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, &chapter.Error{File: path.Join(chapter.SolutionsDir, ch.ID), Msg: "Part 1's solution alone (the marked Part 2 code left out) " + fmt.Sprintf(format, args...)})
	}
	files, err := ch.Solved(1)
	if err != nil {
		bad("cannot be made: %v", err)
		return errs
	}
	part2 := 0
	for _, t := range ch.Tests {
		if t.Part == 2 {
			part2++
		}
	}
	for _, engine := range Engines {
		rep := runFull(ctx, h, ch, engine, files, bad)
		if rep == nil {
			continue
		}
		if len(rep.CompileErrors) > 0 {
			ce := rep.CompileErrors[0]
			bad("does not compile in %s: %s:%d:%d: %s (mark what only Part 2's code uses, its imports too)", engine, ce.File, ce.Line, ce.Col, ce.Message)
			continue
		}
		failed2 := 0
		for _, t := range rep.Tests {
			switch {
			case t.Part == 1 && t.Status != harness.Pass:
				bad("%s %s in %s: a region marked as Part 2's holds code Part 1 needs: %s", t.Status, t.Name, engine, firstLine(t.Message))
			case t.Part == 2 && t.Status != harness.Pass:
				failed2++
			}
		}
		if part2 > 0 && failed2 == 0 {
			bad("passes every Part 2 test in %s: mark Part 2's code in the solution, between %q and %q lines", engine, chapter.Part2Start, chapter.Part2End)
		}
	}
	return errs
}

// facilitatorNotes finds what a day's notes for the workshop leader lack:
// the time the day takes, where people get stuck, a question for the room,
// and the documents its claims about real systems were checked against.
func facilitatorNotes(ch *chapter.Chapter) []error {
	f := ch.Facilitator
	var missing []string
	if f.Minutes <= 0 {
		missing = append(missing, "minutes (the time the day takes in a workshop)")
	}
	if len(f.Mistakes) == 0 {
		missing = append(missing, "mistakes (where people get stuck)")
	}
	if strings.TrimSpace(f.Discussion) == "" {
		missing = append(missing, "discussion (a question for the room)")
	}
	if len(f.Sources) == 0 {
		missing = append(missing, "sources (the documents the claims about real systems were checked against)")
	}
	if len(missing) == 0 {
		return nil
	}
	return []error{&chapter.Error{File: path.Join(ch.Dir, "chapter.md"), Msg: "facilitator notes lack " + strings.Join(missing, ", ")}}
}

// maxPasted is the most lines of Go a chapter may show without a file
// reference: enough for a signature, not for code that should compile.
const maxPasted = 5

// pastedCode finds Go blocks in the prose that are pasted rather than
// referenced, so no test would compile them.
func pastedCode(ch *chapter.Chapter) []error {
	var errs []error
	for _, b := range ch.Outline.Blocks {
		if b.Lang == "go" && !b.Ref && b.Lines > maxPasted {
			errs = append(errs, &chapter.Error{File: path.Join(ch.Dir, "chapter.md"), Line: b.Line,
				Msg: fmt.Sprintf("%d lines of Go pasted into the prose: move them to examples/ and reference them (```go file=examples/x.go#Name), so a test compiles them", b.Lines)})
		}
	}
	return errs
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

var number = regexp.MustCompile(`\d(?:[\d_,]*\d)?`)

func numbersIn(s string) map[string]bool {
	out := map[string]bool{}
	for _, m := range number.FindAllString(s, -1) {
		n := strings.NewReplacer(",", "", "_", "").Replace(m)
		n = strings.TrimLeft(n, "0")
		if n == "" {
			n = "0"
		}
		out[n] = true
	}
	return out
}

// compareNumbers checks that the worked example of one part and that part's
// example tests quote the same numbers.
func compareNumbers(ch *chapter.Chapter, part int, prose string) []error {
	testNums := map[string]bool{}
	fset := token.NewFileSet()
	prefix := fmt.Sprintf("TestPart%dExample", part)
	found := false
	for _, name := range ch.TestFiles() {
		f, err := parser.ParseFile(fset, name, ch.Exercise[name], parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, prefix) {
				continue
			}
			found = true
			// The test's comments may show the arithmetic: their numbers count.
			for _, cg := range f.Comments {
				if cg.Pos() >= fn.Pos() && cg.End() <= fn.End() {
					for k := range numbersIn(cg.Text()) {
						testNums[k] = true
					}
				}
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && (lit.Kind == token.INT || lit.Kind == token.STRING) {
					for k := range numbersIn(lit.Value) {
						testNums[k] = true
					}
				}
				return true
			})
		}
	}
	md := path.Join(ch.Dir, "chapter.md")
	if !found {
		return []error{&chapter.Error{File: md, Msg: fmt.Sprintf("Part %d has a worked example but no %s test", part, prefix)}}
	}
	proseNums := numbersIn(prose)
	var errs []error
	for _, n := range sortedSet(proseNums) {
		if !testNums[n] {
			errs = append(errs, &chapter.Error{File: md, Msg: fmt.Sprintf("Part %d's worked example says %s, which its example tests (%s...) never use", part, n, prefix)})
		}
	}
	for _, n := range sortedSet(testNums) {
		if len(n) >= 2 && !proseNums[n] {
			errs = append(errs, &chapter.Error{File: md, Msg: fmt.Sprintf("Part %d's example tests use %s, which its worked example never mentions", part, n)})
		}
	}
	return errs
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
