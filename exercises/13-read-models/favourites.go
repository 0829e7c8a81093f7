//go:build ignore

package blog

// Favourites is the favourites counter: how many members have each live
// post as a favourite. It lives in another database, a KeyValueStore of
// its own, apart from the event store: the counts under the post ids, and
// its checkpoint under FavouritesCheckpoint, in the same store.
//
// Keep nothing else in the Favourites value: the store is what survives a
// crash. A new Favourites over the same store (a restarted process) must
// carry on from the checkpoint the store holds.
type Favourites struct {
	// TODO(ch13): the key-value store.
}

// NewFavourites returns the favourites counter kept in kv, which may hold
// counts and a checkpoint already (then the counter carries on from
// there).
func NewFavourites(kv *KeyValueStore) *Favourites {
	panic("TODO(ch13): implement NewFavourites")
}

// Checkpoint returns the checkpoint stored in the key-value store under
// FavouritesCheckpoint, 0 if there is none.
func (f *Favourites) Checkpoint() int {
	panic("TODO(ch13): implement Favourites.Checkpoint")
}

// Count returns how many members have the post as a favourite, as far as
// the counter has caught up: the number stored under the post's id, 0 if
// there is none.
func (f *Favourites) Count(post string) int {
	panic("TODO(ch13): implement Favourites.Count")
}

// Handle folds one recorded event into the counts. An event at or before
// the checkpoint is ignored: no Commit, nil. Any other event is exactly
// one Commit, which writes the count the event changes, if it changes one,
// together with the new checkpoint (the event's position):
//
//   - PostFavourited adds one to the post's count;
//   - PostUnfavourited takes one off; a count that reaches 0 is deleted
//     (the store keeps no zero counts);
//   - PostDeleted deletes the post's count;
//   - any other event writes the checkpoint alone.
//
// If the Commit fails, Handle returns an error that wraps the store's
// (errors.Is(err, ErrCrashed)), and nothing has changed.
func (f *Favourites) Handle(r RecordedEvent) error {
	panic("TODO(ch13): implement Favourites.Handle")
}

// Rebuild throws the counter away and builds it again from the first
// event: one Commit that deletes every key of the store (the counts and the
// checkpoint), then a CatchUp. It returns what CatchUp returns, or 0 and
// the error of the first Commit. It touches no other read model.
func (f *Favourites) Rebuild(store *EventStore) (int, error) {
	panic("TODO(ch13): implement Favourites.Rebuild")
}
