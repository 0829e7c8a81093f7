//go:build ignore

package blog

// Three read models of the Quarterly, each built from the same events of
// the one store, each shaped for its own page, and each with a checkpoint
// of its own: the position of the last event it has handled. They share
// nothing, not even the checkpoint, so each can lag, catch up or be
// rebuilt on its own.
//
// Every Handle starts the same way: an event at or before the checkpoint
// has been handled already (events can be delivered twice), so Handle
// ignores it and returns nil. Otherwise it moves the checkpoint to the
// event's position, also for an event the view does not care about, and
// folds the event in. A view knows a post from its PostCreated until its
// PostDeleted: an event of any other post (never created, or deleted)
// changes nothing, though it still moves the checkpoint. The blog never
// records such events (see social.go), but a read model does not count on
// it. None of these views can fail: their Handle always returns nil.

// CatchUp hands a projection the store's events after its checkpoint, in
// position order, and returns how many it handled. It stops at the first
// error Handle returns and returns it, with the number of events handled
// before it (Part 2 has a read model that can fail).
func CatchUp(store *EventStore, p Projection) (int, error) {
	panic("TODO(ch13): implement CatchUp")
}

// PostList is the editors' list of posts: every live post, drafts and
// published ones, newest first.
//
//   - PostCreated adds the post as a draft with no comments;
//   - PostRenamed changes its title, PostPublished marks it published;
//   - CommentAdded adds one to its comments;
//   - PostDeleted takes it off the list.
type PostList struct {
	// TODO(ch13): what the list keeps, and its checkpoint.
}

// NewPostList returns an empty list whose checkpoint is 0.
func NewPostList() *PostList {
	panic("TODO(ch13): implement NewPostList")
}

// Checkpoint returns the position of the last event handled, 0 if none.
func (l *PostList) Checkpoint() int {
	panic("TODO(ch13): implement PostList.Checkpoint")
}

// Handle folds one recorded event into the list (see PostList).
func (l *PostList) Handle(r RecordedEvent) error {
	panic("TODO(ch13): implement PostList.Handle")
}

// Posts returns the live posts, newest first: the post whose PostCreated
// has the highest position comes first. The caller gets its own copy.
func (l *PostList) Posts() []PostSummary {
	panic("TODO(ch13): implement PostList.Posts")
}

// CommentsByPost keeps the comments of every live post, oldest first.
//
//   - PostCreated makes the post known, with no comments;
//   - CommentAdded adds the comment at the end of its post's comments, if
//     the post is known (a comment of any other post is ignored);
//   - PostDeleted forgets the post and its comments.
type CommentsByPost struct {
	// TODO(ch13): what the view keeps, and its checkpoint.
}

// NewCommentsByPost returns an empty view whose checkpoint is 0.
func NewCommentsByPost() *CommentsByPost {
	panic("TODO(ch13): implement NewCommentsByPost")
}

// Checkpoint returns the position of the last event handled, 0 if none.
func (c *CommentsByPost) Checkpoint() int {
	panic("TODO(ch13): implement CommentsByPost.Checkpoint")
}

// Handle folds one recorded event into the view (see CommentsByPost).
func (c *CommentsByPost) Handle(r RecordedEvent) error {
	panic("TODO(ch13): implement CommentsByPost.Handle")
}

// For returns a post's comments, oldest first: none for a post that has
// none, was never created or was deleted. The caller gets its own copy.
func (c *CommentsByPost) For(post string) []Comment {
	panic("TODO(ch13): implement CommentsByPost.For")
}

// TagIndex knows the tags of every live post, both ways round: the posts
// with a tag, and the tags of a post.
//
//   - PostCreated makes the post known, with no tags;
//   - PostTagged gives the post the tag, if the post is known (a tag of any
//     other post is ignored; the blog never tags a post twice with the
//     same tag);
//   - PostUntagged takes the tag off;
//   - PostDeleted takes every tag off the post, and forgets it.
type TagIndex struct {
	// TODO(ch13): what the index keeps, and its checkpoint.
}

// NewTagIndex returns an empty index whose checkpoint is 0.
func NewTagIndex() *TagIndex {
	panic("TODO(ch13): implement NewTagIndex")
}

// Checkpoint returns the position of the last event handled, 0 if none.
func (t *TagIndex) Checkpoint() int {
	panic("TODO(ch13): implement TagIndex.Checkpoint")
}

// Handle folds one recorded event into the index (see TagIndex).
func (t *TagIndex) Handle(r RecordedEvent) error {
	panic("TODO(ch13): implement TagIndex.Handle")
}

// Posts returns the ids of the live posts with the tag, sorted as strings
// (so "post-10" comes before "post-9"); none for a tag no post has.
func (t *TagIndex) Posts(tag string) []string {
	panic("TODO(ch13): implement TagIndex.Posts")
}

// Tags returns the tags of a live post, sorted; none for a post without
// tags, never created or deleted.
func (t *TagIndex) Tags(post string) []string {
	panic("TODO(ch13): implement TagIndex.Tags")
}
