//go:build ignore

package bank

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// starStream describes the events of a repository's stream.
func starStream(store *EventStore, repo string) []string {
	var events []Event
	for _, r := range store.ReadStream(repo, 1) {
		events = append(events, r.Event)
	}
	return DescribeEvents(events)
}

// TestPart2Example is the worked example of Part 2: the write side keeps
// one star per user, and a counter that counts one event per tick is
// briefly off and then right.
func TestPart2Example(t *testing.T) {
	store := newStore()
	counter := NewStarCounter(store, 1)

	v, err := GiveStar(store, "repo-7", "ada")
	require.NoError(t, err, "GiveStar(repo-7, ada)")
	assert.Equal(t, 1, v, "the version after ada's star")
	v, err = GiveStar(store, "repo-7", "alan")
	require.NoError(t, err, "GiveStar(repo-7, alan)")
	assert.Equal(t, 2, v, "the version after alan's star")
	_, err = GiveStar(store, "repo-7", "ada")
	assert.ErrorIs(t, err, ErrAlreadyStarred, "GiveStar(repo-7, ada) again")
	_, err = TakeStar(store, "repo-7", "grace")
	assert.ErrorIs(t, err, ErrNotStarred, "TakeStar(repo-7, grace)")

	assert.Equal(t, StarCount{Repo: "repo-7"}, counter.Stars("repo-7"), "Stars(repo-7) before the first tick")
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 1, Version: 1}, counter.Stars("repo-7"), "Stars(repo-7) after one tick")
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 2, Version: 2, UpToDate: true}, counter.Stars("repo-7"), "Stars(repo-7) after two ticks")

	v, err = GiveStar(store, "repo-7", "grace")
	require.NoError(t, err, "GiveStar(repo-7, grace)")
	assert.Equal(t, 3, v, "the version after grace's star")
	v, err = TakeStar(store, "repo-7", "ada")
	require.NoError(t, err, "TakeStar(repo-7, ada)")
	assert.Equal(t, 4, v, "the version after ada took her star back")
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 2, Version: 2}, counter.Stars("repo-7"), "Stars(repo-7): the right number, but not up to date")
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 3, Version: 3}, counter.Stars("repo-7"), "Stars(repo-7) after the third tick: briefly off")
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 2, Version: 4, UpToDate: true}, counter.Stars("repo-7"), "Stars(repo-7) after the fourth tick: right again")
	assert.Equal(t, StarCount{Repo: "repo-9", UpToDate: true}, counter.Stars("repo-9"), "Stars(repo-9), a repository nobody starred")
	assert.Equal(t, []string{
		"StarGiven{Repo:repo-7 User:ada}",
		"StarGiven{Repo:repo-7 User:alan}",
		"StarGiven{Repo:repo-7 User:grace}",
		"StarTaken{Repo:repo-7 User:ada}",
	}, starStream(store, "repo-7"), "the stream of repo-7")

	lines := []string{
		"batch 1",
		"star repo-7 ada",
		"star repo-7 alan",
		"star repo-7 ada",
		"unstar repo-7 grace",
		"count repo-7",
		"tick",
		"count repo-7",
		"tick",
		"count repo-7",
		"star repo-7 grace",
		"unstar repo-7 ada",
		"count repo-7",
		"tick",
		"count repo-7",
		"tick",
		"count repo-7",
		"count repo-9",
	}
	// Stars counted: 0 + 1 + 2 + 2 + 3 + 2 + 0 = 10; not up to date: 4
	// of the 7 counts; 10 × 4 = 40.
	assert.Equal(t, 40, part2Answer(lines), "part2Answer(%q)", lines)
}

