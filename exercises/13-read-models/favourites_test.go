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

// The rules of Part 2, as the chapter states them.
const (
	ruleFavStore     = "Favourites keeps nothing in the Go value but the store: the count of each post under the post's id, and its checkpoint under FavouritesCheckpoint" + inPart2
	ruleFavCarryOn   = "a NewFavourites over a store that already holds counts and checkpoint (a restarted process) carries on from there" + inPart2
	ruleFavRead      = "Checkpoint() and Count(post) read the store; a missing key is 0" + inPart2
	ruleFavIgnore    = "an event at or before the checkpoint is ignored, with no commit" + inPart2
	ruleFavOneCommit = "any other event is exactly one Commit, holding the count it changes and the new checkpoint" + inPart2
	ruleFavCounts    = "PostFavourited adds one, PostUnfavourited takes one off (a count that reaches 0 is deleted), PostDeleted deletes the post's count, and any other event writes the checkpoint alone" + inPart2
	ruleFavCrashed   = "a failed commit is returned, wrapped so that errors.Is(err, ErrCrashed) holds" + inPart2
	ruleFavTogether  = "the counter keeps its checkpoint with its data, in the same all-or-nothing write: after a crash, what is saved and what is not still agree, and nothing is counted twice" + inPart2
	ruleRebuild      = "Rebuild: one Commit that deletes every key (counts and checkpoint), then a CatchUp, whose results it returns" + inPart2
	ruleRebuildFails = "if that first Commit fails, Rebuild returns 0 and the error, wrapped so that errors.Is(err, ErrCrashed) holds, and the store is as it was" + inPart2
	ruleRebuildAlone = "Rebuild touches no other read model" + inPart2
	ruleLag          = "each read model keeps its own checkpoint, and is true up to it: between read models that catch up on their own, consistency is eventual" + inPart2
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

// describeContents writes what contents returns on one line, for a Given.
func describeContents(kv []string) string {
	if len(kv) == 0 {
		return "nothing"
	}
	return strings.Join(kv, ", ")
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
	require.NoError(t, err, "the worked example of Part 2 as a script")
	assert.Equal(t, 19, got, "the worked example of Part 2: the answer is the sum of the front pages"+inPart2)

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
	assert.Equal(t, 0, favs.Checkpoint(), "a new counter's checkpoint: "+ruleFavRead)
	catchUp(t, store, favs, "the favourites", 7)
	assert.Equal(t, []string{"checkpoint=7", "post-1=2", "post-2=1"}, contents(kv), "the key-value store after 7 events: "+ruleFavStore)

	appendAll(t, store,
		PostFavourited{Post: "post-2", Member: "olu"},
		PostUnfavourited{Post: "post-1", Member: "ada"},
		PostFavourited{Post: "post-2", Member: "mira"},
	)
	kv.CrashAfter(1)
	n, err := CatchUp(store, favs)
	assert.True(t, errors.Is(err, ErrCrashed), "CatchUp while the store goes down after 1 commit: %s; got %v", ruleFavCrashed, err)
	assert.Equal(t, 1, n, "CatchUp while the store goes down after 1 commit: the catch-up fails at the next one having handled 1 event"+inPart2)
	kv.Restart()
	assert.Equal(t, []string{"checkpoint=8", "post-1=2", "post-2=2"}, contents(kv), "what the store kept after the crash: position 8 is committed, post-2=2 and checkpoint=8 together"+inPart2)
	favs = NewFavourites(kv)
	assert.Equal(t, 8, favs.Checkpoint(), "a new counter over the restarted store reads checkpoint 8: "+ruleFavCarryOn)
	catchUp(t, store, favs, "the new counter", 2)
	assert.Equal(t, []string{"checkpoint=10", "post-1=1", "post-2=3"}, contents(kv), "the store after the new counter handles the rest: "+ruleFavCounts)

	appendAll(t, store, PostDeleted{Post: "post-1"})
	catchUp(t, store, favs, "the favourites", 1)
	assert.Equal(t, []string{"checkpoint=11", "post-2=3"}, contents(kv), "the store after post-1 is deleted: the counter catches up and deletes post-1's count"+inPart2)
	assert.Equal(t, 2, len(list.Posts()), "the list has not caught up, and still shows post-1: "+ruleLag)
	catchUp(t, store, list, "the list", 4)

	n, err = favs.Rebuild(store)
	assert.NoError(t, err, "Rebuild: "+ruleRebuild)
	assert.Equal(t, 11, n, "Rebuild handles all 11 events again: "+ruleRebuild)
	assert.Equal(t, []string{"checkpoint=11", "post-2=3"}, contents(kv), "the store after the rebuild: "+ruleRebuild)
	assert.Equal(t, 11, list.Checkpoint(), "the list's checkpoint after the rebuild is still 11, untouched: "+ruleRebuildAlone)
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
		given := "Given: the key-value store holds " + describeContents(contents(kv))
		when := "\nWhen: Handle(" + strings.Join(DescribeRecorded([]RecordedEvent{r}), "") + ")\nThen: "
		require.NoError(t, favs.Handle(r), given+when+"it is handled: "+ruleFavOneCommit)
		assert.Equal(t, steps[i], contents(kv), given+when+"the store: "+ruleFavCounts)
		if !assert.Equal(t, i+1, kv.Commits(), given+when+"the commits so far: "+ruleFavOneCommit) {
			break // once is enough to say it
		}
		assert.Equal(t, i+1, favs.Checkpoint(), given+when+"Checkpoint(): "+ruleFavOneCommit)
	}
	assert.Equal(t, 2, favs.Count("post-1"), "Count(post-1): "+ruleFavRead)
	assert.Equal(t, 0, favs.Count("post-3"), "Count(post-3), a deleted post: "+ruleFavCounts)
	assert.Equal(t, 0, favs.Count("post-9"), "Count(post-9), a post never created: "+ruleFavRead)

	for _, r := range store.ReadAll(1) {
		require.NoError(t, favs.Handle(r), "Handle(@%d) again: %s", r.Position, ruleFavIgnore)
	}
	assert.Equal(t, len(history), kv.Commits(), "the commits after every event handed over again: "+ruleFavIgnore)
	assert.Equal(t, wantFavourites, contents(kv), "the store after every event handed over again: "+ruleFavIgnore)
}

