package chapter

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/txtar"
)

// MutantsFile is where a day keeps its mutants, in its solutions folder.
const MutantsFile = "mutants.txtar"

// A Mutant is a mistake the chapter warns about, written as a small patch
// of the reference solution: the learner's code as it would be with that
// mistake in it. The full tests must catch every one ("workbook check"
// proves it in both engines), or a learner who makes the mistake earns a
// star for it.
type Mutant struct {
	// Name names the mistake, as the file's section does ("any-version").
	Name string
	// File is the learner file the patch changes.
	File string
	// Rule is the sentence of the chapter the mistake breaks, as quoted,
	// and RuleLine its line in chapter.md.
	Rule     string
	RuleLine int
	// Catches are the tests expected to catch it: each must fail.
	Catches []string
	// Hunks are the patch: each old text occurs exactly once in File.
	Hunks []Hunk
	// Line is the mutant's line in MutantsFile, for messages.
	Line int
}

// A Hunk replaces Old by New.
type Hunk struct{ Old, New string }

// Apply returns the reference solution's learner files with the mutant's
// patch applied, or an error when the patch no longer applies (its old
// text is not in the file exactly once).
func (c *Chapter) Apply(m Mutant) (map[string][]byte, error) {
	out := make(map[string][]byte, len(c.Solution))
	for name, data := range c.Solution {
		out[name] = data
	}
	src, ok := out[m.File]
	if !ok {
		return nil, fmt.Errorf("mutant %s: %s is not a learner file of %s", m.Name, m.File, c.ID)
	}
	for i, h := range m.Hunks {
		if n := bytes.Count(src, []byte(h.Old)); n != 1 {
			return nil, fmt.Errorf("mutant %s no longer applies: hunk %d's old text occurs %d times in %s, want once", m.Name, i+1, n, m.File)
		}
		src = bytes.Replace(src, []byte(h.Old), []byte(h.New), 1)
	}
	out[m.File] = src
	return out, nil
}

// loadMutants reads a day's mutants, if it has any, checking each against
// the chapter: a learner file, a rule quoted from the line it names, tests
// that exist, and a patch that applies.
func loadMutants(fsys fs.FS, ch *Chapter, proseLines []string) ([]Mutant, error) {
	p := path.Join(SolutionsDir, ch.ID, MutantsFile)
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, nil // a day without mutants; check says so
	}
	a := txtar.Parse(data)
	// The line of each section header, for messages.
	headerLine := map[string]int{}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			headerLine[strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --")] = i + 1
		}
	}
	tests := map[string]bool{}
	for _, t := range ch.Tests {
		tests[t.Name] = true
	}
	var mutants []Mutant
	var errs []error
	seen := map[string]bool{}
	for _, f := range a.Files {
		line := headerLine[f.Name]
		bad := func(format string, args ...any) {
			errs = append(errs, &Error{File: p, Line: line, Msg: fmt.Sprintf("mutant %s: ", f.Name) + fmt.Sprintf(format, args...)})
		}
		if seen[f.Name] {
			bad("a second mutant of that name")
			continue
		}
		seen[f.Name] = true
		m, err := parseMutant(f.Name, string(f.Data))
		if err != nil {
			bad("%v", err)
			continue
		}
		m.Line = line
		if !ch.IsLearnerFile(m.File) {
			bad("file %q is not one of the learner files %v", m.File, ch.LearnerFiles)
			continue
		}
		if m.RuleLine < 1 || m.RuleLine > len(proseLines) {
			bad("rule line %d is not a line of chapter.md", m.RuleLine)
		} else if !strings.Contains(squash(proseLines[m.RuleLine-1]), squash(m.Rule)) {
			bad("chapter.md:%d does not say %q (it says %q)", m.RuleLine, m.Rule, strings.TrimSpace(proseLines[m.RuleLine-1]))
		}
		for _, t := range m.Catches {
			if !tests[t] {
				bad("catches %s, which is not a test of %s", t, ch.ID)
			}
		}
		if _, err := ch.Apply(m); err != nil {
			bad("%v", err)
		}
		mutants = append(mutants, m)
	}
	if len(errs) > 0 {
		return mutants, errors.Join(errs...)
	}
	return mutants, nil
}

// squash folds runs of spaces, so that a quote need not follow the line's
// wrapping of spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseMutant reads one mutant section:
//
//	file: transfer.go
//	rule: 212 appends at the version it read
//	catches: TestPart1FullTransfer
//	<<<
//	old text
//	===
//	new text
//	>>>
//
// with as many <<< === >>> hunks as it takes.
func parseMutant(name, body string) (Mutant, error) {
	m := Mutant{Name: name}
	lines := strings.SplitAfter(body, "\n")
	i := 0
	for ; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		if l == "<<<" {
			break
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, val, ok := strings.Cut(l, ":")
		if !ok {
			return m, fmt.Errorf("line %q: want key: value, or <<< to start the patch", l)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "file":
			m.File = val
		case "rule":
			n, quote, _ := strings.Cut(val, " ")
			var err error
			if m.RuleLine, err = strconv.Atoi(n); err != nil || strings.TrimSpace(quote) == "" {
				return m, fmt.Errorf("rule: want the line of chapter.md and the words it says, as in rule: 212 never at any version")
			}
			m.Rule = strings.TrimSpace(quote)
		case "catches":
			m.Catches = strings.Fields(strings.ReplaceAll(val, ",", " "))
		default:
			return m, fmt.Errorf("unknown key %q (want file, rule, catches)", key)
		}
	}
	for i < len(lines) {
		if strings.TrimRight(lines[i], "\r\n") != "<<<" {
			return m, fmt.Errorf("after a hunk, want <<< for the next one, got %q", strings.TrimSpace(lines[i]))
		}
		var old, new strings.Builder
		i++
		for ; i < len(lines) && strings.TrimRight(lines[i], "\r\n") != "==="; i++ {
			old.WriteString(lines[i])
		}
		if i == len(lines) {
			return m, fmt.Errorf("a hunk without ===")
		}
		i++
		for ; i < len(lines) && strings.TrimRight(lines[i], "\r\n") != ">>>"; i++ {
			new.WriteString(lines[i])
		}
		if i == len(lines) {
			return m, fmt.Errorf("a hunk without >>>")
		}
		i++
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		if old.Len() == 0 {
			return m, fmt.Errorf("a hunk with no old text")
		}
		m.Hunks = append(m.Hunks, Hunk{Old: old.String(), New: new.String()})
	}
	switch {
	case m.File == "":
		return m, fmt.Errorf("no file:")
	case m.Rule == "":
		return m, fmt.Errorf("no rule:")
	case len(m.Catches) == 0:
		return m, fmt.Errorf("no catches:")
	case len(m.Hunks) == 0:
		return m, fmt.Errorf("no patch (<<< old === new >>>)")
	}
	return m, nil
}
