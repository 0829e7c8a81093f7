//go:build ignore

package blog

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cqrsworkbook/workbook/exercises/puzzle"
)

// The puzzle: the Quarterly's archive, one stored event per line, as
// helpers_test.go reads them:
//
//	post-12 PostCreated 1 {"post":"post-12","title":"Rates!","author":"tomás","body":"Up in May."}
//	post-12 PostRenamed 2 {"post":"post-12","title":"Rates go up in May","slug":"rates"}
//
// First come last year's events (PostCreated and PostRenamed of schema 1),
// then this year's (schema 2). For Part 1 the archive is the copy on the
// staging server, where a branch of next year's code also wrote a few
// events of schema 3.
//
// Part 1: Load every post of the staging archive with LoadPost. Posts that
// cannot be loaded (an event of an unknown schema) are left out. The
// answer is the sum, over the live posts, of the post's number (12 for
// post-12) times the number of characters of its slug.
//
// Part 2: The live archive (without the staging server's events), and a
// log of this week's commands, in chapter 12's format. Dispatch every
// command, in order, on one Blog over the archive. The answer is the
// number of field errors of all the refused commands, times the number of
// events in the store at the end.

// postNumber is 12 for "post-12".
func postNumber(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "post-"))
	if err != nil {
		panic(fmt.Sprintf("post id %q", id))
	}
	return n
}

// part1Answer answers Part 1 for an archive.
func part1Answer(lines []string) int {
	store := archiveOf(lines)
	var ids []string
	seen := map[string]bool{}
	for _, r := range store.ReadAll(1) {
		if !seen[r.StreamID] {
			seen[r.StreamID] = true
			ids = append(ids, r.StreamID)
		}
	}
	sum := 0
	for _, id := range ids {
		post, err := LoadPost(store, id)
		if err != nil {
			if !errors.Is(err, ErrUnknownSchema) {
				panic(fmt.Sprintf("LoadPost(%s): %v", id, err))
			}
			continue
		}
		if post.Live() {
			sum += postNumber(id) * utf8.RuneCountInString(post.Slug)
		}
	}
	return sum
}

