//go:build ignore

package blog

import (
	"errors"
	"sort"
)

// KeyValueStore stands in for another database, apart from the event
// store: a key-value store such as Redis, or a table of a SQL database
// with a key and a number. It keeps whole numbers under string keys.
//
// Its one way to write is Commit, which applies a batch of writes all or
// nothing, as a database transaction does. It can be made to go down in
// the middle of a run (CrashAfter), to show what a crash does to a read
// model kept in it: what was committed before stays, and nothing else.
type KeyValueStore struct {
	data    map[string]int
	commits int // commits applied
	budget  int // commits left before the store goes down; -1: no crash planned
}

// Write is one write of a batch: Value stored under Key, or, with Delete,
// the key removed (removing a key that is not there is fine).
type Write struct {
	Key    string
	Value  int
	Delete bool
}

// ErrCrashed is the error of every Commit while the store is down.
var ErrCrashed = errors.New("key-value store is down")

// NewKeyValueStore returns an empty store that is up.
func NewKeyValueStore() *KeyValueStore {
	return &KeyValueStore{data: map[string]int{}, budget: -1}
}

// Get returns the number stored under key and true, or 0 and false when
// there is none.
func (s *KeyValueStore) Get(key string) (int, bool) {
	v, ok := s.data[key]
	return v, ok
}

// Keys returns every key in the store, sorted.
func (s *KeyValueStore) Keys() []string {
	keys := []string{}
	for k := range s.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Commit applies the writes in order, all of them or, when the store is
// down, none: then it returns ErrCrashed. A batch may write the same key
// twice; the last write wins. An empty batch is a commit too.
func (s *KeyValueStore) Commit(writes []Write) error {
	if s.budget == 0 {
		return ErrCrashed
	}
	if s.budget > 0 {
		s.budget--
	}
	for _, w := range writes {
		if w.Delete {
			delete(s.data, w.Key)
		} else {
			s.data[w.Key] = w.Value
		}
	}
	s.commits++
	return nil
}

// Commits returns how many commits the store has applied.
func (s *KeyValueStore) Commits() int {
	return s.commits
}

// CrashAfter plans a crash: the next n commits are applied, and then the
// store goes down, and every Commit fails with ErrCrashed until Restart.
// The tests use it to crash a read model in the middle of a catch-up.
func (s *KeyValueStore) CrashAfter(n int) {
	s.budget = n
}

// Restart brings the store up again, with everything committed before
// the crash and nothing else.
func (s *KeyValueStore) Restart() {
	s.budget = -1
}
