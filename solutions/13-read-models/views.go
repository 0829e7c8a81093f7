//go:build ignore

package blog

import "sort"

// CatchUp hands a projection the store's events after its checkpoint, in
// order, and returns how many it handled. It stops at the first error and
// returns it, with the number handled before it.
func CatchUp(store *EventStore, p Projection) (int, error) {
	handled := 0
	for _, r := range store.ReadAll(p.Checkpoint() + 1) {
		if err := p.Handle(r); err != nil {
			return handled, err
		}
		handled++
	}
	return handled, nil
}

// listed is a post of the list, with the position of its PostCreated,
// which orders the list.
type listed struct {
	summary PostSummary
	created int
}

// PostList is the editors' list of posts: every live post, newest first.
type PostList struct {
	checkpoint int
	posts      map[string]*listed
}

// NewPostList returns an empty list whose checkpoint is 0.
func NewPostList() *PostList {
	return &PostList{posts: map[string]*listed{}}
}

// Checkpoint returns the position of the last event handled.
func (l *PostList) Checkpoint() int {
	return l.checkpoint
}

// Handle folds one event into the list.
func (l *PostList) Handle(r RecordedEvent) error {
	if r.Position <= l.checkpoint {
		return nil
	}
	l.checkpoint = r.Position
	switch e := r.Event.(type) {
	case PostCreated:
		l.posts[e.Post] = &listed{summary: PostSummary{ID: e.Post, Title: e.Title, Author: e.Author}, created: r.Position}
	case PostRenamed:
		if p, ok := l.posts[e.Post]; ok {
			p.summary.Title = e.Title
		}
	case PostPublished:
		if p, ok := l.posts[e.Post]; ok {
			p.summary.Published = true
		}
	case CommentAdded:
		if p, ok := l.posts[e.Post]; ok {
			p.summary.Comments++
		}
	case PostDeleted:
		delete(l.posts, e.Post)
	}
	return nil
}

// Posts returns the live posts, newest first: the post created last comes
// first. The caller gets its own copy.
func (l *PostList) Posts() []PostSummary {
	all := []*listed{}
	for _, p := range l.posts {
		all = append(all, p)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].created > all[j].created })
	out := []PostSummary{}
	for _, p := range all {
		out = append(out, p.summary)
	}
	return out
}

// CommentsByPost keeps the comments of every live post, in the order they
// were added. A post has an entry (empty at first) from its PostCreated to
// its PostDeleted: the view ignores comments of any other post.
type CommentsByPost struct {
	checkpoint int
	comments   map[string][]Comment // live post id → its comments
}

// NewCommentsByPost returns an empty view whose checkpoint is 0.
func NewCommentsByPost() *CommentsByPost {
	return &CommentsByPost{comments: map[string][]Comment{}}
}

// Checkpoint returns the position of the last event handled.
func (c *CommentsByPost) Checkpoint() int {
	return c.checkpoint
}

// Handle folds one event into the view.
func (c *CommentsByPost) Handle(r RecordedEvent) error {
	if r.Position <= c.checkpoint {
		return nil
	}
	c.checkpoint = r.Position
	switch e := r.Event.(type) {
	case PostCreated:
		c.comments[e.Post] = []Comment{}
	case CommentAdded:
		if list, ok := c.comments[e.Post]; ok {
			c.comments[e.Post] = append(list, Comment{ID: e.Comment, Author: e.Author, Body: e.Body})
		}
	case PostDeleted:
		delete(c.comments, e.Post)
	}
	return nil
}

// For returns a post's comments, oldest first: none for a post without
// comments, never created or deleted. The caller gets its own copy.
func (c *CommentsByPost) For(post string) []Comment {
	return append([]Comment{}, c.comments[post]...)
}

// TagIndex knows which live posts have which tags, both ways round. It
// knows a post from its PostCreated to its PostDeleted, and ignores tags of
// any other post.
type TagIndex struct {
	checkpoint int
	live       map[string]bool            // the live posts
	byTag      map[string]map[string]bool // tag → its posts
	byPost     map[string]map[string]bool // post → its tags
}

// NewTagIndex returns an empty index whose checkpoint is 0.
func NewTagIndex() *TagIndex {
	return &TagIndex{live: map[string]bool{}, byTag: map[string]map[string]bool{}, byPost: map[string]map[string]bool{}}
}

// Checkpoint returns the position of the last event handled.
func (t *TagIndex) Checkpoint() int {
	return t.checkpoint
}

// Handle folds one event into the index.
func (t *TagIndex) Handle(r RecordedEvent) error {
	if r.Position <= t.checkpoint {
		return nil
	}
	t.checkpoint = r.Position
	switch e := r.Event.(type) {
	case PostCreated:
		t.live[e.Post] = true
	case PostTagged:
		if t.live[e.Post] {
			t.tag(e.Post, e.Tag)
		}
	case PostUntagged:
		t.untag(e.Post, e.Tag)
	case PostDeleted:
		for tag := range t.byPost[e.Post] {
			t.untag(e.Post, tag)
		}
		delete(t.live, e.Post)
	}
	return nil
}

// tag gives a post a tag.
func (t *TagIndex) tag(post, tag string) {
	if t.byTag[tag] == nil {
		t.byTag[tag] = map[string]bool{}
	}
	if t.byPost[post] == nil {
		t.byPost[post] = map[string]bool{}
	}
	t.byTag[tag][post] = true
	t.byPost[post][tag] = true
}

// untag takes a tag off a post, and forgets tags and posts left empty.
func (t *TagIndex) untag(post, tag string) {
	delete(t.byTag[tag], post)
	if len(t.byTag[tag]) == 0 {
		delete(t.byTag, tag)
	}
	delete(t.byPost[post], tag)
	if len(t.byPost[post]) == 0 {
		delete(t.byPost, post)
	}
}

// Posts returns the live posts with the tag, sorted as strings.
func (t *TagIndex) Posts(tag string) []string {
	return sortedKeys(t.byTag[tag])
}

// Tags returns the tags of a live post, sorted.
func (t *TagIndex) Tags(post string) []string {
	return sortedKeys(t.byPost[post])
}

// sortedKeys returns a set's members, sorted.
func sortedKeys(set map[string]bool) []string {
	out := []string{}
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
