//go:build ignore

package bank

import (
	"fmt"
	"strings"
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

// The rules of Part 2 the tests check, in the chapter's words.
const (
	ruleGiveStar     = "GiveStar loads the repository's stream, refuses a user who stars it already with ErrAlreadyStarred, and otherwise appends one StarGiven, expecting the version it loaded; it returns the stream's new version — day 9, Part 2"
	ruleTakeStar     = "TakeStar does the same with StarTaken, refusing a user who does not star the repository with ErrNotStarred; a user who took a star back may give it again — day 9, Part 2"
	ruleRefusal      = "a refusal appends nothing — day 9, Part 2"
	ruleCounterTick  = "Tick counts the next events after its checkpoint, at most batch of them: StarGiven adds a star to its repository, StarTaken takes one away, and every event, bank events too, moves the checkpoint and records its stream's version — day 9, Part 2"
	ruleStars        = "Stars answers with the stars counted so far and the version of the repository's stream they reflect; UpToDate says whether that version is the stream's version on the write side right now, store.Version(repo) — day 9, Part 2"
	ruleNeverStarred = "a repository nobody ever starred is up to date at version 0 with 0 stars — day 9, Part 2"
)

// TestPart2Example is the worked example of Part 2: the write side keeps
// one star per user, and a counter that counts one event per tick is
// briefly off and then right.
func TestPart2Example(t *testing.T) {
	store := newStore()
	counter := NewStarCounter(store, 1)

	v, err := GiveStar(store, "repo-7", "ada")
	require.NoError(t, err, "GiveStar(store, %q, %q): %s", "repo-7", "ada", ruleGiveStar)
	assert.Equal(t, 1, v, "GiveStar(store, %q, %q), the version after ada's star: %s", "repo-7", "ada", ruleGiveStar)
	v, err = GiveStar(store, "repo-7", "alan")
	require.NoError(t, err, "GiveStar(store, %q, %q): %s", "repo-7", "alan", ruleGiveStar)
	assert.Equal(t, 2, v, "GiveStar(store, %q, %q), the version after alan's star: %s", "repo-7", "alan", ruleGiveStar)
	_, err = GiveStar(store, "repo-7", "ada")
	assert.ErrorIs(t, err, ErrAlreadyStarred, "GiveStar(store, %q, %q) again: %s", "repo-7", "ada", ruleGiveStar)
	_, err = TakeStar(store, "repo-7", "grace")
	assert.ErrorIs(t, err, ErrNotStarred, "TakeStar(store, %q, %q), who never starred it: %s", "repo-7", "grace", ruleTakeStar)

	assert.Equal(t, StarCount{Repo: "repo-7"}, counter.Stars("repo-7"), "Stars(%q) before the first tick, repo-7 at version 2: %s", "repo-7", ruleStars)
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 1, Version: 1}, counter.Stars("repo-7"), "Stars(%q) after one tick of a batch of 1: %s", "repo-7", ruleStars)
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 2, Version: 2, UpToDate: true}, counter.Stars("repo-7"), "Stars(%q) after two ticks: %s", "repo-7", ruleStars)

	v, err = GiveStar(store, "repo-7", "grace")
	require.NoError(t, err, "GiveStar(store, %q, %q): %s", "repo-7", "grace", ruleGiveStar)
	assert.Equal(t, 3, v, "GiveStar(store, %q, %q), the version after grace's star: %s", "repo-7", "grace", ruleGiveStar)
	v, err = TakeStar(store, "repo-7", "ada")
	require.NoError(t, err, "TakeStar(store, %q, %q): %s", "repo-7", "ada", ruleTakeStar)
	assert.Equal(t, 4, v, "TakeStar(store, %q, %q), the version after ada took her star back: %s", "repo-7", "ada", ruleTakeStar)
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 2, Version: 2}, counter.Stars("repo-7"), "Stars(%q) with repo-7 at version 4, the right number but not up to date: %s", "repo-7", ruleStars)
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 3, Version: 3}, counter.Stars("repo-7"), "Stars(%q) after the third tick, briefly off: %s", "repo-7", ruleCounterTick)
	counter.Tick()
	assert.Equal(t, StarCount{Repo: "repo-7", Stars: 2, Version: 4, UpToDate: true}, counter.Stars("repo-7"), "Stars(%q) after the fourth tick, right again: %s", "repo-7", ruleCounterTick)
	assert.Equal(t, StarCount{Repo: "repo-9", UpToDate: true}, counter.Stars("repo-9"), "Stars(%q), a repository nobody starred: %s", "repo-9", ruleNeverStarred)
	assert.Equal(t, []string{
		"StarGiven{Repo:repo-7 User:ada}",
		"StarGiven{Repo:repo-7 User:alan}",
		"StarGiven{Repo:repo-7 User:grace}",
		"StarTaken{Repo:repo-7 User:ada}",
	}, starStream(store, "repo-7"), "the stream of repo-7, ada's second star and grace's TakeStar refused: %s", ruleRefusal)

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
	assert.Equal(t, 40, part2Answer(lines), "part2Answer(%q): the answer multiplies the stars of all the counts by the number of counts that were not up to date — day 9, Part 2", lines)
}