func TestPart2FullStarRules(t *testing.T) {
	// Given the commands before, when the last one, then its version or error.
	type op struct {
		give       bool
		repo, user string
	}
	tests := []struct {
		name    string
		before  []op
		last    op
		version int
		err     error
	}{
		{"a first star", nil, op{true, "repo-1", "ada"}, 1, nil},
		{"a second user", []op{{true, "repo-1", "ada"}}, op{true, "repo-1", "alan"}, 2, nil},
		{"the same user twice", []op{{true, "repo-1", "ada"}}, op{true, "repo-1", "ada"}, 0, ErrAlreadyStarred},
		{"the same user, another repository", []op{{true, "repo-1", "ada"}}, op{true, "repo-2", "ada"}, 1, nil},
		{"taking a star never given", nil, op{false, "repo-1", "ada"}, 0, ErrNotStarred},
		{"taking another user's star", []op{{true, "repo-1", "ada"}}, op{false, "repo-1", "alan"}, 0, ErrNotStarred},
		{"taking a star", []op{{true, "repo-1", "ada"}}, op{false, "repo-1", "ada"}, 2, nil},
		{"taking it twice", []op{{true, "repo-1", "ada"}, {false, "repo-1", "ada"}}, op{false, "repo-1", "ada"}, 0, ErrNotStarred},
		{"starring again after taking it", []op{{true, "repo-1", "ada"}, {false, "repo-1", "ada"}}, op{true, "repo-1", "ada"}, 3, nil},
	}
	for _, tt := range tests {
		store := newStore()
		do := func(o op) (int, error) {
			if o.give {
				return GiveStar(store, o.repo, o.user)
			}
			return TakeStar(store, o.repo, o.user)
		}
		for _, o := range tt.before {
			_, err := do(o)
			require.NoError(t, err, "%s: the commands before", tt.name)
		}
		before := len(store.ReadAll(1))
		version, err := do(tt.last)
		if tt.err != nil {
			assert.ErrorIs(t, err, tt.err, "%s: the error", tt.name)
			assert.Equal(t, before, len(store.ReadAll(1)), "%s: a refused command appends nothing", tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.version, version, "%s: the version", tt.name)
		assert.Equal(t, tt.version, store.Version(tt.last.repo), "%s: the stream's version", tt.name)
	}
}

func TestPart2FullCounter(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	counter := NewStarCounter(store, 2)
	assert.Equal(t, 0, counter.Tick(), "Tick() on an empty store")
	dispatchAll(t, router, "open acc-1 Ada")
	for _, s := range []struct{ repo, user string }{{"repo-1", "ada"}, {"repo-2", "ada"}, {"repo-1", "alan"}} {
		_, err := GiveStar(store, s.repo, s.user)
		require.NoError(t, err, "GiveStar(%s, %s)", s.repo, s.user)
	}
	dispatchAll(t, router, "deposit acc-1 50")
	_, err := TakeStar(store, "repo-2", "ada")
	require.NoError(t, err, "TakeStar(repo-2, ada)")

	tests := []struct {
		ticked       int
		repo1, repo2 StarCount
	}{
		{2, StarCount{"repo-1", 1, 1, false}, StarCount{"repo-2", 0, 0, false}},
		{2, StarCount{"repo-1", 2, 2, true}, StarCount{"repo-2", 1, 1, false}},
		{2, StarCount{"repo-1", 2, 2, true}, StarCount{"repo-2", 0, 2, true}},
		{0, StarCount{"repo-1", 2, 2, true}, StarCount{"repo-2", 0, 2, true}},
	}
	for i, tt := range tests {
		assert.Equal(t, tt.ticked, counter.Tick(), "Tick() number %d", i+1)
		assert.Equal(t, tt.repo1, counter.Stars("repo-1"), "Stars(repo-1) after tick %d", i+1)
		assert.Equal(t, tt.repo2, counter.Stars("repo-2"), "Stars(repo-2) after tick %d", i+1)
	}
	// The counter reads the write side's version at the moment it answers.
	_, err = GiveStar(store, "repo-1", "grace")
	require.NoError(t, err, "GiveStar(repo-1, grace)")
	assert.Equal(t, StarCount{"repo-1", 2, 2, false}, counter.Stars("repo-1"), "Stars(repo-1) after a star the counter has not seen")
}
