//go:build ignore

package blog

// Part 2: the whole file.

import (
	"fmt"
	"strings"
)

// Blog handles the blog's commands on the JSON store, one stream per post,
// reading every schema the store holds and writing the current one.
// Besides the store, it keeps a slug index: the slug of every live post,
// as the (upcast) events recorded it, caught up before every decision.
type Blog struct {
	store *JSONStore
	seen  int               // the position of the last event folded into slugs
	slugs map[string]string // live post id → its slug
}

// NewBlog returns a blog that handles commands on store.
func NewBlog(store *JSONStore) *Blog {
	return &Blog{store: store, slugs: map[string]string{}}
}

// Dispatch validates a command, loads its post, decides under today's
// rules, and appends what it decided in the current schema. It returns the
// new events; or, for a refused command, no events, its field errors and
// Invalid(those errors); or the error of an event it could not read or of
// the store.
func (b *Blog) Dispatch(cmd Command) ([]Event, []FieldError, error) {
	if errs := Validate(cmd); len(errs) > 0 {
		return nil, errs, Invalid(errs)
	}
	id := cmd.PostID()
	post, err := LoadPost(b.store, id)
	if err != nil {
		return nil, nil, err
	}
	var problem FieldError
	var events []Event
	switch c := cmd.(type) {
	case CreatePost:
		title := strings.TrimSpace(c.Title)
		slug := Slugify(title)
		if post.Created {
			problem = FieldError{Field: "post", Message: MsgTaken}
			break
		}
		taken, err := b.slugTaken(slug, id)
		if err != nil {
			return nil, nil, err
		}
		if taken {
			problem = FieldError{Field: "slug", Message: MsgTaken}
			break
		}
		events = append(events, PostCreated{Post: id, Title: title, Slug: slug, Author: strings.TrimSpace(c.Author), Body: c.Body})
	case RenamePost:
		title := strings.TrimSpace(c.Title)
		switch {
		case !post.Created:
			problem = FieldError{Field: "post", Message: MsgMissing}
		case post.Deleted:
			problem = FieldError{Field: "post", Message: MsgDeleted}
		case title == post.Title:
			// Nothing changes: nothing to record.
		default:
			// The slug is the post's address: a rename keeps it.
			events = append(events, PostRenamed{Post: id, Title: title, Slug: post.Slug})
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
	var stored []StoredEvent
	for _, e := range events {
		s, err := Encode(e)
		if err != nil {
			return nil, nil, err
		}
		stored = append(stored, s)
	}
	if _, err := b.store.Append(id, post.Version, stored); err != nil {
		return nil, nil, err
	}
	return events, nil, nil
}

// slugTaken reports whether a live post other than self has the slug. It
// first folds the events appended since the last look into the index,
// decoded (and so upcast): every event says which slug its post has.
func (b *Blog) slugTaken(slug, self string) (bool, error) {
	for _, r := range b.store.ReadAll(b.seen + 1) {
		e, err := Decode(r.Event)
		if err != nil {
			return false, fmt.Errorf("slug index, %s v%d: %w", r.StreamID, r.Version, err)
		}
		b.seen = r.Position
		switch e := e.(type) {
		case PostCreated:
			b.slugs[e.Post] = e.Slug
		case PostRenamed:
			if _, live := b.slugs[e.Post]; live {
				b.slugs[e.Post] = e.Slug
			}
		case PostDeleted:
			delete(b.slugs, e.Post)
		}
	}
	for id, s := range b.slugs {
		if id != self && s == slug {
			return true, nil
		}
	}
	return false, nil
}

// End of Part 2.