func TestPart2FullStarRules(t *testing.T) {
	// Given the commands before, when the last one, then its version or error.
	type op struct {
		give       bool
		repo, user string
	}
	// describe writes an op as its call.
	describe := func(o op) string {
		if o.give {
			return fmt.Sprintf("GiveStar(store, %q, %q)", o.repo, o.user)
		}
		return fmt.Sprintf("TakeStar(store, %q, %q)", o.repo, o.user)
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
		given := []string{}
		for _, o := range tt.before {
			given = append(given, describe(o))
		}
		if len(given) == 0 {
			given = append(given, "an empty store")
		}
		ruleOf := func(o op) string {
			if o.give {
				return ruleGiveStar
			}
			return ruleTakeStar
		}
		rule := ruleOf(tt.last)
		s := fmt.Sprintf("Given (%s): %s\nWhen: %s\nThen: ", tt.name, strings.Join(given, ", "), describe(tt.last))
		for _, o := range tt.before {
			_, err := do(o)
			require.NoError(t, err, "%s%s, one of the commands before, accepted: %s", s, describe(o), ruleOf(o))
		}
		before := len(store.ReadAll(1))
		version, err := do(tt.last)
		if tt.err != nil {
			assert.ErrorIs(t, err, tt.err, "%sthe error: %s", s, rule)
			assert.Equal(t, before, len(store.ReadAll(1)), "%sthe events in the store: %s", s, ruleRefusal)
			continue
		}
		require.NoError(t, err, "%sno error: %s", s, rule)
		assert.Equal(t, tt.version, version, "%sthe version it returns: %s", s, rule)
		assert.Equal(t, tt.version, store.Version(tt.last.repo), "%sthe stream's version: %s", s, rule)
	}
}

func TestPart2FullCounter(t *testing.T) {
	store := newStore()
	router := NewRouter(store)
	counter := NewStarCounter(store, 2)
	assert.Equal(t, 0, counter.Tick(), "Tick() on an empty store: %s", ruleCounterTick)
	dispatchAll(t, router, "open acc-1 Ada")
	for _, s := range []struct{ repo, user string }{{"repo-1", "ada"}, {"repo-2", "ada"}, {"repo-1", "alan"}} {
		_, err := GiveStar(store, s.repo, s.user)
		require.NoError(t, err, "GiveStar(store, %q, %q): %s", s.repo, s.user, ruleGiveStar)
	}
	dispatchAll(t, router, "deposit acc-1 50")
	_, err := TakeStar(store, "repo-2", "ada")
	require.NoError(t, err, "TakeStar(store, %q, %q): %s", "repo-2", "ada", ruleTakeStar)

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
		s := fmt.Sprintf("Given: a counter of batch 2, and six events: @1 acc-1 opened, @2 to @4 stars of repo-1 (ada), repo-2 (ada) and repo-1 (alan), @5 a deposit, @6 ada's star of repo-2 taken back\nWhen: Tick() (tick %d)\nThen: ", i+1)
		assert.Equal(t, tt.ticked, counter.Tick(), "%sits result: %s", s, ruleCounterTick)
		assert.Equal(t, tt.repo1, counter.Stars("repo-1"), "%sStars(%q): %s", s, "repo-1", ruleStars)
		assert.Equal(t, tt.repo2, counter.Stars("repo-2"), "%sStars(%q): %s", s, "repo-2", ruleStars)
	}
	// The counter reads the write side's version at the moment it answers.
	_, err = GiveStar(store, "repo-1", "grace")
	require.NoError(t, err, "GiveStar(store, %q, %q): %s", "repo-1", "grace", ruleGiveStar)
	assert.Equal(t, StarCount{"repo-1", 2, 2, false}, counter.Stars("repo-1"), "Stars(%q) after a star the counter has not seen: %s", "repo-1", ruleStars)
}
