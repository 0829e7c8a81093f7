//go:build ignore

package blog

// Blog handles the blog's commands on the JSON store, one stream per post.
// Add the fields you need: the store, and what the slug index of chapter 12
// needs to stay caught up with it.
type Blog struct {
}

// NewBlog returns a blog that handles commands on store.
func NewBlog(store *JSONStore) *Blog {
	panic("TODO(ch14): implement NewBlog")
}

// Dispatch is chapter 12's Dispatch under this year's rules, on the JSON
// store:
//
//  1. Validate (MinTitle is 8 now, and a rename's title need not make a
//     slug: see validate.go). Field errors: return nil, the errors
//     and Invalid(errors), before the store is read.
//  2. Load the post with LoadPost. An error: return nil, nil and the error
//     (wrapped with %w), and append nothing.
//  3. Decide, as in chapter 12, with at most one field error: a CreatePost
//     of a post ever created is post MsgTaken (before any slug check);
//     another command on a post never created is post MsgMissing, on a
//     deleted one post MsgDeleted; publishing a published post, or renaming
//     a post to the title it has, records nothing (nil, nil, nil).
//  4. Encode each event and Append them with the version loaded. Return
//     the events. Titles and authors are trimmed; bodies are kept as given.
//
// CreatePost stores the slug: PostCreated{..., Slug: Slugify(title)}. The
// slug is taken when another live post's slug, as its events (upcast)
// recorded it, is the same.
//
// RenamePost keeps the slug: PostRenamed{..., Slug: the post's slug}. So a
// rename never has a slug conflict any more.
//
// Nothing re-checks what the store already holds: a post created last year
// with a 6-character title may be published, renamed (to a title of 8 or
// more) or deleted like any other.
//
// The slug index must see every event in the store, of every schema,
// including those other writers append behind the blog's back.
func (b *Blog) Dispatch(cmd Command) ([]Event, []FieldError, error) {
	panic("TODO(ch14): implement Dispatch")
}
