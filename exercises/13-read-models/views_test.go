//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where a rule is stated: a failure names the day and the part.
const (
	inPart1 = " — day 13, Part 1"
	inPart2 = " — day 13, Part 2"
)

// The rules of Part 1, as the chapter states them.
const (
	ruleCatchUp      = "CatchUp hands p every event after its checkpoint, in order, and returns how many it handled" + inPart1
	ruleCatchUpError = "at the first error, CatchUp stops and returns it with the number handled before it" + inPart1
	ruleCheckpoint   = "Checkpoint() says the position of the last event handled, and every Handle moves it, also for an event the read model does not care about" + inPart1
	ruleIgnore       = "every Handle ignores an event at or before its checkpoint: taking it again changes nothing" + inPart1
	ruleList         = "PostList: every live post; PostCreated adds a draft with no comments, PostRenamed changes its title, PostPublished publishes it, CommentAdded counts a comment, PostDeleted takes it off the list" + inPart1
	ruleNewest       = "Posts() returns the posts newest first, by the position of their PostCreated" + inPart1
	ruleComments     = "CommentsByPost: the comments of each live post, oldest first; a deleted post has none" + inPart1
	ruleTags         = "TagIndex: the live posts with a tag, and the tags of a post, both sorted as strings; a deleted post loses its tags" + inPart1
	ruleKnows        = "each read model knows a post from its PostCreated until its PostDeleted: a comment or a tag of a post never created, or of a deleted one, changes nothing on any page" + inPart1
	ruleCopies       = "queries return copies, and never read the store" + inPart1
	ruleOwnPace      = "every read model keeps a checkpoint of its own and moves at its own pace, each a true picture of the store up to its checkpoint" + inPart1
	ruleFromZero     = "a read model made later, starting from position 0, arrives at the same picture as one that has followed the store all along" + inPart1
)

// storeWith returns a store holding the events, each appended on its own
// to its post's stream: the Given of a read-side test.
func storeWith(t *testing.T, events ...Event) *EventStore {
	t.Helper()
	store := newStore()
	appendAll(t, store, events...)
	return store
}

// appendAll appends each event to its post's stream.
func appendAll(t *testing.T, store *EventStore, events ...Event) {
	t.Helper()
	for _, e := range events {
		_, err := store.Append(e.PostID(), AnyVersion, []Event{e})
		require.NoError(t, err, "given %s", strings.Join(DescribeEvents([]Event{e}), ""))
	}
}

// catchUp catches a projection up and checks how many events it handled.
func catchUp(t *testing.T, store *EventStore, p Projection, what string, want int) {
	t.Helper()
	n, err := CatchUp(store, p)
	require.NoError(t, err, "CatchUp(store, %s) on a store of %d events: %s", what, len(store.ReadAll(1)), ruleCatchUp)
	assert.Equal(t, want, n, "CatchUp(store, %s) on a store of %d events: the events it handled: %s", what, len(store.ReadAll(1)), ruleCatchUp)
	assert.Equal(t, len(store.ReadAll(1)), p.Checkpoint(), "the checkpoint of %s after CatchUp on a store of %d events: %s", what, len(store.ReadAll(1)), ruleCheckpoint)
}

// describeEvents writes a Given's events as DescribeEvents does, on one line.
func describeEvents(events []Event) string {
	if len(events) == 0 {
		return "no events"
	}
	return strings.Join(DescribeEvents(events), "; ")
}

// strs copies a list of strings, so that nil and empty compare equal.
func strs(list []string) []string {
	return append([]string{}, list...)
}

