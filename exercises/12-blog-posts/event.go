//go:build ignore

package blog

// Event is a fact about a post: something that happened to it, named in
// the past tense. Once the blog has recorded it, nobody can refuse it any
// more, only add new events after it.
type Event interface {
	// PostID is the post the event happened to: its stream in the store.
	PostID() string
	// EventType is the event's name, such as "PostPublished". Event stores
	// keep it beside each event's data, to know what the data means.
	EventType() string
}

// PostCreated: a member wrote a new post. It starts as a draft, which only
// the editors see.
type PostCreated struct {
	Post   string // the post's id, such as "post-7"
	Title  string
	Author string
	Body   string
}

// PostRenamed: a post was given a new title (and with it a new slug).
type PostRenamed struct {
	Post  string
	Title string
}

// PostPublished: a post went out to every member.
type PostPublished struct {
	Post string
}

// PostDeleted: a post was taken down for good. Its slug is free again.
type PostDeleted struct {
	Post string
}

// PostID returns the post that was created.
func (e PostCreated) PostID() string { return e.Post }

// PostID returns the post that was renamed.
func (e PostRenamed) PostID() string { return e.Post }

// PostID returns the post that was published.
func (e PostPublished) PostID() string { return e.Post }

// PostID returns the post that was deleted.
func (e PostDeleted) PostID() string { return e.Post }

// EventType returns "PostCreated".
func (PostCreated) EventType() string { return "PostCreated" }

// EventType returns "PostRenamed".
func (PostRenamed) EventType() string { return "PostRenamed" }

// EventType returns "PostPublished".
func (PostPublished) EventType() string { return "PostPublished" }

// EventType returns "PostDeleted".
func (PostDeleted) EventType() string { return "PostDeleted" }
