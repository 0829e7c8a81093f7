//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: a script of the Quarterly's busy autumn. A line with "|" in
// it is an event, appended to its post's stream in the store:
//
//	created | post-12 | Spring picnic at the harbour | ines
//	renamed | post-12 | Spring picnic, moved indoors
//	published | post-12
//	deleted | post-12
//	commented | post-12 | comment-40 | tomás | Lovely!
//	tagged | post-12 | harbour
//	untagged | post-12 | harbour
//	favourited | post-12 | ada
//	unfavourited | post-12 | ada
//
// The other lines drive the read models. Part 1's script has a PostList
// ("list"), a CommentsByPost ("comments") and a TagIndex ("tags"):
//
//	catch up list        CatchUp(store, the list)
//	redeliver tags 42    hand the tag index the event at position 42 again
//	new comments         replace the comments view with a new, empty one
//	list                 ask the list: number its posts from 1; the answer is
//	                     the sum of number × (comments + 1) over the
//	                     published posts (drafts take a number, add nothing)
//	comments post-12     ask the comments view: how many comments post-12 has
//	tag harbour          ask the tag index: how many posts have the tag
//
// Part 1: the sum of the answers to all the questions.
//
// Part 2's script has a PostList and a Favourites counter in a key-value
// store of its own:
//
//	catch up list        CatchUp(store, the list)
//	catch up favourites  CatchUp(store, the favourites)
//	crash 3              the key-value store goes down after 3 more commits
//	                     (CrashAfter(3)), in the middle of a CatchUp of the
//	                     favourites, which fails; then the store restarts and
//	                     the counter is started again: NewFavourites
//	rebuild favourites   Rebuild the favourites counter from scratch
//	front page           the ten newest posts of the list, numbered from 1:
//	                     the answer is the sum of number × the post's
//	                     favourites Count
//
// Part 2: the sum of the answers to all the front pages.

// frontPage is how many posts the front page shows, the newest first.
const frontPage = 10

// launch is when the blog opened, and when every test's clock starts.
var launch = time.Date(2024, time.April, 2, 8, 0, 0, 0, time.UTC)

// newStore returns an empty store whose clock starts at launch and moves on
// a minute per append.
func newStore() *EventStore {
	return NewEventStore(&StepClock{T: launch, Step: time.Minute})
}

// errBadLine: a line that is not in the script's format.
var errBadLine = errors.New("bad script line")