// TestPart1Example is the worked example of Part 1: three read models of
// one store, each catching up when it is told to.
func TestPart1Example(t *testing.T) {
	script := []string{
		"created | post-1 | Hello, Kestrel! | ines",
		"published | post-1",
		"created | post-2 | Spring picnic | tomás",
		"commented | post-1 | comment-1 | olu | Welcome aboard!",
		"tagged | post-1 | news",
		"tagged | post-2 | harbour",
		"catch up list",
		"catch up tags",
		"list", // post-2 draft, post-1 published with 1 comment: 2 × (1 + 1) = 4
		"commented | post-1 | comment-2 | tomás | Who wants a tea rota?",
		"renamed | post-2 | Spring picnic at the harbour",
		"published | post-2",
		"tagged | post-2 | news", // position 10
		"catch up comments",
		"comments post-1", // 2
		"tag news",        // 1: the tag index is still at position 6
		"catch up tags",
		"tag news", // 2
		"list",     // 4: the list is still at position 6
		"catch up list",
		"list",             // 1 × (0 + 1) + 2 × (2 + 1) = 1 + 6 = 7
		"redeliver list 7", // comment-2 again: ignored
		"list",             // 7
		"deleted | post-1", // position 11
		"catch up list",
		"catch up tags",
		"list",     // 1 × 1 = 1
		"tag news", // 1
		"new comments",
		"catch up comments",
		"comments post-1", // 0
	}
	// 4 + 2 + 1 + 2 + 4 + 7 + 7 + 1 + 1 + 0 = 29
	got, err := runScript(script)
	require.NoError(t, err, "the worked example of Part 1 as a script")
	assert.Equal(t, 29, got, "the worked example of Part 1: the answer is the sum of the answers to its questions"+inPart1)

	// The same, step by step.
	store := storeWith(t,
		PostCreated{Post: "post-1", Title: "Hello, Kestrel!", Author: "ines"},
		PostPublished{Post: "post-1"},
		PostCreated{Post: "post-2", Title: "Spring picnic", Author: "tomás"},
		CommentAdded{Post: "post-1", Comment: "comment-1", Author: "olu", Body: "Welcome aboard!"},
		PostTagged{Post: "post-1", Tag: "news"},
		PostTagged{Post: "post-2", Tag: "harbour"},
	)
	list, comments, tags := NewPostList(), NewCommentsByPost(), NewTagIndex()
	assert.Equal(t, 0, list.Checkpoint(), "a new list's checkpoint: "+ruleCheckpoint)
	catchUp(t, store, list, "the list", 6)
	catchUp(t, store, tags, "the tag index", 6)
	assert.Equal(t, []string{
		`post-2 "Spring picnic" by tomás, draft, 0 comments`,
		`post-1 "Hello, Kestrel!" by ines, published, 1 comments`,
	}, DescribePosts(list.Posts()), "the list at position 6: the list shows post-2, a draft, first, then post-1, published with one comment"+inPart1)

	appendAll(t, store,
		CommentAdded{Post: "post-1", Comment: "comment-2", Author: "tomás", Body: "Who wants a tea rota?"},
		PostRenamed{Post: "post-2", Title: "Spring picnic at the harbour"},
		PostPublished{Post: "post-2"},
		PostTagged{Post: "post-2", Tag: "news"},
	)
	catchUp(t, store, comments, "the comments", 10)
	assert.Equal(t, []string{"comment-1 olu: Welcome aboard!", "comment-2 tomás: Who wants a tea rota?"},
		DescribeComments(comments.For("post-1")), "the comments page catches up over all the events and shows the comments under post-1, oldest first"+inPart1)
	assert.Equal(t, []string{"post-1"}, strs(tags.Posts("news")), "Posts(news) before the index catches up: the tag index is still at 6, so tag news finds 1 post"+inPart1)
	catchUp(t, store, tags, "the tag index", 4)
	assert.Equal(t, []string{"post-1", "post-2"}, strs(tags.Posts("news")), "Posts(news) after the tag index catches up: "+ruleTags)
	assert.Equal(t, []string{"harbour", "news"}, strs(tags.Tags("post-2")), "Tags(post-2): "+ruleTags)
	assert.Equal(t, 6, list.Checkpoint(), "the list has not caught up, and is still at 6: "+ruleOwnPace)
	catchUp(t, store, list, "the list", 4)
	require.NoError(t, list.Handle(store.ReadAll(7)[0]), "the list handed position 7 again: "+ruleIgnore)
	assert.Equal(t, []string{
		`post-2 "Spring picnic at the harbour" by tomás, published, 0 comments`,
		`post-1 "Hello, Kestrel!" by ines, published, 2 comments`,
	}, DescribePosts(list.Posts()), "the list at position 10, after position 7 again: position 7 (comment-2) handed to the list again is ignored"+inPart1)

	appendAll(t, store, PostDeleted{Post: "post-1"})
	catchUp(t, store, list, "the list", 1)
	catchUp(t, store, tags, "the tag index", 1)
	assert.Equal(t, []string{`post-2 "Spring picnic at the harbour" by tomás, published, 0 comments`},
		DescribePosts(list.Posts()), "the list after post-1 is deleted: the list shows post-2 alone"+inPart1)
	assert.Equal(t, []string{"post-2"}, strs(tags.Posts("news")), "Posts(news) after post-1 is deleted: "+ruleTags)
	later := NewCommentsByPost()
	catchUp(t, store, later, "a new comments view", 11)
	assert.Empty(t, DescribeComments(later.For("post-1")), "a new comments page catches up over all the events and shows no comments for the deleted post-1"+inPart1)
}

