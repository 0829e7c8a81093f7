//go:build ignore

package blog

// Upcast turns a stored event of any schema this code knows into the same
// event in its current schema, as CurrentSchema says, without changing the
// stored bytes (build new Data; never write into e.Data).
//
//   - PostCreated 1 → 2 and PostRenamed 1 → 2: add "slug", the Slugify of
//     the event's "title" (last year's code derived the slug from the
//     title, at creation and at every rename).
//   - An event already in its current schema comes back as it is.
//   - A type not in CurrentSchema (checked first; names are case-sensitive):
//     an error wrapping ErrUnknownEvent.
//   - A schema below 1, or above the current one: an error wrapping
//     ErrUnknownSchema.
//   - Data that is not a JSON object: an error.
//
// Upcast one schema step at a time, working on the JSON document itself:
// then only today's shape needs a Go type, and next year's schema 3 is one
// more step.
func Upcast(e StoredEvent) (StoredEvent, error) {
	panic("TODO(ch14): implement Upcast")
}

// Decode reads a stored event of any known schema as the Go event in its
// current shape: Upcast it, then json.Unmarshal its Data into the struct
// of its Type (PostCreated, PostRenamed, PostPublished, PostDeleted).
// Upcast's errors, and JSON that does not unmarshal, are returned (wrapped
// with %w) with a nil Event.
func Decode(stored StoredEvent) (Event, error) {
	panic("TODO(ch14): implement Decode")
}

// LoadPost folds a post's stream, each event read with Decode, into
// Post{ID: id} with Apply. A post never created comes back as Post{ID: id}.
// The first event that cannot be decoded stops it: return Post{} and that
// error (wrapped with %w). LoadPost only reads: the store is never changed.
func LoadPost(store *JSONStore, id string) (Post, error) {
	panic("TODO(ch14): implement LoadPost")
}