// part2Answer answers Part 2 for an archive and a command log.
func part2Answer(history, commands []string) int {
	store := archiveOf(history)
	blog := NewBlog(store)
	problems := 0
	for _, line := range commands {
		cmd, err := parseCommand(line)
		if err != nil {
			panic(err)
		}
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

// The words of the puzzle's titles.
var (
	titleWords = []string{"spring", "picnic", "harbour", "kestrel", "members", "meeting", "minutes",
		"loans", "savings", "ferry", "garden", "rates", "budget", "letters", "news",
		"café", "autumn", "walk", "choir", "crème", "brûlée", "regatta", "tea"}
	glue    = []string{" ", " ", " ", ", ", " - ", ": ", " & ", " -- "}
	authors = []string{"ines", "tomás", "ada", "olu", "mira"}
	bodies  = []string{"Bring a blanket.", "Minutes attached.", "See you there!", "Rates go up in May.", "Thanks, everyone.", "Line one.\nLine two."}
	// Titles of 5 to 9 characters, on both sides of last year's limit and
	// this year's.
	shortTitles = []string{"Rates", "Rates!", "Ferry!", "Choir!", "Minutes", "Regatta", "Garden!", "Tea time", "Regattas",
		"Café news", "Harbour!", "Loans", "News!", "Budget!!", "Kestrel", "Budget", "Savings", "Letters", "Autumn!",
		"Spring!", "Harbour", "Picnic!", "Meeting", "Loans 2", "Café 2", "Crème!", "Brûlée!"}
	badIDs = []string{"post-0", "post-07", "Post-3", "post-", ""}
)

// js writes a string as JSON.
func js(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// wordsTitle makes a title of a few words.
func wordsTitle(r *puzzle.Rand) string {
	t := r.Pick(titleWords)
	for i := r.Between(1, 3); i > 0; i-- {
		t += r.Pick(glue) + r.Pick(titleWords)
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// simPost is a post as the puzzle's generator follows it.
type simPost struct {
	id, title, slug            string
	published, deleted, future bool
}

// archiveGen writes the archive by the rules of its time.
type archiveGen struct {
	r      *puzzle.Rand
	posts  []*simPost
	byID   map[string]*simPost
	titles []string // every title the archive has used
	lines  []string
	next   int
}

// slugTaken: a live post other than self has the slug.
func (g *archiveGen) slugTaken(slug string, self *simPost) bool {
	for _, p := range g.posts {
		if p != self && !p.deleted && p.slug == slug {
			return true
		}
	}
	return false
}

// pickLive picks a live post, recent ones more often, or nil.
func (g *archiveGen) pickLive() *simPost {
	for tries := 0; tries < 20 && len(g.posts) > 0; tries++ {
		var p *simPost
		if len(g.posts) > 20 && g.r.Chance(70) {
			p = g.posts[len(g.posts)-1-g.r.Intn(20)]
		} else {
			p = g.posts[g.r.Intn(len(g.posts))]
		}
		if !p.deleted && !p.future {
			return p
		}
	}
	return nil
}

// title makes a title that last year's rules (at least 6) or this year's
// (at least 8) accept.
func (g *archiveGen) title(min int) string {
	for {
		var t string
		switch n := g.r.Intn(100); {
		case n < 30:
			t = g.r.Pick(shortTitles)
		case n < 30 && len(g.titles) > 0:
			t = strings.ToUpper(g.r.Pick(g.titles))
		default:
			t = wordsTitle(g.r)
		}
		if n := utf8.RuneCountInString(t); n >= min && n <= MaxTitle {
			return t
		}
	}
}

// step writes one event of the given era (schema 1: last year, 2: this
// year), or nothing when the event it tried would break that era's rules.
func (g *archiveGen) step(schema int) {
	min := 6
	if schema == 2 {
		min = 8
	}
	p := g.pickLive()
	switch n := g.r.Intn(100); {
	case n < 35 || p == nil:
		title := g.title(min)
		slug := Slugify(title)
		if g.slugTaken(slug, nil) {
			return
		}
		g.next++
		p := &simPost{id: fmt.Sprintf("post-%d", g.next), title: title, slug: slug}
		g.posts = append(g.posts, p)
		g.byID[p.id] = p
		g.titles = append(g.titles, title)
		author, body := js(g.r.Pick(authors)), js(g.r.Pick(bodies))
		if schema == 1 {
			g.lines = append(g.lines, fmt.Sprintf(`%s PostCreated 1 {"post":%s,"title":%s,"author":%s,"body":%s}`, p.id, js(p.id), js(title), author, body))
		} else {
			g.lines = append(g.lines, fmt.Sprintf(`%s PostCreated 2 {"post":%s,"title":%s,"slug":%s,"author":%s,"body":%s}`, p.id, js(p.id), js(title), js(slug), author, body))
		}
	case n < 55:
		title := g.title(min)
		if title == p.title {
			return
		}
		if schema == 1 {
			if g.slugTaken(Slugify(title), p) {
				return
			}
			p.slug = Slugify(title)
		}
		p.title = title
		g.titles = append(g.titles, title)
		if schema == 1 {
			g.lines = append(g.lines, fmt.Sprintf(`%s PostRenamed 1 {"post":%s,"title":%s}`, p.id, js(p.id), js(title)))
		} else {
			g.lines = append(g.lines, fmt.Sprintf(`%s PostRenamed 2 {"post":%s,"title":%s,"slug":%s}`, p.id, js(p.id), js(title), js(p.slug)))
		}
	case n < 90:
		if p.published {
			return
		}
		p.published = true
		g.lines = append(g.lines, fmt.Sprintf(`%s PostPublished 1 {"post":%s}`, p.id, js(p.id)))
	default:
		p.deleted = true
		g.lines = append(g.lines, fmt.Sprintf(`%s PostDeleted 1 {"post":%s}`, p.id, js(p.id)))
	}
}

// puzzleInput generates the live archive, the staging server's extra
// events, and this week's command log.
func puzzleInput(seed string) (history, staging, commands []string) {
	r := puzzle.New("14-upcasting", seed)
	g := &archiveGen{r: r, byID: map[string]*simPost{}}
	for len(g.lines) < 260 {
		g.step(1)
	}
	for len(g.lines) < 420 {
		g.step(2)
	}
	history = g.lines

	// The staging server: next year's branch wrote schema 3.
	for i := 0; i < 6; i++ {
		if p := g.pickLive(); p != nil && r.Chance(60) {
			p.future = true
			staging = append(staging, fmt.Sprintf(`%s PostRenamed 3 {"post":%s,"title":%s,"slug":%s,"subtitle":"A word from the editor"}`,
				p.id, js(p.id), js(p.title), js(p.slug)))
			continue
		}
		id := fmt.Sprintf("post-%d", g.next+1+i)
		staging = append(staging, fmt.Sprintf(`%s PostCreated 3 {"post":%s,"title":"Tags are coming","slug":"tags-are-coming","tags":["news"],"author":"mira","body":"Soon."}`,
			id, js(id)))
	}

	// This week's commands. The generator follows them roughly (creations
	// and deletions), to pick posts that are worth a command.
	next := g.next
	id := func() string {
		switch n := r.Intn(100); {
		case n < 4:
			return r.Pick(badIDs)
		case n < 8:
			return fmt.Sprintf("post-%d", next+r.Intn(3))
		case n < 25:
			// Last year's posts with titles too short for this year.
			for tries := 0; tries < 10; tries++ {
				if p := g.pickLive(); p != nil && utf8.RuneCountInString(p.title) < 8 {
					return p.id
				}
			}
		}
		if p := g.pickLive(); p != nil && r.Chance(90) {
			return p.id
		}
		return g.posts[r.Intn(len(g.posts))].id
	}
	title := func() string {
		switch n := r.Intn(100); {
		case n < 25:
			return r.Pick(shortTitles)
		case n < 45:
			t := r.Pick(g.titles)
			if r.Chance(50) {
				t = strings.ToUpper(t) + "!"
			}
			return t
		case n < 47:
			return ""
		}
		return wordsTitle(r)
	}
	for len(commands) < 700 {
		switch n := r.Intn(100); {
		case n < 30:
			post := id()
			if r.Chance(80) {
				next++
				post = fmt.Sprintf("post-%d", next)
			}
			t := title()
			g.titles = append(g.titles, t)
			author, body := r.Pick(authors), r.Pick(bodies)
			body = strings.ReplaceAll(body, "\n", " ")
			if r.Chance(4) {
				author = " "
			}
			commands = append(commands, fmt.Sprintf("create | %s | %s | %s | %s", post, t, author, body))
			if g.byID[post] == nil && utf8.RuneCountInString(strings.TrimSpace(t)) >= MinTitle {
				p := &simPost{id: post, title: strings.TrimSpace(t), slug: Slugify(t)}
				g.posts = append(g.posts, p)
				g.byID[post] = p
			}
		case n < 55:
			post := id()
			t := title()
			if p, ok := g.byID[post]; ok && r.Chance(15) {
				t = p.title // the title it has (too short now, maybe)
			}
			commands = append(commands, fmt.Sprintf("rename | %s | %s", post, t))
		case n < 85:
			commands = append(commands, fmt.Sprintf("publish | %s", id()))
		default:
			post := id()
			commands = append(commands, fmt.Sprintf("delete | %s", post))
			if p := g.byID[post]; p != nil {
				p.deleted = true
			}
		}
	}
	return history, staging, commands
}

func TestPart1FullPuzzle(t *testing.T) {
	history, staging, _ := puzzleInput(puzzle.Seed())
	puzzle.Check(t, "part1", part1Answer(append(append([]string{}, history...), staging...)), 174119)
}

func TestPart2FullPuzzle(t *testing.T) {
	history, _, commands := puzzleInput(puzzle.Seed())
	puzzle.Check(t, "part2", part2Answer(history, commands), 189943)
}