// recorder is a test projection: it notes the positions it handles, and
// fails at one position if told to.
type recorder struct {
	checkpoint int
	handled    []int
	failAt     int
}

var errRecorder = errors.New("the recorder's database is down")

func (r *recorder) Checkpoint() int { return r.checkpoint }

func (r *recorder) Handle(e RecordedEvent) error {
	if e.Position <= r.checkpoint {
		return nil
	}
	if e.Position == r.failAt {
		return fmt.Errorf("at @%d: %w", e.Position, errRecorder)
	}
	r.checkpoint = e.Position
	r.handled = append(r.handled, e.Position)
	return nil
}

var (
	hello   = PostCreated{Post: "post-1", Title: "Hello, Kestrel!", Author: "ines", Body: "Welcome."}
	picnic  = PostCreated{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Bring a blanket."}
	minutes = PostCreated{Post: "post-3", Title: "Minutes of the spring meeting", Author: "olu", Body: "We met."}
)

func TestPart1FullCatchUp(t *testing.T) {
	empty := &recorder{}
	n, err := CatchUp(newStore(), empty)
	assert.NoError(t, err, "CatchUp on an empty store: "+ruleCatchUp)
	assert.Equal(t, 0, n, "CatchUp on an empty store: "+ruleCatchUp)

	store := storeWith(t, hello, picnic, minutes, PostPublished{Post: "post-2"})
	r := &recorder{}
	n, err = CatchUp(store, r)
	assert.NoError(t, err, "the first CatchUp on a store of 4 events: "+ruleCatchUp)
	assert.Equal(t, 4, n, "the first CatchUp on a store of 4 events handles every event: "+ruleCatchUp)
	assert.Equal(t, []int{1, 2, 3, 4}, r.handled, "the positions handled by the first CatchUp, in order: "+ruleCatchUp)
	n, err = CatchUp(store, r)
	assert.NoError(t, err, "a second CatchUp with nothing new: "+ruleCatchUp)
	assert.Equal(t, 0, n, "a second CatchUp with nothing new: "+ruleCatchUp)

	appendAll(t, store, PostDeleted{Post: "post-1"}, PostRenamed{Post: "post-3", Title: "Spring minutes"})
	n, _ = CatchUp(store, r)
	assert.Equal(t, 2, n, "CatchUp after two appends: "+ruleCatchUp)
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, r.handled, "CatchUp after two appends: each position is handed over once, "+ruleCatchUp)

	byHand := &recorder{}
	require.NoError(t, byHand.Handle(store.ReadAll(1)[0]), "the test recorder handles @1 by hand")
	require.NoError(t, byHand.Handle(store.ReadAll(2)[0]), "the test recorder handles @2 by hand")
	n, _ = CatchUp(store, byHand)
	assert.Equal(t, 4, n, "CatchUp of a recorder that handled @1 and @2 by hand starts after them: "+ruleCatchUp)
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, byHand.handled, "CatchUp of a recorder that handled @1 and @2 by hand starts after its checkpoint: "+ruleCatchUp)

	failing := &recorder{failAt: 4}
	n, err = CatchUp(store, failing)
	assert.True(t, errors.Is(err, errRecorder), "CatchUp of a recorder that fails at @4 returns Handle's error: %s; got %v", ruleCatchUpError, err)
	assert.Equal(t, 2+1, n, "CatchUp of a recorder that fails at @4 counts the events handled before it: "+ruleCatchUpError)
	assert.Equal(t, []int{1, 2, 3}, failing.handled, "CatchUp of a recorder that fails at @4 hands nothing over after the error: "+ruleCatchUpError)
	failing.failAt = 0
	n, err = CatchUp(store, failing)
	assert.NoError(t, err, "CatchUp again, once the error has gone: "+ruleCatchUp)
	assert.Equal(t, 3, n, "CatchUp again, once the error has gone, from the failed event on: "+ruleCatchUp)
}

