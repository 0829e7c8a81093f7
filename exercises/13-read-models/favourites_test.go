//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contents describes a key-value store: every key and its number.
func contents(kv *KeyValueStore) []string {
	out := []string{}
	for _, k := range kv.Keys() {
		v, _ := kv.Get(k)
		out = append(out, fmt.Sprintf("%s=%d", k, v))
	}
	return out
}

// TestPart2Example is the worked example of Part 2: a favourites counter
// in its own store, which crashes, carries on and is rebuilt, beside a
// post list that lags on its own.
func TestPart2Example(t *testing.T) {
	script := []string{
		"created | post-1 | Hello, Kestrel! | ines",
		"published | post-1",
		"favourited | post-1 | ada",
		"created | post-2 | Spring picnic | tomás",
		"published | post-2",
		"favourited | post-2 | ada",
		"favourited | post-1 | olu",
		"catch up list",
		"catch up favourites",
		"front page", // post-2 has 1, post-1 has 2: 1 × 1 + 2 × 2 = 5
		"favourited | post-2 | olu",
		"unfavourited | post-1 | ada",
		"favourited | post-2 | mira", // position 10
		"crash 1",                    // position 8 is committed, then the store is down
		"catch up favourites",        // a new counter carries on from position 8
		"front page",                 // 1 × 3 + 2 × 1 = 5
		"deleted | post-1",           // position 11
		"catch up favourites",
		"front page", // the list still shows post-1: 1 × 3 + 2 × 0 = 3
		"catch up list",
		"front page", // 1 × 3 = 3
		"rebuild favourites",
		"front page", // 3
	}
	// 5 + 5 + 3 + 3 + 3 = 19
	got, err := runScript(script)
	require.NoError(t, err)
	assert.Equal(t, 19, got, "the answer of the example script")

	// The same, step by step.
	store := storeWith(t,
		PostCreated{Post: "post-1", Title: "Hello, Kestrel!", Author: "ines"},
		PostPublished{Post: "post-1"},
		PostFavourited{Post: "post-1", Member: "ada"},
		PostCreated{Post: "post-2", Title: "Spring picnic", Author: "tomás"},
		PostPublished{Post: "post-2"},
		PostFavourited{Post: "post-2", Member: "ada"},
		PostFavourited{Post: "post-1", Member: "olu"},
	)
	list := NewPostList()
	catchUp(t, store, list, "the list", 7)
	kv := NewKeyValueStore()
	favs := NewFavourites(kv)
	assert.Equal(t, 0, favs.Checkpoint(), "a new counter's checkpoint")
	catchUp(t, store, favs, "the favourites", 7)
	assert.Equal(t, []string{"checkpoint=7", "post-1=2", "post-2=1"}, contents(kv), "the key-value store")

	appendAll(t, store,
		PostFavourited{Post: "post-2", Member: "olu"},
		PostUnfavourited{Post: "post-1", Member: "ada"},
		PostFavourited{Post: "post-2", Member: "mira"},
	)
	kv.CrashAfter(1)
	n, err := CatchUp(store, favs)
	assert.True(t, errors.Is(err, ErrCrashed), "CatchUp while the store goes down: got %v", err)
	assert.Equal(t, 1, n, "CatchUp handled position 8 before the crash")
	kv.Restart()
	assert.Equal(t, []string{"checkpoint=8", "post-1=2", "post-2=2"}, contents(kv), "what the store kept: position 8, with its checkpoint")
	favs = NewFavourites(kv)
	assert.Equal(t, 8, favs.Checkpoint(), "a new counter reads its checkpoint from the store")
	catchUp(t, store, favs, "the new counter", 2)
	assert.Equal(t, []string{"checkpoint=10", "post-1=1", "post-2=3"}, contents(kv), "the store after position 10")

	appendAll(t, store, PostDeleted{Post: "post-1"})
	catchUp(t, store, favs, "the favourites", 1)
	assert.Equal(t, []string{"checkpoint=11", "post-2=3"}, contents(kv), "post-1's count is gone")
	assert.Equal(t, 2, len(list.Posts()), "the list has not caught up: it still shows post-1")
	catchUp(t, store, list, "the list", 4)

	n, err = favs.Rebuild(store)
	assert.NoError(t, err, "Rebuild")
	assert.Equal(t, 11, n, "Rebuild handles every event")
	assert.Equal(t, []string{"checkpoint=11", "post-2=3"}, contents(kv), "the store after the rebuild")
	assert.Equal(t, 11, list.Checkpoint(), "the rebuild does not touch the list")
}

