//go:build ignore

package bank

// LaggingView is a read model that lags behind the store, as read models
// do: it projects the store's events a few at a time, a batch per Tick.
// Between ticks it answers from what it has projected so far.
type LaggingView struct {
	// TODO(ch09): what the view keeps.
}

// NewLaggingView returns a view of store that projects at most batch
// events per Tick. It has projected nothing yet: its checkpoint is 0.
func NewLaggingView(store *EventStore, batch int) *LaggingView {
	panic("TODO(ch09): implement NewLaggingView")
}

// Tick projects the next events after the checkpoint, at most batch of
// them, in order, and returns how many it projected (0 when the view has
// projected every event of the store).
func (v *LaggingView) Tick() int {
	panic("TODO(ch09): implement Tick")
}

// Position returns the checkpoint: the position of the last event
// projected, 0 before the first.
func (v *LaggingView) Position() int {
	panic("TODO(ch09): implement Position")
}

// WaitFor is how a client reads its own writes: it ticks until the view
// has projected position, but at most maxTicks times, and reports whether
// the view got there. A view already there returns true without ticking;
// a tick that projects nothing still counts as one.
func (v *LaggingView) WaitFor(position, maxTicks int) bool {
	panic("TODO(ch09): implement WaitFor")
}

// Balance answers with an account's balance as the view knows it, and the
// version of the account's stream that balance reflects: the version of
// the last event of the account the view has projected (0 and a balance
// of 0 for an account it has not seen).
func (v *LaggingView) Balance(id string) Answer {
	panic("TODO(ch09): implement Balance")
}

// GiveStar is the command side of stars: it records that user starred
// repo, and returns the repository stream's new version. It loads the
// repository's stream, refuses a user who stars it already with
// ErrAlreadyStarred, and appends one StarGiven expecting the version it
// loaded, so that of two stars decided at once only one is recorded.
func GiveStar(store *EventStore, repo, user string) (int, error) {
	panic("TODO(ch09): implement GiveStar")
}

// TakeStar records that user took their star of repo back, and returns
// the repository stream's new version. A user who does not star the
// repository is refused with ErrNotStarred. Like GiveStar, it appends
// one StarTaken expecting the version it loaded.
func TakeStar(store *EventStore, repo, user string) (int, error) {
	panic("TODO(ch09): implement TakeStar")
}

// StarCounter is a read model that counts the stars of every repository,
// lagging behind the store like a LaggingView: StarGiven counts one star
// up, StarTaken one down, and every other event only moves the
// checkpoint.
type StarCounter struct {
	// TODO(ch09): what the counter keeps.
}

// NewStarCounter returns a counter of store's stars that projects at most
// batch events per Tick. It has counted nothing yet.
func NewStarCounter(store *EventStore, batch int) *StarCounter {
	panic("TODO(ch09): implement NewStarCounter")
}

// Tick counts the next events after the checkpoint, at most batch of them,
// and returns how many it projected.
func (c *StarCounter) Tick() int {
	panic("TODO(ch09): implement Tick")
}

// Stars answers with a repository's stars as counted so far, the version
// of its stream the count reflects, and whether the count is up to date:
// whether that version is the stream's version on the write side,
// store.Version(repo). A repository with no events at all, one nobody
// ever starred, is up to date at version 0 with 0 stars.
func (c *StarCounter) Stars(repo string) StarCount {
	panic("TODO(ch09): implement Stars")
}