// listAfter returns a list caught up on the events.
func listAfter(t *testing.T, events ...Event) *PostList {
	t.Helper()
	store := storeWith(t, events...)
	list := NewPostList()
	catchUp(t, store, list, "the list", len(events))
	return list
}

func TestPart1FullPostList(t *testing.T) {
	tests := []struct {
		name  string
		given []Event
		want  []string
		rule  string
	}{
		{"no posts", nil, []string{}, ruleList},
		{"a draft", []Event{hello},
			[]string{`post-1 "Hello, Kestrel!" by ines, draft, 0 comments`}, ruleList},
		{"newest first", []Event{hello, picnic, minutes},
			[]string{`post-3 "Minutes of the spring meeting" by olu, draft, 0 comments`,
				`post-2 "Spring picnic" by tomás, draft, 0 comments`,
				`post-1 "Hello, Kestrel!" by ines, draft, 0 comments`}, ruleNewest},
		{"newest by creation, not by last change", []Event{hello, picnic, PostPublished{Post: "post-1"}, PostRenamed{Post: "post-1", Title: "Hello again"}},
			[]string{`post-2 "Spring picnic" by tomás, draft, 0 comments`,
				`post-1 "Hello again" by ines, published, 0 comments`}, ruleNewest},
		{"newest by creation, not by id", []Event{minutes, hello, picnic},
			[]string{`post-2 "Spring picnic" by tomás, draft, 0 comments`,
				`post-1 "Hello, Kestrel!" by ines, draft, 0 comments`,
				`post-3 "Minutes of the spring meeting" by olu, draft, 0 comments`}, ruleNewest},
		{"renamed twice", []Event{picnic, PostRenamed{Post: "post-2", Title: "Summer picnic"}, PostRenamed{Post: "post-2", Title: "Autumn picnic"}},
			[]string{`post-2 "Autumn picnic" by tomás, draft, 0 comments`}, ruleList},
		{"comments counted", []Event{hello, PostPublished{Post: "post-1"},
			CommentAdded{Post: "post-1", Comment: "comment-1", Author: "olu", Body: "Hi"},
			CommentAdded{Post: "post-1", Comment: "comment-2", Author: "ada", Body: "Hi"},
			CommentAdded{Post: "post-1", Comment: "comment-3", Author: "olu", Body: "Again"}},
			[]string{`post-1 "Hello, Kestrel!" by ines, published, 3 comments`}, ruleList},
		{"a deleted post vanishes", []Event{hello, picnic, PostPublished{Post: "post-1"}, PostDeleted{Post: "post-1"}},
			[]string{`post-2 "Spring picnic" by tomás, draft, 0 comments`}, ruleList},
		{"tags and favourites change nothing here", []Event{hello, PostTagged{Post: "post-1", Tag: "news"},
			PostFavourited{Post: "post-1", Member: "ada"}, PostUntagged{Post: "post-1", Tag: "news"}, PostUnfavourited{Post: "post-1", Member: "ada"}},
			[]string{`post-1 "Hello, Kestrel!" by ines, draft, 0 comments`}, ruleList},
		{"events of a post it does not know change nothing", []Event{picnic, PostRenamed{Post: "post-9", Title: "Ghost"},
			PostPublished{Post: "post-9"}, CommentAdded{Post: "post-9", Comment: "comment-1", Author: "olu", Body: "Boo"}, PostDeleted{Post: "post-8"}},
			[]string{`post-2 "Spring picnic" by tomás, draft, 0 comments`}, ruleKnows},
	}
	for _, tt := range tests {
		list := listAfter(t, tt.given...)
		assert.Equal(t, tt.want, DescribePosts(list.Posts()), "%s:\nGiven: %s\nWhen: the list catches up\nThen: Posts(): %s",
			tt.name, describeEvents(tt.given), tt.rule)
	}

	list := listAfter(t, hello, picnic)
	posts := list.Posts()
	posts[0].Title = "Changed by the caller"
	assert.Equal(t, []string{`post-2 "Spring picnic" by tomás, draft, 0 comments`, `post-1 "Hello, Kestrel!" by ines, draft, 0 comments`},
		DescribePosts(list.Posts()), "Posts() after the caller changed what it returned: "+ruleCopies)
}