func TestPart2FullCheckpointInStore(t *testing.T) {
	store := storeWith(t, favouritesHistory()...)
	kv := NewKeyValueStore()
	first := NewFavourites(kv)
	n, err := CatchUp(store, first)
	require.NoError(t, err, "CatchUp of a first counter on a store of 16 events: "+ruleCatchUp)
	assert.Equal(t, 16, n, "CatchUp of a first counter on a store of 16 events: "+ruleCatchUp)

	again := NewFavourites(kv)
	assert.Equal(t, 16, again.Checkpoint(), "a second counter over the same key-value store has its checkpoint: "+ruleFavCarryOn)
	assert.Equal(t, 2, again.Count("post-2"), "a second counter over the same key-value store has its counts: "+ruleFavCarryOn)
	n, err = CatchUp(store, again)
	assert.NoError(t, err, "CatchUp of the second counter: "+ruleFavCarryOn)
	assert.Equal(t, 0, n, "CatchUp of the second counter carries on, with nothing to catch up: "+ruleFavCarryOn)
	assert.Equal(t, wantFavourites, contents(kv), "the store after the second counter's CatchUp, nothing counted twice: "+ruleFavCarryOn)

	appendAll(t, store, PostFavourited{Post: "post-2", Member: "mira"})
	n, _ = CatchUp(store, again)
	assert.Equal(t, 1, n, "CatchUp of the second counter after one more event, from its stored checkpoint: "+ruleFavStore)
	assert.Equal(t, 3, first.Count("post-2"), "the first counter's Count(post-2) after the second counter caught up, both reading the same store: "+ruleFavRead)
	assert.Equal(t, 17, first.Checkpoint(), "the first counter's Checkpoint() after the second counter caught up, both reading the same store: "+ruleFavRead)
}

func TestPart2FullCrash(t *testing.T) {
	history := favouritesHistory()
	store := storeWith(t, history...)
	for crashAt := 0; crashAt < len(history); crashAt++ {
		kv := NewKeyValueStore()
		favs := NewFavourites(kv)
		kv.CrashAfter(crashAt)
		n, err := CatchUp(store, favs)
		assert.True(t, errors.Is(err, ErrCrashed), "a crash after %d commits: CatchUp returns the failed commit: %s; got %v", crashAt, ruleFavCrashed, err)
		assert.Equal(t, crashAt, n, "a crash after %d commits: the events handled before it: %s", crashAt, ruleCatchUpError)
		kv.Restart()

		// The store holds exactly the first crashAt events, counts and
		// checkpoint together.
		clean := NewKeyValueStore()
		for _, r := range store.ReadAll(1)[:crashAt] {
			require.NoError(t, NewFavourites(clean).Handle(r), "Handle(@%d) on a store that does not crash", r.Position)
		}
		assert.Equal(t, contents(clean), contents(kv), "a crash after %d commits: what the store kept, exactly the first %d events, counts and checkpoint together: %s", crashAt, crashAt, ruleFavTogether)

		restarted := NewFavourites(kv)
		n, err = CatchUp(store, restarted)
		assert.NoError(t, err, "a crash after %d commits: CatchUp after the restart: %s", crashAt, ruleFavCarryOn)
		assert.Equal(t, len(history)-crashAt, n, "a crash after %d commits: the restarted counter carries on from its checkpoint: %s", crashAt, ruleFavCarryOn)
		assert.Equal(t, wantFavourites, contents(kv), "a crash after %d commits: the store at the end, as without a crash: %s", crashAt, ruleFavTogether)
	}

	// A store that goes down in the middle, twice.
	kv := NewKeyValueStore()
	kv.CrashAfter(5)
	_, err := CatchUp(store, NewFavourites(kv))
	require.True(t, errors.Is(err, ErrCrashed), "the first crash, after 5 commits: %s; got %v", ruleFavCrashed, err)
	kv.Restart()
	kv.CrashAfter(4)
	_, err = CatchUp(store, NewFavourites(kv))
	require.True(t, errors.Is(err, ErrCrashed), "the second crash, after 4 more commits: %s; got %v", ruleFavCrashed, err)
	kv.Restart()
	n, err := CatchUp(store, NewFavourites(kv))
	assert.NoError(t, err, "CatchUp after two crashes: "+ruleFavCarryOn)
	assert.Equal(t, 7, n, "CatchUp after two crashes (5 + 4 events), 7 are left: "+ruleFavCarryOn)
	assert.Equal(t, wantFavourites, contents(kv), "the store after two crashes: "+ruleFavTogether)
}

