//go:build ignore

package blog

// Part 2: the whole file.

import "fmt"

// Favourites counts each live post's favourites in a key-value store of
// its own, another database than the event store. The store holds the
// counts, under the post ids, and the checkpoint, under
// FavouritesCheckpoint: the Favourites value itself holds nothing, so a
// new one over the same store carries on where the last one stopped.
type Favourites struct {
	kv *KeyValueStore
}

// NewFavourites returns the favourites counter kept in kv, which may hold
// counts and a checkpoint already.
func NewFavourites(kv *KeyValueStore) *Favourites {
	return &Favourites{kv: kv}
}

// Checkpoint returns the checkpoint stored in the key-value store, 0 if
// there is none.
func (f *Favourites) Checkpoint() int {
	n, _ := f.kv.Get(FavouritesCheckpoint)
	return n
}

// Count returns how many members have the post as a favourite now, as far
// as the counter has caught up: 0 for a post with none.
func (f *Favourites) Count(post string) int {
	n, _ := f.kv.Get(post)
	return n
}

// Handle folds one event into the counts with one Commit that writes the
// count it changes, if any, and the new checkpoint together.
func (f *Favourites) Handle(r RecordedEvent) error {
	if r.Position <= f.Checkpoint() {
		return nil
	}
	writes := []Write{}
	switch e := r.Event.(type) {
	case PostFavourited:
		writes = append(writes, Write{Key: e.Post, Value: f.Count(e.Post) + 1})
	case PostUnfavourited:
		n := f.Count(e.Post) - 1
		if n > 0 {
			writes = append(writes, Write{Key: e.Post, Value: n})
		} else {
			writes = append(writes, Write{Key: e.Post, Delete: true})
		}
	case PostDeleted:
		writes = append(writes, Write{Key: e.Post, Delete: true})
	}
	writes = append(writes, Write{Key: FavouritesCheckpoint, Value: r.Position})
	if err := f.kv.Commit(writes); err != nil {
		return fmt.Errorf("favourites at @%d: %w", r.Position, err)
	}
	return nil
}

// Rebuild throws the counts and the checkpoint away, in one Commit that
// deletes every key of the store, and catches up from the first event. It
// returns what CatchUp returns.
func (f *Favourites) Rebuild(store *EventStore) (int, error) {
	writes := []Write{}
	for _, k := range f.kv.Keys() {
		writes = append(writes, Write{Key: k, Delete: true})
	}
	if err := f.kv.Commit(writes); err != nil {
		return 0, fmt.Errorf("favourites rebuild: %w", err)
	}
	return CatchUp(store, f)
}

// End of Part 2.