func TestPart1FullComments(t *testing.T) {
	c1 := CommentAdded{Post: "post-1", Comment: "comment-1", Author: "olu", Body: "First!"}
	c2 := CommentAdded{Post: "post-2", Comment: "comment-2", Author: "ada", Body: "Bring cake."}
	c3 := CommentAdded{Post: "post-1", Comment: "comment-3", Author: "tomás", Body: "Second."}
	c4 := CommentAdded{Post: "post-2", Comment: "comment-4", Author: "ines", Body: "And tea."}
	store := storeWith(t, hello, picnic, c1, c2, c3, c4)
	view := NewCommentsByPost()
	assert.Equal(t, 0, view.Checkpoint(), "a new CommentsByPost's checkpoint: "+ruleCheckpoint)
	catchUp(t, store, view, "the comments", 6)
	assert.Equal(t, []string{"comment-1 olu: First!", "comment-3 tomás: Second."}, DescribeComments(view.For("post-1")), "For(post-1): "+ruleComments)
	assert.Equal(t, []string{"comment-2 ada: Bring cake.", "comment-4 ines: And tea."}, DescribeComments(view.For("post-2")), "For(post-2): "+ruleComments)
	assert.Empty(t, DescribeComments(view.For("post-3")), "For(post-3), a post never created: "+ruleKnows)

	got := view.For("post-1")
	got[0].Body = "Changed by the caller"
	assert.Equal(t, "First!", view.For("post-1")[0].Body, "For(post-1) after the caller changed a comment it returned: "+ruleCopies)
	got = append(got[:1], Comment{ID: "comment-99", Author: "x", Body: "y"})
	assert.Equal(t, []string{"comment-1 olu: First!", "comment-3 tomás: Second."}, DescribeComments(view.For("post-1")), "For(post-1) after the caller appended to what it returned: "+ruleCopies)

	appendAll(t, store, PostDeleted{Post: "post-1"}, PostTagged{Post: "post-2", Tag: "news"})
	catchUp(t, store, view, "the comments", 2)
	assert.Empty(t, DescribeComments(view.For("post-1")), "For(post-1) after PostDeleted: "+ruleComments)
	assert.Equal(t, 2, len(view.For("post-2")), "For(post-2) after post-1 is deleted: the other post keeps its comments, "+ruleComments)
}

