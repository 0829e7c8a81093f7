//go:build ignore

package blog

// The members do more than read the Quarterly now: they comment on posts,
// the editors tag them, and anyone may mark a post as a favourite. The blog
// records each of these as an event in the post's own stream, after the
// post's PostCreated, so the given Post.Apply counts them in the version
// (and otherwise ignores them).
//
// The blog only records what makes sense: a comment, a tag or a favourite
// on a live post; PostTagged only for a tag the post does not have and
// PostUntagged only for one it has; PostFavourited only when the member has
// not favourited the post yet, PostUnfavourited only when they have.

// CommentAdded: a member commented on a post.
type CommentAdded struct {
	Post    string
	Comment string // the comment's id, such as "comment-12", unique in the blog
	Author  string
	Body    string
}

// PostTagged: an editor gave a post a tag, such as "harbour".
type PostTagged struct {
	Post string
	Tag  string
}

// PostUntagged: an editor took a tag off a post.
type PostUntagged struct {
	Post string
	Tag  string
}

// PostFavourited: a member marked a post as a favourite.
type PostFavourited struct {
	Post   string
	Member string
}

// PostUnfavourited: a member took their favourite back.
type PostUnfavourited struct {
	Post   string
	Member string
}

// PostID returns the post that was commented on.
func (e CommentAdded) PostID() string { return e.Post }

// PostID returns the post that was tagged.
func (e PostTagged) PostID() string { return e.Post }

// PostID returns the post that was untagged.
func (e PostUntagged) PostID() string { return e.Post }

// PostID returns the post that was favourited.
func (e PostFavourited) PostID() string { return e.Post }

// PostID returns the post that was unfavourited.
func (e PostUnfavourited) PostID() string { return e.Post }

// EventType returns "CommentAdded".
func (CommentAdded) EventType() string { return "CommentAdded" }

// EventType returns "PostTagged".
func (PostTagged) EventType() string { return "PostTagged" }

// EventType returns "PostUntagged".
func (PostUntagged) EventType() string { return "PostUntagged" }

// EventType returns "PostFavourited".
func (PostFavourited) EventType() string { return "PostFavourited" }

// EventType returns "PostUnfavourited".
func (PostUnfavourited) EventType() string { return "PostUnfavourited" }
