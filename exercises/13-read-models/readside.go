//go:build ignore

package blog

import "fmt"

// Projection is one read model that follows the store: it is handed the
// store's events in position order and keeps its own checkpoint, the
// position of the last event it has handled.
type Projection interface {
	// Handle folds one recorded event into the read model. An event at or
	// before the checkpoint has been handled already: Handle ignores it and
	// returns nil. Otherwise the read model changes (or not: an event it
	// does not care about changes nothing) and the checkpoint moves to the
	// event's position. Handle returns an error only when the read model
	// could not be written; then nothing changed, the checkpoint included.
	Handle(r RecordedEvent) error
	// Checkpoint returns the position of the last event handled, 0 if none.
	Checkpoint() int
}

// PostSummary is one line of the post list: what the editors' page shows
// about a post.
type PostSummary struct {
	ID        string
	Title     string // the title it has now
	Author    string
	Published bool // false for a draft
	Comments  int  // how many comments it has
}

// DescribePosts writes each summary on a line of its own, such as
//
//	post-3 "Spring picnic" by ines, published, 2 comments
//
// The tests compare post lists this way.
func DescribePosts(posts []PostSummary) []string {
	out := []string{}
	for _, p := range posts {
		state := "draft"
		if p.Published {
			state = "published"
		}
		out = append(out, fmt.Sprintf("%s %q by %s, %s, %d comments", p.ID, p.Title, p.Author, state, p.Comments))
	}
	return out
}

// Comment is one comment under a post, as the comments page shows it.
type Comment struct {
	ID     string
	Author string
	Body   string
}

// DescribeComments writes each comment as "comment-12 tomás: Lovely!".
func DescribeComments(comments []Comment) []string {
	out := []string{}
	for _, c := range comments {
		out = append(out, fmt.Sprintf("%s %s: %s", c.ID, c.Author, c.Body))
	}
	return out
}

// FavouritesCheckpoint is the key under which the favourites counter keeps
// its checkpoint, in its own key-value store, beside the counts (whose keys
// are the post ids).
const FavouritesCheckpoint = "checkpoint"