// parseEvent reads an event line. The fields are trimmed of the spaces
// around them.
func parseEvent(line string) (Event, error) {
	f := strings.Split(line, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	switch {
	case f[0] == "created" && len(f) == 4:
		return PostCreated{Post: f[1], Title: f[2], Author: f[3]}, nil
	case f[0] == "renamed" && len(f) == 3:
		return PostRenamed{Post: f[1], Title: f[2]}, nil
	case f[0] == "published" && len(f) == 2:
		return PostPublished{Post: f[1]}, nil
	case f[0] == "deleted" && len(f) == 2:
		return PostDeleted{Post: f[1]}, nil
	case f[0] == "commented" && len(f) == 5:
		return CommentAdded{Post: f[1], Comment: f[2], Author: f[3], Body: f[4]}, nil
	case f[0] == "tagged" && len(f) == 3:
		return PostTagged{Post: f[1], Tag: f[2]}, nil
	case f[0] == "untagged" && len(f) == 3:
		return PostUntagged{Post: f[1], Tag: f[2]}, nil
	case f[0] == "favourited" && len(f) == 3:
		return PostFavourited{Post: f[1], Member: f[2]}, nil
	case f[0] == "unfavourited" && len(f) == 3:
		return PostUnfavourited{Post: f[1], Member: f[2]}, nil
	}
	return nil, fmt.Errorf("%q: %w", line, errBadLine)
}

// reader is the read models of a script, made when first needed.
type reader struct {
	store    *EventStore
	list     *PostList
	comments *CommentsByPost
	tags     *TagIndex
	kv       *KeyValueStore
	favs     *Favourites
}

// projection returns the read model a script line names, making it if
// needed.
func (rd *reader) projection(name string) (Projection, error) {
	switch name {
	case "list":
		if rd.list == nil {
			rd.list = NewPostList()
		}
		return rd.list, nil
	case "comments":
		if rd.comments == nil {
			rd.comments = NewCommentsByPost()
		}
		return rd.comments, nil
	case "tags":
		if rd.tags == nil {
			rd.tags = NewTagIndex()
		}
		return rd.tags, nil
	case "favourites":
		if rd.favs == nil {
			rd.kv = NewKeyValueStore()
			rd.favs = NewFavourites(rd.kv)
		}
		return rd.favs, nil
	}
	return nil, errBadLine
}

// answer runs one line of the script and returns its answer (0 for lines
// that are not questions).
func (rd *reader) answer(line string) (int, error) {
	if strings.Contains(line, "|") {
		e, err := parseEvent(line)
		if err != nil {
			return 0, err
		}
		_, err = rd.store.Append(e.PostID(), AnyVersion, []Event{e})
		return 0, err
	}
	f := strings.Fields(line)
	bad := fmt.Errorf("%q: %w", line, errBadLine)
	switch {
	case len(f) == 3 && f[0] == "catch" && f[1] == "up":
		p, err := rd.projection(f[2])
		if err != nil {
			return 0, bad
		}
		if _, err := CatchUp(rd.store, p); err != nil {
			return 0, fmt.Errorf("%q: %w", line, err)
		}
	case len(f) == 3 && f[0] == "redeliver":
		p, err := rd.projection(f[1])
		pos, convErr := strconv.Atoi(f[2])
		if err != nil || convErr != nil {
			return 0, bad
		}
		if err := p.Handle(rd.store.ReadAll(pos)[0]); err != nil {
			return 0, fmt.Errorf("%q: %w", line, err)
		}
	case len(f) == 2 && f[0] == "new":
		switch f[1] {
		case "list":
			rd.list = NewPostList()
		case "comments":
			rd.comments = NewCommentsByPost()
		case "tags":
			rd.tags = NewTagIndex()
		default:
			return 0, bad
		}
	case len(f) == 1 && f[0] == "list":
		rd.projection("list")
		sum := 0
		for i, post := range rd.list.Posts() {
			if post.Published {
				sum += (i + 1) * (post.Comments + 1)
			}
		}
		return sum, nil
	case len(f) == 2 && f[0] == "comments":
		rd.projection("comments")
		return len(rd.comments.For(f[1])), nil
	case len(f) == 2 && f[0] == "tag":
		rd.projection("tags")
		return len(rd.tags.Posts(f[1])), nil
	case len(f) == 2 && f[0] == "crash":
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return 0, bad
		}
		p, _ := rd.projection("favourites")
		rd.kv.CrashAfter(n)
		handled, err := CatchUp(rd.store, p)
		if !errors.Is(err, ErrCrashed) || handled != n {
			return 0, fmt.Errorf("%q: CatchUp of the favourites returned %d, %v; want %d, an error that wraps ErrCrashed", line, handled, err, n)
		}
		rd.kv.Restart()
		rd.favs = NewFavourites(rd.kv)
	case len(f) == 2 && f[0] == "rebuild" && f[1] == "favourites":
		rd.projection("favourites")
		if _, err := rd.favs.Rebuild(rd.store); err != nil {
			return 0, fmt.Errorf("%q: %w", line, err)
		}
	case len(f) == 2 && f[0] == "front" && f[1] == "page":
		rd.projection("list")
		rd.projection("favourites")
		sum := 0
		for i, post := range rd.list.Posts() {
			if i == frontPage {
				break
			}
			sum += (i + 1) * rd.favs.Count(post.ID)
		}
		return sum, nil
	default:
		return 0, bad
	}
	return 0, nil
}

// runScript runs a script on an empty store and returns the sum of the
// answers to its questions.
func runScript(lines []string) (int, error) {
	rd := &reader{store: newStore()}
	sum := 0
	for _, line := range lines {
		n, err := rd.answer(line)
		if err != nil {
			return 0, err
		}
		sum += n
	}
	return sum, nil
}

// The words of the puzzle.
var (
	titleWords = []string{"spring", "picnic", "harbour", "kestrel", "members", "meeting", "minutes",
		"loans", "savings", "ferry", "garden", "rates", "budget", "letters", "news", "autumn", "walk", "choir"}
	puzzleTags = []string{"news", "harbour", "events", "rates", "choir", "garden", "minutes", "letters", "ferry", "kids"}
	members    = []string{"ines", "tomás", "ada", "olu", "mira", "grace", "alan", "noor", "sam", "lena", "kofi", "yuki"}
	remarks    = []string{"Lovely!", "Count me in.", "Is there tea?", "Thanks, Olu.", "See you there.", "Rates again?"}
)

// postState is what the generator knows of a live post, so that it only
// writes events the blog would record.
type postState struct {
	published bool
	tags      map[string]bool
	favs      map[string]bool
}

