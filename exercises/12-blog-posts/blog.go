//go:build ignore

package blog

// Blog handles the blog's commands on an event store, one stream per post
// (the stream's id is the post's id).
type Blog struct {
	// TODO(ch12): the store, and what you need to know which slugs are
	// taken. Keep no posts here: the store is the truth, and other writers
	// append to it too.
}

// NewBlog returns a blog that handles commands on store.
func NewBlog(store *EventStore) *Blog {
	panic("TODO(ch12): implement NewBlog")
}

// Dispatch handles one command, the way chapter 5's router did, with
// validation before and at dispatch:
//
//  1. Validate. A command with field errors is refused with them, before
//     the store is even read.
//  2. Load the post from its own stream, as the router loaded accounts.
//  3. Decide, against the post as loaded (the rules below). A refusal at
//     this step has one field error.
//  4. Append the new events, expecting the version loaded: PostCreated
//     (Title and Author trimmed of the white space around them, Body as
//     given), PostRenamed (Title trimmed), PostPublished, PostDeleted.
//
// The rules of step 3, in order:
//
//   - CreatePost of a post that was ever created, even if deleted since:
//     post MsgTaken.
//   - RenamePost, PublishPost or DeletePost of a post never created: post
//     MsgMissing; of a deleted post: post MsgDeleted.
//   - On a live post, a command that would change nothing records
//     nothing, and is not refused either: PublishPost of a published post,
//     RenamePost to the title the post has (after trimming). Dispatch
//     returns nil, nil, nil.
//   - CreatePost and RenamePost: slug MsgTaken if another live post (a
//     draft, or a published post, that is not deleted) has the slug of the
//     new title. A post never takes its own slug.
//
// Dispatch returns the new events; or, for a refused command, no events,
// its field errors and Invalid(those errors); or, if the store refuses the
// append, no events, no field errors and the store's error.
//
// Slugs come from the titles in the store's events, including events other
// writers appended: the blog must notice them, without reading the whole
// store for every command.
func (b *Blog) Dispatch(cmd Command) ([]Event, []FieldError, error) {
	panic("TODO(ch12): implement Dispatch")
}
