//go:build ignore

package blog

import (
	"encoding/json"
	"fmt"
)

// Upcast turns a stored event of any schema this code knows into the same
// event in its current schema (CurrentSchema), one step at a time, without
// touching the stored bytes. An event already current comes back as it is.
// A type the blog does not know is refused with an error wrapping
// ErrUnknownEvent; a schema below 1 or newer than the current one, with an
// error wrapping ErrUnknownSchema.
func Upcast(e StoredEvent) (StoredEvent, error) {
	current, known := CurrentSchema[e.Type]
	if !known {
		return StoredEvent{}, fmt.Errorf("upcast %q: %w", e.Type, ErrUnknownEvent)
	}
	if e.Schema < 1 || e.Schema > current {
		return StoredEvent{}, fmt.Errorf("upcast %s schema %d (this code knows 1 to %d): %w", e.Type, e.Schema, current, ErrUnknownSchema)
	}
	for e.Schema < current {
		next, err := upcastStep(e)
		if err != nil {
			return StoredEvent{}, err
		}
		e = next
	}
	return e, nil
}

// upcastStep turns an event of one schema into the next schema. Each step
// works on the JSON document, so no Go type for an old shape is needed. A
// v3 of an event adds one case here.
func upcastStep(e StoredEvent) (StoredEvent, error) {
	switch {
	case (e.Type == "PostCreated" || e.Type == "PostRenamed") && e.Schema == 1:
		// Last year's code derived the slug from the title, at creation and
		// at every rename: write down the slug the title gave.
		var doc map[string]any
		if err := json.Unmarshal(e.Data, &doc); err != nil {
			return StoredEvent{}, fmt.Errorf("upcast %s schema 1: %w", e.Type, err)
		}
		title, _ := doc["title"].(string)
		doc["slug"] = Slugify(title)
		data, err := json.Marshal(doc)
		if err != nil {
			return StoredEvent{}, fmt.Errorf("upcast %s schema 1: %w", e.Type, err)
		}
		return StoredEvent{Type: e.Type, Schema: 2, Data: data}, nil
	}
	return StoredEvent{}, fmt.Errorf("upcast %s schema %d: no step: %w", e.Type, e.Schema, ErrUnknownSchema)
}

// Decode reads a stored event of any known schema as the current Go event:
// Upcast, then unmarshal into the event's type.
func Decode(stored StoredEvent) (Event, error) {
	e, err := Upcast(stored)
	if err != nil {
		return nil, err
	}
	switch e.Type {
	case "PostCreated":
		var ev PostCreated
		if err := json.Unmarshal(e.Data, &ev); err != nil {
			return nil, fmt.Errorf("decode %s: %w", e.Type, err)
		}
		return ev, nil
	case "PostRenamed":
		var ev PostRenamed
		if err := json.Unmarshal(e.Data, &ev); err != nil {
			return nil, fmt.Errorf("decode %s: %w", e.Type, err)
		}
		return ev, nil
	case "PostPublished":
		var ev PostPublished
		if err := json.Unmarshal(e.Data, &ev); err != nil {
			return nil, fmt.Errorf("decode %s: %w", e.Type, err)
		}
		return ev, nil
	case "PostDeleted":
		var ev PostDeleted
		if err := json.Unmarshal(e.Data, &ev); err != nil {
			return nil, fmt.Errorf("decode %s: %w", e.Type, err)
		}
		return ev, nil
	}
	return nil, fmt.Errorf("decode %q: %w", e.Type, ErrUnknownEvent)
}

// LoadPost folds a post's stream, decoded event by event, into
// Post{ID: id}. The first event it cannot decode stops it with that error.
func LoadPost(store *JSONStore, id string) (Post, error) {
	post := Post{ID: id}
	for _, r := range store.ReadStream(id, 1) {
		e, err := Decode(r.Event)
		if err != nil {
			return Post{}, fmt.Errorf("load %s v%d: %w", id, r.Version, err)
		}
		post.Apply(e)
	}
	return post, nil
}
