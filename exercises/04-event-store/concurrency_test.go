//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertConflict checks that err is ConcurrencyError(stream, expected,
// actual). givenWhen is the situation, the Given and When lines of the
// failure; assertConflict adds the Then.
func assertConflict(t *testing.T, err error, stream string, expected, actual int, givenWhen string) bool {
	t.Helper()
	if !assert.ErrorIs(t, err, ErrWrongExpectedVersion, "%s\nThen: %s", givenWhen, conflictRule(expected, actual)) {
		return false
	}
	return assert.EqualError(t, err, ConcurrencyError(stream, expected, actual).Error(), "%s\nThen: the refusal is ConcurrencyError(%q, %d, %d): the stream, what the writer expected, and the stream's actual version — day 4, Part 2", givenWhen, stream, expected, actual)
}

// conflictRule is the rule that refuses an append expecting expected of a
// stream at actual.
func conflictRule(expected, actual int) string {
	switch {
	case expected == NoStream:
		return fmt.Sprintf("NoStream is 0 and the stream is at %d: any value but AnyVersion must equal the stream's current version, or Append returns 0 and ConcurrencyError — day 4, Part 2", actual)
	case expected > actual:
		return "a version higher than the stream's is as wrong as a lower one: Append returns 0 and ConcurrencyError — day 4, Part 2"
	}
	return "any value but AnyVersion must equal the stream's current version: when the versions do not match, Append returns 0 and ConcurrencyError — day 4, Part 2"
}

// acceptRule is the rule that lets an append expecting expected through.
func acceptRule(expected int) string {
	switch expected {
	case AnyVersion:
		return "AnyVersion (-1) appends whatever the stream's version is — day 4, Part 2"
	case NoStream:
		return "NoStream is 0, and a stream that does not exist is at version 0, so it appends to a new stream — day 4, Part 2"
	}
	return "an expected version equal to the stream's current version appends — day 4, Part 2"
}

// expectedName writes an expected version as the tests pass it.
func expectedName(expected int) string {
	switch expected {
	case AnyVersion:
		return "AnyVersion"
	case NoStream:
		return "NoStream"
	}
	return strconv.Itoa(expected)
}

// describeStreams writes what a store set up by storeWith holds, and
// whether stream, the one appended to, exists.
func describeStreams(given map[string]int, stream string) string {
	var out []string
	for _, id := range []string{"acc-1", "acc-2", "acc-3"} {
		if given[id] > 0 {
			out = append(out, fmt.Sprintf("%s at version %d", id, given[id]))
		}
	}
	if given[stream] == 0 {
		out = append(out, stream+" does not exist")
	}
	return strings.Join(out, ", ")
}

// conflict is the versions a refusal reports.
type conflict struct {
	expected, actual int
}

// appendCase is an append to a store already holding some streams, and
// what Append answers.
type appendCase struct {
	name     string
	given    map[string]int // stream → how many events it holds already
	stream   string
	expected int
	want     int       // the new version, when it succeeds
	conflict *conflict // the refusal, when it fails
}

// storeWith returns a store whose streams hold the given numbers of
// deposits, appended in the order of the streams' names.
func storeWith(t *testing.T, given map[string]int) *EventStore {
	t.Helper()
	store := newStore()
	for _, id := range []string{"acc-1", "acc-2", "acc-3"} {
		for i := 0; i < given[id]; i++ {
			_, err := store.Append(id, AnyVersion, []Event{MoneyDeposited{Account: id, Amount: 1}})
			require.NoError(t, err, "setting up the store: Append(%q, AnyVersion, [MoneyDeposited{Account:%s Amount:1}]): AnyVersion (-1) appends whatever the stream's version is — day 4, Part 2", id, id)
		}
	}
	return store
}