// puzzleScript generates a script of events and read-side lines for a part.
func puzzleScript(seed string, part int) []string {
	r := puzzle.New("13-read-models", fmt.Sprintf("%s/part%d", seed, part))
	var lines []string
	posts := map[string]*postState{}
	var live []string // live post ids, in the order they were created
	next, comments, events := 1, 1, 0
	// The position each read model has caught up to, to redeliver only
	// what it has seen and to crash only in the middle of a catch-up.
	seen := map[string]int{}
	title := func() string {
		t := r.Pick(titleWords)
		for i := r.Between(1, 3); i > 0; i-- {
			t += " " + r.Pick(titleWords)
		}
		return strings.ToUpper(t[:1]) + t[1:]
	}
	pick := func() string {
		// Recent posts get most of the attention.
		if len(live) > 12 && r.Chance(70) {
			return live[len(live)-1-r.Intn(12)]
		}
		return live[r.Intn(len(live))]
	}
	event := func() {
		events++
		n := r.Intn(100)
		if len(live) < 3 || n < 7 {
			id := fmt.Sprintf("post-%d", next)
			next++
			posts[id] = &postState{tags: map[string]bool{}, favs: map[string]bool{}}
			live = append(live, id)
			lines = append(lines, fmt.Sprintf("created | %s | %s | %s", id, title(), r.Pick(members[:5])))
			return
		}
		id := pick()
		p := posts[id]
		switch {
		case n < 15:
			lines = append(lines, fmt.Sprintf("renamed | %s | %s", id, title()))
		case n < 23 && !p.published:
			p.published = true
			lines = append(lines, fmt.Sprintf("published | %s", id))
		case n < 23:
			lines = append(lines, fmt.Sprintf("renamed | %s | %s", id, title()))
		case n < 26 && len(live) > 8:
			delete(posts, id)
			var rest []string
			for _, l := range live {
				if l != id {
					rest = append(rest, l)
				}
			}
			live = rest
			lines = append(lines, fmt.Sprintf("deleted | %s", id))
		case n < 48:
			lines = append(lines, fmt.Sprintf("commented | %s | comment-%d | %s | %s", id, comments, r.Pick(members), r.Pick(remarks)))
			comments++
		case n < 62:
			tag := r.Pick(puzzleTags)
			if p.tags[tag] {
				delete(p.tags, tag)
				lines = append(lines, fmt.Sprintf("untagged | %s | %s", id, tag))
			} else {
				p.tags[tag] = true
				lines = append(lines, fmt.Sprintf("tagged | %s | %s", id, tag))
			}
		default:
			m := r.Pick(members)
			if p.favs[m] && r.Chance(60) {
				delete(p.favs, m)
				lines = append(lines, fmt.Sprintf("unfavourited | %s | %s", id, m))
			} else if !p.favs[m] {
				p.favs[m] = true
				lines = append(lines, fmt.Sprintf("favourited | %s | %s", id, m))
			} else {
				lines = append(lines, fmt.Sprintf("commented | %s | comment-%d | %s | %s", id, comments, m, r.Pick(remarks)))
				comments++
			}
		}
	}
	views := []string{"list", "comments", "tags"}
	if part == 2 {
		views = []string{"list", "favourites"}
	}
	for events < 2000 {
		event()
		if r.Chance(85) {
			continue
		}
		v := views[r.Intn(len(views))]
		switch n := r.Intn(100); {
		case n < 45:
			lines = append(lines, "catch up "+v)
			seen[v] = events
		case part == 1 && n < 55 && seen[v] > 0:
			lines = append(lines, fmt.Sprintf("redeliver %s %d", v, r.Between(1, seen[v])))
		case part == 1 && n < 57:
			lines = append(lines, "new "+v)
			seen[v] = 0
		case part == 1 && n < 70:
			lines = append(lines, "list")
		case part == 1 && n < 85:
			lines = append(lines, "comments "+pick())
		case part == 1:
			lines = append(lines, "tag "+r.Pick(puzzleTags))
		case part == 2 && n < 55 && events-seen["favourites"] > 2:
			n := r.Intn(events - seen["favourites"])
			lines = append(lines, fmt.Sprintf("crash %d", n))
			seen["favourites"] += n
		case part == 2 && n < 56:
			lines = append(lines, "rebuild favourites")
			seen["favourites"] = events
		case part == 2:
			lines = append(lines, "front page")
		}
	}
	return lines
}

// puzzleAnswer runs a part's script, or fails the test.
func puzzleAnswer(t *testing.T, part int) int {
	t.Helper()
	got, err := runScript(puzzleScript(puzzle.Seed(), part))
	if err != nil {
		t.Fatalf("the puzzle script of part %d: %v", part, err)
	}
	return got
}

func TestPart1FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part1", puzzleAnswer(t, 1), 115096)
}

func TestPart2FullPuzzle(t *testing.T) {
	puzzle.Check(t, "part2", puzzleAnswer(t, 2), 12337)
}