// favouritesHistory is a history with favourites, taken back and deleted.
func favouritesHistory() []Event {
	return []Event{
		hello, picnic, PostPublished{Post: "post-1"},
		PostFavourited{Post: "post-1", Member: "ada"},
		PostFavourited{Post: "post-1", Member: "olu"},
		PostFavourited{Post: "post-2", Member: "ada"},
		CommentAdded{Post: "post-1", Comment: "comment-1", Author: "olu", Body: "Welcome!"},
		PostUnfavourited{Post: "post-2", Member: "ada"},
		minutes, PostFavourited{Post: "post-3", Member: "tomás"},
		PostFavourited{Post: "post-1", Member: "tomás"},
		PostUnfavourited{Post: "post-1", Member: "ada"},
		PostFavourited{Post: "post-2", Member: "grace"},
		PostDeleted{Post: "post-3"},
		PostFavourited{Post: "post-2", Member: "ada"},
		PostTagged{Post: "post-2", Tag: "news"},
	}
}

// wantFavourites is what the store holds after all of favouritesHistory.
var wantFavourites = []string{"checkpoint=16", "post-1=2", "post-2=2"}

func TestPart2FullCounts(t *testing.T) {
	history := favouritesHistory()
	store := newStore()
	kv := NewKeyValueStore()
	favs := NewFavourites(kv)
	steps := [][]string{
		{"checkpoint=1"}, {"checkpoint=2"}, {"checkpoint=3"},
		{"checkpoint=4", "post-1=1"},
		{"checkpoint=5", "post-1=2"},
		{"checkpoint=6", "post-1=2", "post-2=1"},
		{"checkpoint=7", "post-1=2", "post-2=1"},
		{"checkpoint=8", "post-1=2"},
		{"checkpoint=9", "post-1=2"},
		{"checkpoint=10", "post-1=2", "post-3=1"},
		{"checkpoint=11", "post-1=3", "post-3=1"},
		{"checkpoint=12", "post-1=2", "post-3=1"},
		{"checkpoint=13", "post-1=2", "post-2=1", "post-3=1"},
		{"checkpoint=14", "post-1=2", "post-2=1"},
		{"checkpoint=15", "post-1=2", "post-2=2"},
		wantFavourites,
	}
	for i, e := range history {
		appendAll(t, store, e)
		r := store.ReadAll(i + 1)[0]
		require.NoError(t, favs.Handle(r), "Handle(%v)", DescribeRecorded([]RecordedEvent{r}))
		assert.Equal(t, steps[i], contents(kv), "the store after %v", DescribeRecorded([]RecordedEvent{r}))
		if !assert.Equal(t, i+1, kv.Commits(), "one Commit per event: the commits after @%d", i+1) {
			break // once is enough to say it
		}
		assert.Equal(t, i+1, favs.Checkpoint(), "Checkpoint() after @%d", i+1)
	}
	assert.Equal(t, 2, favs.Count("post-1"), "Count(post-1)")
	assert.Equal(t, 0, favs.Count("post-3"), "Count of a deleted post")
	assert.Equal(t, 0, favs.Count("post-9"), "Count of a post never created")

	for _, r := range store.ReadAll(1) {
		require.NoError(t, favs.Handle(r), "Handle(@%d) again", r.Position)
	}
	assert.Equal(t, len(history), kv.Commits(), "an event at or before the checkpoint is not committed again")
	assert.Equal(t, wantFavourites, contents(kv), "the store after every event again")
}

func TestPart2FullCheckpointInStore(t *testing.T) {
	store := storeWith(t, favouritesHistory()...)
	kv := NewKeyValueStore()
	first := NewFavourites(kv)
	n, err := CatchUp(store, first)
	require.NoError(t, err)
	assert.Equal(t, 16, n)

	again := NewFavourites(kv)
	assert.Equal(t, 16, again.Checkpoint(), "a new counter over the same store has its checkpoint")
	assert.Equal(t, 2, again.Count("post-2"), "and its counts")
	n, err = CatchUp(store, again)
	assert.NoError(t, err)
	assert.Equal(t, 0, n, "it carries on: nothing to catch up")
	assert.Equal(t, wantFavourites, contents(kv), "nothing is counted twice")

	appendAll(t, store, PostFavourited{Post: "post-2", Member: "mira"})
	n, _ = CatchUp(store, again)
	assert.Equal(t, 1, n, "it catches up from its stored checkpoint")
	assert.Equal(t, 3, first.Count("post-2"), "both counters read the same store")
	assert.Equal(t, 17, first.Checkpoint(), "both counters read the same checkpoint")
}