// checkAppend runs each case and checks that a refusal stores nothing.
func checkAppend(t *testing.T, tests []appendCase) {
	t.Helper()
	for _, tt := range tests {
		store := storeWith(t, tt.given)
		before := DescribeRecorded(store.ReadAll(1))
		events := []Event{MoneyDeposited{Account: tt.stream, Amount: 40}, MoneyWithdrawn{Account: tt.stream, Amount: 15}}
		got, err := store.Append(tt.stream, tt.expected, events)
		gw := fmt.Sprintf("%s:\nGiven: %s\nWhen: Append(%q, %s, %s)", tt.name, describeStreams(tt.given, tt.stream), tt.stream, expectedName(tt.expected), eventsArg(events))
		if tt.conflict == nil {
			if assert.NoError(t, err, "%s\nThen: %s", gw, acceptRule(tt.expected)) {
				assert.Equal(t, tt.want, got, "%s\nThen: Append returns the stream's new version — day 4, Part 1", gw)
			}
			continue
		}
		assertConflict(t, err, tt.stream, tt.conflict.expected, tt.conflict.actual, gw)
		assert.Equal(t, before, DescribeRecorded(store.ReadAll(1)), "%s\nThen: a refused append is all or nothing: it stores none of its events, however many it carried — day 4, Part 2", gw)
	}
}

// TestPart2Example is the worked example of Part 2: tellers who say what
// version they read.
func TestPart2Example(t *testing.T) {
	example := []struct {
		line     string
		want     int
		conflict *conflict
	}{
		{"teller-1 acc-1 expect=none open Ada Lovelace; deposit 500", 2, nil},
		{"teller-2 acc-1 expect=2 withdraw 120", 3, nil},
		{"teller-3 acc-1 expect=2 deposit 75", 0, &conflict{2, 3}},
		{"teller-3 acc-1 expect=3 deposit 75", 4, nil},
		{"teller-4 acc-2 expect=none open Alan Turing", 1, nil},
		{"teller-5 acc-2 expect=none open Alan Turing", 0, &conflict{0, 1}},
		{"teller-4 acc-2 expect=any deposit 40", 2, nil},
	}
	store := newStore()
	var lines []string
	at := map[string]int{} // each stream's version before the line, for the messages
	for _, tt := range example {
		lines = append(lines, tt.line)
		a, err := parseAttempt(tt.line)
		require.NoError(t, err, "parseAttempt(%q)", tt.line)
		gw := fmt.Sprintf("Given: %s\nWhen: %s", describeStreams(at, a.stream), tt.line)
		got, err := store.Append(a.stream, a.expected, a.events)
		if tt.conflict != nil {
			assertConflict(t, err, a.stream, tt.conflict.expected, tt.conflict.actual, gw)
			continue
		}
		if assert.NoError(t, err, "%s\nThen: %s", gw, acceptRule(a.expected)) {
			assert.Equal(t, tt.want, got, "%s\nThen: Append returns the stream's new version — day 4, Part 1", gw)
		}
		at[a.stream] = tt.want
	}
	assert.Len(t, DescribeRecorded(store.ReadAll(1)), 6, "ReadAll(1): a refused append is all or nothing, so the refused appends stored nothing — day 4, Part 2")
	// 2 refused × (version 4 of acc-1 + version 2 of acc-2) = 2 × 6 = 12.
	assert.Equal(t, 12, part2Answer(lines), "part2Answer(%q): the number of refused appends times the sum of every stream's final version — day 4, Part 2", lines)
}

func TestPart2FullExpectedVersion(t *testing.T) {
	checkAppend(t, []appendCase{
		{"any on a new stream", nil, "acc-1", AnyVersion, 2, nil},
		{"any on a stream at 3", map[string]int{"acc-1": 3}, "acc-1", AnyVersion, 5, nil},
		{"no stream on a new stream", map[string]int{"acc-2": 4}, "acc-1", NoStream, 2, nil},
		{"no stream on a stream at 3", map[string]int{"acc-1": 3}, "acc-1", NoStream, 0,
			&conflict{NoStream, 3}},
		{"exactly the version", map[string]int{"acc-1": 3, "acc-2": 1}, "acc-1", 3, 5, nil},
		{"a version read too long ago", map[string]int{"acc-1": 3}, "acc-1", 2, 0,
			&conflict{2, 3}},
		{"a version from the future", map[string]int{"acc-1": 3}, "acc-1", 4, 0,
			&conflict{4, 3}},
		{"a version on a new stream", map[string]int{"acc-2": 3}, "acc-1", 3, 0,
			&conflict{3, 0}},
		{"another stream's version", map[string]int{"acc-1": 2, "acc-2": 5}, "acc-1", 5, 0,
			&conflict{5, 2}},
	})
}