func TestPart1FullTags(t *testing.T) {
	var given []Event
	for i := 1; i <= 10; i++ {
		given = append(given, PostCreated{Post: fmt.Sprintf("post-%d", i), Title: fmt.Sprintf("Post number %d", i), Author: "ines", Body: "x"})
	}
	given = append(given,
		PostTagged{Post: "post-9", Tag: "news"},
		PostTagged{Post: "post-10", Tag: "news"},
		PostTagged{Post: "post-2", Tag: "news"},
		PostTagged{Post: "post-2", Tag: "harbour"},
		PostTagged{Post: "post-2", Tag: "events"},
		PostTagged{Post: "post-3", Tag: "harbour"},
	)
	store := storeWith(t, given...)
	index := NewTagIndex()
	assert.Equal(t, 0, index.Checkpoint(), "a new TagIndex's checkpoint: "+ruleCheckpoint)
	catchUp(t, store, index, "the tag index", 16)
	assert.Equal(t, []string{"post-10", "post-2", "post-9"}, strs(index.Posts("news")), "Posts(news): "+ruleTags)
	assert.Equal(t, []string{"events", "harbour", "news"}, strs(index.Tags("post-2")), "Tags(post-2): "+ruleTags)
	assert.Empty(t, index.Posts("choir"), "Posts(choir), a tag no post has: "+ruleTags)
	assert.Empty(t, index.Tags("post-5"), "Tags(post-5), a post without tags: "+ruleTags)
	assert.Empty(t, index.Tags("post-99"), "Tags(post-99), a post never created: "+ruleKnows)

	appendAll(t, store,
		PostUntagged{Post: "post-9", Tag: "news"},
		PostUntagged{Post: "post-2", Tag: "harbour"},
		PostDeleted{Post: "post-2"},
		PostTagged{Post: "post-3", Tag: "news"},
		PostUntagged{Post: "post-3", Tag: "harbour"},
	)
	catchUp(t, store, index, "the tag index", 5)
	assert.Equal(t, []string{"post-10", "post-3"}, strs(index.Posts("news")), "Posts(news) after untagging post-9 and deleting post-2: "+ruleTags)
	assert.Empty(t, index.Posts("harbour"), "Posts(harbour), untagged from post-2 and post-3, then post-2 deleted: "+ruleTags)
	assert.Empty(t, index.Posts("events"), "Posts(events), whose only post was deleted: "+ruleTags)
	assert.Empty(t, index.Tags("post-2"), "Tags(post-2) after PostDeleted: "+ruleTags)
	assert.Equal(t, []string{"news"}, strs(index.Tags("post-3")), "Tags(post-3), tagged news and untagged harbour: "+ruleTags)

	got := index.Posts("news")
	got[0] = "post-77"
	assert.Equal(t, []string{"post-10", "post-3"}, strs(index.Posts("news")), "Posts(news) after the caller changed what it returned: "+ruleCopies)
	got = index.Tags("post-3")
	got[0] = "changed"
	assert.Equal(t, []string{"news"}, strs(index.Tags("post-3")), "Tags(post-3) after the caller changed what it returned: "+ruleCopies)
}

