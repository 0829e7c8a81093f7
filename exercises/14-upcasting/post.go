//go:build ignore

package blog

// Post is the aggregate of the blog: one post's state, folded from the
// events of its stream. A Post that was never created is the zero Post
// (with its ID): Created false, Version 0.
//
// Since schema 2 the slug is part of the state, as the events record it,
// rather than derived from the title whenever it is needed.
type Post struct {
	ID        string
	Title     string
	Slug      string // the slug the events recorded last
	Author    string
	Body      string
	Created   bool // a PostCreated has been folded in
	Published bool // it went out to the members (drafts are not published)
	Deleted   bool // it was taken down for good
	Version   int  // how many events of its stream were folded in
}

// Apply folds one event, in its current shape, into the post. Every event
// counts toward the version, including events Apply does not know, so the
// version is always the stream's version.
//
// Apply checks nothing: an event is a fact, already decided. A post created
// last year with a title that today's rules would refuse is still that
// post.
func (p *Post) Apply(e Event) {
	switch e := e.(type) {
	case PostCreated:
		p.Created = true
		p.Title = e.Title
		p.Slug = e.Slug
		p.Author = e.Author
		p.Body = e.Body
	case PostRenamed:
		p.Title = e.Title
		p.Slug = e.Slug
	case PostPublished:
		p.Published = true
	case PostDeleted:
		p.Deleted = true
	}
	p.Version++
}

// Live reports whether the post exists and has not been deleted: a draft
// or a published post.
func (p Post) Live() bool {
	return p.Created && !p.Deleted
}