// TestPart2FullTwoWriters: two tellers read acc-1 at version 3 and both
// append; the second is refused, reads again and retries.
func TestPart2FullTwoWriters(t *testing.T) {
	store := storeWith(t, map[string]int{"acc-1": 3})
	readByA := store.Version("acc-1")
	readByB := store.Version("acc-1")

	got, err := store.Append("acc-1", readByA, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 2}})
	first := "Given: acc-1 at version 3, read by two writers\nWhen: the first writer's Append(\"acc-1\", 3, [MoneyWithdrawn{Account:acc-1 Amount:2}])"
	require.NoError(t, err, "%s\nThen: %s", first, acceptRule(3))
	assert.Equal(t, 4, got, "%s\nThen: Append returns the stream's new version — day 4, Part 1", first)

	_, err = store.Append("acc-1", readByB, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 2}})
	assertConflict(t, err, "acc-1", 3, 4, "Given: acc-1 at version 4, after the first writer's append\nWhen: the second writer's Append(\"acc-1\", 3, [MoneyWithdrawn{Account:acc-1 Amount:2}])")

	retry := store.Version("acc-1")
	got, err = store.Append("acc-1", retry, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 1}})
	second := fmt.Sprintf("Given: acc-1 at version 4, after the first writer's append\nWhen: the second writer reads again and retries Append(\"acc-1\", %d, [MoneyWithdrawn{Account:acc-1 Amount:1}])", retry)
	require.NoError(t, err, "%s\nThen: %s", second, acceptRule(retry))
	assert.Equal(t, 5, got, "%s\nThen: Append returns the stream's new version — day 4, Part 1", second)
	assertRecords(t, []string{
		"acc-1 v1 @1 MoneyDeposited{Account:acc-1 Amount:1}",
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:1}",
		"acc-1 v3 @3 MoneyDeposited{Account:acc-1 Amount:1}",
		"acc-1 v4 @4 MoneyWithdrawn{Account:acc-1 Amount:2}",
		"acc-1 v5 @5 MoneyWithdrawn{Account:acc-1 Amount:1}",
	}, store.ReadStream("acc-1", 1), `ReadStream("acc-1", 1): a refused append is all or nothing, so the second writer's first try stored none of its events — day 4, Part 2`)
}

func TestPart2FullRefusalTakesNoTime(t *testing.T) {
	store := NewEventStore(&StepClock{T: opening, Step: time.Second})
	_, err := store.Append("acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}})
	require.NoError(t, err, "Given: an empty store\nWhen: Append(\"acc-1\", NoStream, [AccountOpened{Account:acc-1 Owner:Ada}])\nThen: %s", acceptRule(NoStream))
	_, err = store.Append("acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}})
	require.True(t, errors.Is(err, ErrWrongExpectedVersion), "Given: acc-1 at version 1\nWhen: Append(\"acc-1\", NoStream, [AccountOpened{Account:acc-1 Owner:Ada}]), opening acc-1 twice\nThen: %s: got %v", conflictRule(NoStream, 1), err)
	_, err = store.Append("acc-1", 1, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}})
	require.NoError(t, err, "Given: acc-1 at version 1, and a refused append\nWhen: Append(\"acc-1\", 1, [MoneyDeposited{Account:acc-1 Amount:10}])\nThen: %s", acceptRule(1))
	all := store.ReadAll(1)
	require.Len(t, DescribeRecorded(all), 2, "ReadAll(1): a refused append is all or nothing: it stores none of its events — day 4, Part 2")
	assert.Equal(t, time.Second, all[1].At.Sub(all[0].At), "a refused append does not ask the clock for the time, so the next append, a second after the first, is stamped as if the refused one had never been tried — day 4, Part 2")
}