// TestPart1FullUnknownPosts: a read model knows a post from its
// PostCreated to its PostDeleted. The blog never records a comment or a tag
// of any other post, but a read model does not count on it: such events
// change nothing on any page, and still move the checkpoint.
func TestPart1FullUnknownPosts(t *testing.T) {
	// Given: post-9 and post-8 were never created, post-1 is deleted.
	given := []Event{
		picnic,
		CommentAdded{Post: "post-9", Comment: "comment-1", Author: "olu", Body: "Boo"},
		PostTagged{Post: "post-9", Tag: "news"},
		PostRenamed{Post: "post-9", Title: "Ghost story"},
		PostPublished{Post: "post-9"},
		hello,
		CommentAdded{Post: "post-1", Comment: "comment-2", Author: "ada", Body: "Hello!"},
		PostTagged{Post: "post-1", Tag: "harbour"},
		PostDeleted{Post: "post-1"},
		CommentAdded{Post: "post-1", Comment: "comment-3", Author: "tomás", Body: "Too late."},
		PostTagged{Post: "post-1", Tag: "news"},
		PostTagged{Post: "post-2", Tag: "news"},
		CommentAdded{Post: "post-2", Comment: "comment-4", Author: "ines", Body: "Bring tea."},
		PostUntagged{Post: "post-8", Tag: "news"},
		PostDeleted{Post: "post-8"},
	}
	store := storeWith(t, given...)

	// When: each read model catches up (catchUp checks that every event
	// moved its checkpoint).
	list, comments, tags := NewPostList(), NewCommentsByPost(), NewTagIndex()
	catchUp(t, store, list, "the list", len(given))
	catchUp(t, store, comments, "the comments", len(given))
	catchUp(t, store, tags, "the tag index", len(given))

	// Then: only post-2 is on any page.
	gw := "Given: post-9 and post-8 were never created, post-1 is deleted, " + describeEvents(given) +
		"\nWhen: the list, the comments and the tag index catch up\nThen: "
	assert.Equal(t, []string{`post-2 "Spring picnic" by tomás, draft, 1 comments`}, DescribePosts(list.Posts()),
		gw+"Posts(), ignoring the events of post-9 (never created) and of post-1 after its deletion: "+ruleKnows)
	assert.Empty(t, DescribeComments(comments.For("post-9")), gw+"For(post-9), a comment of a post never created is ignored: "+ruleKnows)
	assert.Empty(t, DescribeComments(comments.For("post-1")), gw+"For(post-1), a comment added after the post was deleted is ignored: "+ruleKnows)
	assert.Equal(t, []string{"comment-4 ines: Bring tea."}, DescribeComments(comments.For("post-2")), gw+"For(post-2): "+ruleComments)
	assert.Empty(t, tags.Tags("post-9"), gw+"Tags(post-9), a tag of a post never created is ignored: "+ruleKnows)
	assert.Empty(t, tags.Tags("post-1"), gw+"Tags(post-1), a tag given after the post was deleted is ignored: "+ruleKnows)
	assert.Equal(t, []string{"post-2"}, strs(tags.Posts("news")), gw+"Posts(news), only the live post-2: "+ruleKnows)
	assert.Empty(t, tags.Posts("harbour"), gw+"Posts(harbour), whose only post was deleted: "+ruleTags)
	assert.Equal(t, []string{"news"}, strs(tags.Tags("post-2")), gw+"Tags(post-2), untagging post-8 changes nothing: "+ruleKnows)

	// And a read model built later, from the first event, agrees.
	fresh := []Projection{NewPostList(), NewCommentsByPost(), NewTagIndex()}
	for _, p := range fresh {
		catchUp(t, store, p, "a new view", len(given))
	}
	assert.Equal(t, views(list, comments, tags), views(fresh[0].(*PostList), fresh[1].(*CommentsByPost), fresh[2].(*TagIndex)),
		gw+"read models built later agree: "+ruleFromZero)
}

// blogHistory is a small history with every kind of event.
func blogHistory() []Event {
	return []Event{
		hello, picnic, PostPublished{Post: "post-1"},
		CommentAdded{Post: "post-1", Comment: "comment-1", Author: "olu", Body: "Welcome!"},
		PostTagged{Post: "post-1", Tag: "news"}, PostTagged{Post: "post-2", Tag: "news"},
		PostFavourited{Post: "post-1", Member: "ada"},
		minutes, CommentAdded{Post: "post-2", Comment: "comment-2", Author: "ada", Body: "Cake?"},
		PostRenamed{Post: "post-2", Title: "Spring picnic, moved indoors"},
		PostTagged{Post: "post-3", Tag: "minutes"}, PostUntagged{Post: "post-2", Tag: "news"},
		PostDeleted{Post: "post-1"}, PostPublished{Post: "post-3"},
		CommentAdded{Post: "post-3", Comment: "comment-3", Author: "tomás", Body: "Thanks."},
		PostTagged{Post: "post-3", Tag: "news"},
	}
}

// views describes what the three read models answer.
func views(list *PostList, comments *CommentsByPost, tags *TagIndex) []string {
	out := DescribePosts(list.Posts())
	for _, id := range []string{"post-1", "post-2", "post-3"} {
		out = append(out, fmt.Sprintf("%s comments %v tags %v", id, DescribeComments(comments.For(id)), strs(tags.Tags(id))))
	}
	for _, tag := range []string{"news", "minutes"} {
		out = append(out, fmt.Sprintf("tag %s: %v", tag, strs(tags.Posts(tag))))
	}
	return out
}

