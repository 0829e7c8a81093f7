//go:build ignore

package blog

// Post is the aggregate of the blog: one post's state, folded from the
// events of its stream. A Post that was never created is the zero Post
// (with its ID): Created false, Version 0.
type Post struct {
	ID        string
	Title     string
	Author    string
	Body      string
	Created   bool // a PostCreated has been folded in
	Published bool // it went out to the members (drafts are not published)
	Deleted   bool // it was taken down for good
	Version   int  // how many events of its stream were folded in
}

// Apply folds one event into the post. Every event counts toward the
// version, including events Apply does not know (later chapters add some
// to a post's stream), so the version is always the stream's version.
func (p *Post) Apply(e Event) {
	switch e := e.(type) {
	case PostCreated:
		p.Created = true
		p.Title = e.Title
		p.Author = e.Author
		p.Body = e.Body
	case PostRenamed:
		p.Title = e.Title
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

// Slug is the post's slug, derived from its title.
func (p Post) Slug() string {
	return Slugify(p.Title)
}
