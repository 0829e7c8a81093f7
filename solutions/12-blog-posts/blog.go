//go:build ignore

package blog

// Part 2: the whole file.

import "strings"

// Blog handles the blog's commands on an event store, one stream per post.
// Besides the store, it keeps a slug index: the slug of every live post,
// folded from the store's events, caught up before every decision.
type Blog struct {
	store *EventStore
	seen  int               // the position of the last event folded into slugs
	slugs map[string]string // live post id → its slug
}

// NewBlog returns a blog that handles commands on store.
func NewBlog(store *EventStore) *Blog {
	return &Blog{store: store, slugs: map[string]string{}}
}

// Dispatch validates a command, loads its post, decides, and appends what
// it decided. It returns the new events; or, for a refused command, no
// events, its field errors and Invalid(those errors); or the store's error.
func (b *Blog) Dispatch(cmd Command) ([]Event, []FieldError, error) {
	if errs := Validate(cmd); len(errs) > 0 {
		return nil, errs, Invalid(errs)
	}
	id := cmd.PostID()
	post := Post{ID: id}
	for _, r := range b.store.ReadStream(id, 1) {
		post.Apply(r.Event)
	}
	var problem FieldError
	var events []Event
	switch c := cmd.(type) {
	case CreatePost:
		title := strings.TrimSpace(c.Title)
		switch {
		case post.Created:
			problem = FieldError{Field: "post", Message: MsgTaken}
		case b.slugTaken(Slugify(title), id):
			problem = FieldError{Field: "slug", Message: MsgTaken}
		default:
			events = append(events, PostCreated{Post: id, Title: title, Author: strings.TrimSpace(c.Author), Body: c.Body})
		}
	case RenamePost:
		title := strings.TrimSpace(c.Title)
		switch {
		case !post.Created:
			problem = FieldError{Field: "post", Message: MsgMissing}
		case post.Deleted:
			problem = FieldError{Field: "post", Message: MsgDeleted}
		case title == post.Title:
			// Nothing changes: nothing to record.
		case b.slugTaken(Slugify(title), id):
			problem = FieldError{Field: "slug", Message: MsgTaken}
		default:
			events = append(events, PostRenamed{Post: id, Title: title})
		}
	case PublishPost:
		switch {
		case !post.Created:
			problem = FieldError{Field: "post", Message: MsgMissing}
		case post.Deleted:
			problem = FieldError{Field: "post", Message: MsgDeleted}
		case post.Published:
			// Published already: nothing to record.
		default:
			events = append(events, PostPublished{Post: id})
		}
	case DeletePost:
		switch {
		case !post.Created:
			problem = FieldError{Field: "post", Message: MsgMissing}
		case post.Deleted:
			problem = FieldError{Field: "post", Message: MsgDeleted}
		default:
			events = append(events, PostDeleted{Post: id})
		}
	}
	if problem.Field != "" {
		errs := []FieldError{problem}
		return nil, errs, Invalid(errs)
	}
	if len(events) == 0 {
		return nil, nil, nil
	}
	if _, err := b.store.Append(id, post.Version, events); err != nil {
		return nil, nil, err
	}
	return events, nil, nil
}

// slugTaken reports whether a live post other than self has the slug. It
// first folds the events appended since the last look into the index.
func (b *Blog) slugTaken(slug, self string) bool {
	for _, r := range b.store.ReadAll(b.seen + 1) {
		b.seen = r.Position
		switch e := r.Event.(type) {
		case PostCreated:
			b.slugs[e.Post] = Slugify(e.Title)
		case PostRenamed:
			if _, live := b.slugs[e.Post]; live {
				b.slugs[e.Post] = Slugify(e.Title)
			}
		case PostDeleted:
			delete(b.slugs, e.Post)
		}
	}
	for id, s := range b.slugs {
		if id != self && s == slug {
			return true
		}
	}
	return false
}

// End of Part 2.