func TestPart1FullIdempotent(t *testing.T) {
	history := blogHistory()
	store := storeWith(t, history...)
	list, comments, tags := NewPostList(), NewCommentsByPost(), NewTagIndex()
	for _, p := range []Projection{list, comments, tags} {
		catchUp(t, store, p, "a view", len(history))
	}
	want := views(list, comments, tags)
	assert.Equal(t, []string{
		`post-3 "Minutes of the spring meeting" by olu, published, 1 comments`,
		`post-2 "Spring picnic, moved indoors" by tomás, draft, 1 comments`,
		"post-1 comments [] tags []",
		"post-2 comments [comment-2 ada: Cake?] tags []",
		"post-3 comments [comment-3 tomás: Thanks.] tags [minutes news]",
		"tag news: [post-3]",
		"tag minutes: [post-3]",
	}, want, "Given: "+describeEvents(history)+"\nWhen: the list, the comments and the tag index catch up\nThen: what they answer: "+ruleList+"; "+ruleComments+"; "+ruleTags)

	// Everything delivered again, and caught up again: nothing changes.
	names := []string{"PostList", "CommentsByPost", "TagIndex"}
	for _, r := range store.ReadAll(1) {
		for i, p := range []Projection{list, comments, tags} {
			require.NoError(t, p.Handle(r), "%s.Handle(@%d) again: %s", names[i], r.Position, ruleIgnore)
			assert.Equal(t, len(history), p.Checkpoint(), "%s: the checkpoint after @%d again: %s", names[i], r.Position, ruleIgnore)
		}
	}
	for _, p := range []Projection{list, comments, tags} {
		catchUp(t, store, p, "a view caught up", 0)
	}
	assert.Equal(t, want, views(list, comments, tags), "what the read models answer after every event again: "+ruleIgnore)

	// Every event handed over twice in a row, by hand.
	list2, comments2, tags2 := NewPostList(), NewCommentsByPost(), NewTagIndex()
	for _, r := range store.ReadAll(1) {
		for i, p := range []Projection{list2, comments2, tags2} {
			require.NoError(t, p.Handle(r), "%s.Handle(@%d) of a new read model: %s", names[i], r.Position, ruleCheckpoint)
			require.NoError(t, p.Handle(r), "%s.Handle(@%d) a second time: %s", names[i], r.Position, ruleIgnore)
			assert.Equal(t, r.Position, p.Checkpoint(), "%s: the checkpoint after @%d, twice: %s", names[i], r.Position, ruleCheckpoint)
		}
	}
	assert.Equal(t, want, views(list2, comments2, tags2), "what new read models answer, handed every event twice in a row: "+ruleIgnore)
}

func TestPart1FullIndependent(t *testing.T) {
	history := blogHistory()
	store := newStore()
	list, comments, tags := NewPostList(), NewCommentsByPost(), NewTagIndex()
	// Each view catches up at its own moments.
	for i, e := range history {
		appendAll(t, store, e)
		if i%3 == 0 {
			catchUp(t, store, list, "the list", len(store.ReadAll(list.Checkpoint()+1)))
		}
		if i%5 == 4 {
			catchUp(t, store, tags, "the tag index", len(store.ReadAll(tags.Checkpoint()+1)))
		}
	}
	assert.Equal(t, 16, len(history), "the history of the test")
	assert.Equal(t, 16, list.Checkpoint(), "the list caught up after the last event: "+ruleOwnPace)
	assert.Equal(t, 15, tags.Checkpoint(), "the tag index caught up after the 15th event, and lags by one: "+ruleOwnPace)
	assert.Equal(t, 0, comments.Checkpoint(), "the comments view never caught up: "+ruleOwnPace)
	assert.Empty(t, DescribeComments(comments.For("post-3")), "For(post-3) of a comments view that never caught up knows nothing: "+ruleOwnPace)
	assert.Equal(t, []string{"minutes"}, strs(tags.Tags("post-3")), "Tags(post-3) of a tag index that has not seen post-3 tagged news: "+ruleOwnPace)

	// A view added later starts from the first event and agrees.
	catchUp(t, store, comments, "the comments", 16)
	catchUp(t, store, tags, "the tag index", 1)
	fresh := []Projection{NewPostList(), NewCommentsByPost(), NewTagIndex()}
	for _, p := range fresh {
		catchUp(t, store, p, "a new view", 16)
	}
	assert.Equal(t, views(list, comments, tags), views(fresh[0].(*PostList), fresh[1].(*CommentsByPost), fresh[2].(*TagIndex)),
		"read models caught up bit by bit and read models built later agree: "+ruleFromZero)
}