func TestPart2FullRebuild(t *testing.T) {
	history := favouritesHistory()
	store := storeWith(t, history...)
	kv := NewKeyValueStore()
	favs := NewFavourites(kv)
	n, err := favs.Rebuild(store)
	assert.NoError(t, err, "Rebuild of an empty counter: "+ruleRebuild)
	assert.Equal(t, len(history), n, "Rebuild of an empty counter handles every event: "+ruleRebuild)
	assert.Equal(t, wantFavourites, contents(kv), "the store after the first Rebuild: "+ruleRebuild)

	// An earlier, buggy version of the counter left a count of a post that
	// has none, and a count too high.
	require.NoError(t, kv.Commit([]Write{{Key: "post-9", Value: 4}, {Key: "post-1", Value: 40}}), "a buggy counter's commit")
	list := NewPostList()
	catchUp(t, store, list, "the list", len(history))
	commits := kv.Commits()
	n, err = favs.Rebuild(store)
	gw := "Given: a key-value store with post-9=4 and post-1=40 left by a buggy counter\nWhen: Rebuild\nThen: "
	assert.NoError(t, err, gw+"it succeeds: "+ruleRebuild)
	assert.Equal(t, len(history), n, gw+"it handles every event again: "+ruleRebuild)
	assert.Equal(t, wantFavourites, contents(kv), gw+"the old counts are thrown away: "+ruleRebuild)
	assert.Equal(t, commits+1+len(history), kv.Commits(), gw+"the commits, one to clear the store, then one per event: "+ruleRebuild)
	assert.Equal(t, len(history), list.Checkpoint(), gw+"the list's checkpoint: "+ruleRebuildAlone)

	kv.CrashAfter(0)
	n, err = favs.Rebuild(store)
	assert.True(t, errors.Is(err, ErrCrashed), "Rebuild on a store that is down: %s; got %v", ruleRebuildFails, err)
	assert.Equal(t, 0, n, "Rebuild on a store that is down: "+ruleRebuildFails)
	kv.Restart()
	assert.Equal(t, wantFavourites, contents(kv), "the store after a Rebuild that could not start: "+ruleRebuildFails)
}

func TestPart2FullLag(t *testing.T) {
	store := storeWith(t, hello, picnic, PostFavourited{Post: "post-1", Member: "ada"}, PostFavourited{Post: "post-2", Member: "olu"})
	list := NewPostList()
	favs := NewFavourites(NewKeyValueStore())
	catchUp(t, store, favs, "the favourites", 4)
	assert.Empty(t, DescribePosts(list.Posts()), "the list has not caught up: no posts yet, "+ruleLag)
	assert.Equal(t, 1, favs.Count("post-2"), "Count(post-2) of the counter, caught up while the list is not: "+ruleLag)

	catchUp(t, store, list, "the list", 4)
	appendAll(t, store, PostDeleted{Post: "post-1"}, minutes, PostFavourited{Post: "post-3", Member: "ada"})
	catchUp(t, store, list, "the list", 3)
	assert.Equal(t, []string{"post-3", "post-2"}, []string{list.Posts()[0].ID, list.Posts()[1].ID}, "the list, caught up, knows post-3: "+ruleLag)
	assert.Equal(t, 0, favs.Count("post-3"), "Count(post-3) of a counter that has not caught up, and does not know post-3 yet: "+ruleLag)
	assert.Equal(t, 1, favs.Count("post-1"), "Count(post-1) of a counter that has not caught up, and still counts the deleted post-1: "+ruleLag)
	assert.Equal(t, 7, list.Checkpoint(), "the list's checkpoint: "+ruleLag)
	assert.Equal(t, 4, favs.Checkpoint(), "the counter's checkpoint: "+ruleLag)
	catchUp(t, store, favs, "the favourites", 3)
	assert.Equal(t, 1, favs.Count("post-3"), "Count(post-3) of the counter, caught up: "+ruleFavCounts)
	assert.Equal(t, 0, favs.Count("post-1"), "Count(post-1) of the counter, caught up, after post-1 is deleted: "+ruleFavCounts)
}
