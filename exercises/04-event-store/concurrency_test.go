//go:build ignore

package bank

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertConflict checks that err is ConcurrencyError(stream, expected,
// actual).
func assertConflict(t *testing.T, err error, stream string, expected, actual int, what string) bool {
	t.Helper()
	if !assert.ErrorIs(t, err, ErrWrongExpectedVersion, "%s", what) {
		return false
	}
	return assert.EqualError(t, err, ConcurrencyError(stream, expected, actual).Error(), "%s: the error should be ConcurrencyError(%q, %d, %d)", what, stream, expected, actual)
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
			require.NoError(t, err)
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
		if tt.conflict == nil {
			if assert.NoError(t, err, "%s: Append(%q, %d, ...)", tt.name, tt.stream, tt.expected) {
				assert.Equal(t, tt.want, got, "%s: Append(%q, %d, ...) returns the new version", tt.name, tt.stream, tt.expected)
			}
			continue
		}
		assertConflict(t, err, tt.stream, tt.conflict.expected, tt.conflict.actual, fmt.Sprintf("%s: Append(%q, %d, ...)", tt.name, tt.stream, tt.expected))
		assert.Equal(t, before, DescribeRecorded(store.ReadAll(1)), "%s: a refused Append(%q, %d, ...) stores nothing", tt.name, tt.stream, tt.expected)
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
	for _, tt := range example {
		lines = append(lines, tt.line)
		a, err := parseAttempt(tt.line)
		require.NoError(t, err, "parseAttempt(%q)", tt.line)
		got, err := store.Append(a.stream, a.expected, a.events)
		if tt.conflict != nil {
			assertConflict(t, err, a.stream, tt.conflict.expected, tt.conflict.actual, tt.line)
			continue
		}
		if assert.NoError(t, err, "%s", tt.line) {
			assert.Equal(t, tt.want, got, "%s: the new version", tt.line)
		}
	}
	assert.Len(t, store.ReadAll(1), 6, "ReadAll(1): the refused appends stored nothing")
	// 2 refused × (version 4 of acc-1 + version 2 of acc-2) = 2 × 6 = 12.
	assert.Equal(t, 12, part2Answer(lines), "part2Answer(%q)", lines)
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
	require.NoError(t, err, "the first writer's Append(\"acc-1\", 3, ...)")
	assert.Equal(t, 4, got, "the first writer's Append(\"acc-1\", 3, ...)")

	_, err = store.Append("acc-1", readByB, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 2}})
	assertConflict(t, err, "acc-1", 3, 4, "the second writer's Append(\"acc-1\", 3, ...)")

	retry := store.Version("acc-1")
	got, err = store.Append("acc-1", retry, []Event{MoneyWithdrawn{Account: "acc-1", Amount: 1}})
	require.NoError(t, err, "the second writer's retry Append(\"acc-1\", %d, ...)", retry)
	assert.Equal(t, 5, got, "the second writer's retry")
	assertRecords(t, []string{
		"acc-1 v1 @1 MoneyDeposited{Account:acc-1 Amount:1}",
		"acc-1 v2 @2 MoneyDeposited{Account:acc-1 Amount:1}",
		"acc-1 v3 @3 MoneyDeposited{Account:acc-1 Amount:1}",
		"acc-1 v4 @4 MoneyWithdrawn{Account:acc-1 Amount:2}",
		"acc-1 v5 @5 MoneyWithdrawn{Account:acc-1 Amount:1}",
	}, store.ReadStream("acc-1", 1), `ReadStream("acc-1", 1)`)
}

func TestPart2FullRefusalTakesNoTime(t *testing.T) {
	store := NewEventStore(&StepClock{T: opening, Step: time.Second})
	_, err := store.Append("acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}})
	require.NoError(t, err)
	_, err = store.Append("acc-1", NoStream, []Event{AccountOpened{Account: "acc-1", Owner: "Ada"}})
	require.True(t, errors.Is(err, ErrWrongExpectedVersion), "opening acc-1 twice with NoStream: got %v", err)
	_, err = store.Append("acc-1", 1, []Event{MoneyDeposited{Account: "acc-1", Amount: 10}})
	require.NoError(t, err)
	all := store.ReadAll(1)
	require.Len(t, all, 2, "ReadAll(1)")
	assert.Equal(t, time.Second, all[1].At.Sub(all[0].At), "a refused append asks the clock nothing, so the next append is a second after the first")
}