func TestPart2FullCrash(t *testing.T) {
	history := favouritesHistory()
	store := storeWith(t, history...)
	for crashAt := 0; crashAt < len(history); crashAt++ {
		kv := NewKeyValueStore()
		favs := NewFavourites(kv)
		kv.CrashAfter(crashAt)
		n, err := CatchUp(store, favs)
		assert.True(t, errors.Is(err, ErrCrashed), "a crash after %d commits: CatchUp returns an error that wraps ErrCrashed: got %v", crashAt, err)
		assert.Equal(t, crashAt, n, "a crash after %d commits: the events handled before it", crashAt)
		kv.Restart()

		// The store holds exactly the first crashAt events, counts and
		// checkpoint together.
		clean := NewKeyValueStore()
		for _, r := range store.ReadAll(1)[:crashAt] {
			require.NoError(t, NewFavourites(clean).Handle(r))
		}
		assert.Equal(t, contents(clean), contents(kv), "a crash after %d commits: what the store kept", crashAt)

		restarted := NewFavourites(kv)
		n, err = CatchUp(store, restarted)
		assert.NoError(t, err, "a crash after %d commits: CatchUp after the restart", crashAt)
		assert.Equal(t, len(history)-crashAt, n, "a crash after %d commits: the restarted counter carries on from its checkpoint", crashAt)
		assert.Equal(t, wantFavourites, contents(kv), "a crash after %d commits: the store at the end, as without a crash", crashAt)
	}

	// A store that goes down in the middle, twice.
	kv := NewKeyValueStore()
	kv.CrashAfter(5)
	_, err := CatchUp(store, NewFavourites(kv))
	require.True(t, errors.Is(err, ErrCrashed), "the first crash: got %v", err)
	kv.Restart()
	kv.CrashAfter(4)
	_, err = CatchUp(store, NewFavourites(kv))
	require.True(t, errors.Is(err, ErrCrashed), "the second crash: got %v", err)
	kv.Restart()
	n, err := CatchUp(store, NewFavourites(kv))
	assert.NoError(t, err)
	assert.Equal(t, 7, n, "after two crashes (5 + 4 events), 7 are left")
	assert.Equal(t, wantFavourites, contents(kv), "the store after two crashes")
}

func TestPart2FullRebuild(t *testing.T) {
	history := favouritesHistory()
	store := storeWith(t, history...)
	kv := NewKeyValueStore()
	favs := NewFavourites(kv)
	n, err := favs.Rebuild(store)
	assert.NoError(t, err, "Rebuild of an empty counter")
	assert.Equal(t, len(history), n, "Rebuild of an empty counter handles every event")
	assert.Equal(t, wantFavourites, contents(kv), "the store after the first Rebuild")

	// An earlier, buggy version of the counter left a count of a post that
	// has none, and a count too high.
	require.NoError(t, kv.Commit([]Write{{Key: "post-9", Value: 4}, {Key: "post-1", Value: 40}}))
	list := NewPostList()
	catchUp(t, store, list, "the list", len(history))
	commits := kv.Commits()
	n, err = favs.Rebuild(store)
	assert.NoError(t, err, "Rebuild")
	assert.Equal(t, len(history), n, "Rebuild handles every event again")
	assert.Equal(t, wantFavourites, contents(kv), "Rebuild throws the old counts away")
	assert.Equal(t, commits+1+len(history), kv.Commits(), "Rebuild: one Commit to clear the store, then one per event")
	assert.Equal(t, len(history), list.Checkpoint(), "Rebuild touches no other read model")

	kv.CrashAfter(0)
	n, err = favs.Rebuild(store)
	assert.True(t, errors.Is(err, ErrCrashed), "Rebuild on a store that is down: got %v", err)
	assert.Equal(t, 0, n, "Rebuild on a store that is down")
	kv.Restart()
	assert.Equal(t, wantFavourites, contents(kv), "a Rebuild that could not start changed nothing")
}

func TestPart2FullLag(t *testing.T) {
	store := storeWith(t, hello, picnic, PostFavourited{Post: "post-1", Member: "ada"}, PostFavourited{Post: "post-2", Member: "olu"})
	list := NewPostList()
	favs := NewFavourites(NewKeyValueStore())
	catchUp(t, store, favs, "the favourites", 4)
	assert.Empty(t, DescribePosts(list.Posts()), "the list has not caught up: no posts yet")
	assert.Equal(t, 1, favs.Count("post-2"), "while the counter already counts post-2")

	catchUp(t, store, list, "the list", 4)
	appendAll(t, store, PostDeleted{Post: "post-1"}, minutes, PostFavourited{Post: "post-3", Member: "ada"})
	catchUp(t, store, list, "the list", 3)
	assert.Equal(t, []string{"post-3", "post-2"}, []string{list.Posts()[0].ID, list.Posts()[1].ID}, "the list knows post-3")
	assert.Equal(t, 0, favs.Count("post-3"), "the counter does not know post-3 yet")
	assert.Equal(t, 1, favs.Count("post-1"), "and still counts the deleted post-1")
	assert.Equal(t, 7, list.Checkpoint(), "each read model has its own checkpoint")
	assert.Equal(t, 4, favs.Checkpoint(), "each read model has its own checkpoint")
	catchUp(t, store, favs, "the favourites", 3)
	assert.Equal(t, 1, favs.Count("post-3"), "caught up, the counter knows post-3")
	assert.Equal(t, 0, favs.Count("post-1"), "and has forgotten post-1")
}
