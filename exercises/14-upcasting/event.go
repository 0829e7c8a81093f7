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

// The events in their CURRENT shape: the shape today's code writes, and the
// only shape it reads. The json tags are the names of the fields in the
// stored JSON. Older shapes exist only as JSON in the store (see
// stored.go); Upcast turns them into these.

// PostCreated: a member wrote a new post, as a draft. Since schema 2 it
// records the post's slug, chosen once, when the post is created.
type PostCreated struct {
	Post   string `json:"post"` // the post's id, such as "post-7"
	Title  string `json:"title"`
	Slug   string `json:"slug"` // the last part of the post's address; new in schema 2
	Author string `json:"author"`
	Body   string `json:"body"`
}

// PostRenamed: a post was given a new title. Since schema 2 it records the
// post's slug after the rename: today's renames keep the slug the post has,
// last year's renames moved it along with the title.
type PostRenamed struct {
	Post  string `json:"post"`
	Title string `json:"title"`
	Slug  string `json:"slug"` // new in schema 2
}

// PostPublished: a post went out to every member.
type PostPublished struct {
	Post string `json:"post"`
}

// PostDeleted: a post was taken down for good. Its slug is free again.
type PostDeleted struct {
	Post string `json:"post"`
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
