//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: the log of the commands members sent to the blog in its
// first season. Each line is a command, its fields separated by "|" (a
// field may be empty):
//
//	create | post-12 | Spring picnic at the harbour | ines | Bring a blanket.
//	rename | post-12 | Spring picnic, moved indoors
//	publish | post-12
//	delete | post-12
//
// Part 1: Validate every command. The answer is the sum, over the lines,
// of the line's number (the first line is 1) times the number of field
// errors Validate finds in its command.
//
// Part 2: Dispatch every command, in order, on one Blog over an empty
// store. The answer is the number of field errors of all the refused
// commands, times the number of events in the store at the end.

// errBadLine: a line that is not in the log's format.
var errBadLine = errors.New("bad log line")

// parseCommand reads one line of the log. The fields are trimmed of the
// spaces around them.
func parseCommand(line string) (Command, error) {
	parts := strings.Split(line, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	bad := fmt.Errorf("%q: %w", line, errBadLine)
	switch {
	case parts[0] == "create" && len(parts) == 5:
		return CreatePost{Post: parts[1], Title: parts[2], Author: parts[3], Body: parts[4]}, nil
	case parts[0] == "rename" && len(parts) == 3:
		return RenamePost{Post: parts[1], Title: parts[2]}, nil
	case parts[0] == "publish" && len(parts) == 2:
		return PublishPost{Post: parts[1]}, nil
	case parts[0] == "delete" && len(parts) == 2:
		return DeletePost{Post: parts[1]}, nil
	}
	return nil, bad
}

// mustParse parses every line of a log, or panics.
func mustParse(lines []string) []Command {
	var cmds []Command
	for _, line := range lines {
		cmd, err := parseCommand(line)
		if err != nil {
			panic(err)
		}
		cmds = append(cmds, cmd)
	}
	return cmds
}

// launch is when the blog opened, and when every test's clock starts.
var launch = time.Date(2024, time.April, 2, 8, 0, 0, 0, time.UTC)

// newStore returns an empty store whose clock starts at launch and moves on
// a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: launch, Step: time.Minute})
}

// part1Answer answers Part 1 for a log.
func part1Answer(lines []string) int {
	sum := 0
	for i, cmd := range mustParse(lines) {
		sum += (i + 1) * len(Validate(cmd))
	}
	return sum
}

// part2Answer answers Part 2 for a log.
func part2Answer(lines []string) int {
	store := newStore()
	blog := NewBlog(store)
	problems := 0
	for _, cmd := range mustParse(lines) {
		_, errs, err := blog.Dispatch(cmd)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				panic(fmt.Sprintf("Dispatch(%s): %v", DescribeCommand(cmd), err))
			}
			problems += len(errs)
		}
	}
	return problems * len(store.ReadAll(1))
}

// The words of the puzzle's titles: few enough that two members sometimes
// choose the same title.
var (
	titleWords = []string{"spring", "picnic", "harbour", "kestrel", "members", "meeting", "minutes",
		"loans", "savings", "ferry", "garden", "rates", "budget", "letters", "quarterly", "news",
		"café", "autumn", "walk", "choir", "crème", "brûlée"}
	glue      = []string{" ", " ", " ", " ", ", ", " - ", ": ", " & ", " -- "}
	authors   = []string{"ines", "tomás", "ada", "olu", "mira", "  ines  "}
	bodies    = []string{"Bring a blanket.", "Minutes attached.", "See you there!", "Rates go up in May.", "Thanks, everyone."}
	shorts    = []string{"Tea", "News!", "  Kite  ", "Q&A", "Ferry", "Café!", "Crème"}
	noLetters = []string{"!!! ??? !!!", "------", "*** *** ***", "?!?!?!?!"}
	badIDs    = []string{"post-0", "post-07", "Post-3", "post-", "post-x", "post 4", "", "   "}
)

// puzzleTitle makes a title: usually a few words, sometimes an earlier
// title written differently (same slug), sometimes a broken one (then ok
// is false).
func puzzleTitle(r *puzzle.Rand, earlier []string) (title string, ok bool) {
	switch n := r.Intn(100); {
	case n < 4:
		return "", false
	case n < 9:
		return r.Pick(shorts), false
	case n < 12:
		return r.Pick(noLetters), false
	case n < 15:
		var words []string
		for utf8.RuneCountInString(strings.Join(words, " ")) <= MaxTitle {
			words = append(words, r.Pick(titleWords))
		}
		return strings.Join(words, " "), false
	case n < 18:
		// As long as a title may be, or nearly.
		words := []string{"Crème", "brûlée"}
		for {
			w := r.Pick(titleWords)
			if utf8.RuneCountInString(strings.Join(words, " ")+" "+w) > MaxTitle {
				return strings.Join(words, " "), true
			}
			words = append(words, w)
		}
	case n < 30 && len(earlier) > 0:
		t := r.Pick(earlier)
		switch r.Intn(3) {
		case 0:
			return strings.ToUpper(t), true
		case 1:
			return strings.ReplaceAll(t, " ", r.Pick(glue)) + "!", true
		}
		return t, true
	}
	words := []string{}
	for i := r.Between(2, 3); i > 0; i-- {
		words = append(words, r.Pick(titleWords))
	}
	t := words[0]
	for _, w := range words[1:] {
		t += r.Pick(glue) + w
	}
	return strings.ToUpper(t[:1]) + t[1:], true
}

// puzzleLog generates the log of the blog's first season.
func puzzleLog(seed string) []string {
	r := puzzle.New("12-blog-posts", seed)
	var lines []string
	var ids, titles []string
	current := map[string]string{} // the title the log last gave each post
	next := 1
	id := func() string {
		switch n := r.Intn(100); {
		case n < 5:
			return r.Pick(badIDs)
		case n < 8 || len(ids) == 0:
			return fmt.Sprintf("post-%d", next+r.Intn(3)) // not created yet, most likely
		}
		// Recent posts get most of the work.
		if len(ids) > 30 && r.Chance(70) {
			return ids[len(ids)-1-r.Intn(30)]
		}
		return r.Pick(ids)
	}
	for len(lines) < 1200 {
		switch n := r.Intn(100); {
		case n < 30:
			title, ok := puzzleTitle(r, titles)
			author, body := r.Pick(authors), r.Pick(bodies)
			if r.Chance(5) {
				author, ok = "", false
			}
			if r.Chance(5) {
				body, ok = " ", false
			}
			post := fmt.Sprintf("post-%d", next)
			if r.Chance(8) {
				post = id()
			} else {
				next++
				if ok {
					ids = append(ids, post)
					current[post] = title
				}
			}
			lines = append(lines, fmt.Sprintf("create | %s | %s | %s | %s", post, title, author, body))
			titles = append(titles, title)
		case n < 50:
			post := id()
			title, ok := puzzleTitle(r, titles)
			if t, found := current[post]; found && r.Chance(10) {
				title, ok = t, true // the title it has: nothing changes
			}
			if ok {
				current[post] = title
			}
			titles = append(titles, title)
			lines = append(lines, fmt.Sprintf("rename | %s | %s", post, title))
		case n < 88:
			lines = append(lines, fmt.Sprintf("publish | %s", id()))
		default:
			lines = append(lines, fmt.Sprintf("delete | %s", id()))
		}
	}
	return lines
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", part1Answer(puzzleLog(puzzle.Seed())), 126822)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", part2Answer(puzzleLog(puzzle.Seed())), 279048)
}
