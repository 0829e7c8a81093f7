//go:build ignore

package bank

// LaggingView is a read model that lags behind the store, as read models
// do: it projects the store's events a few at a time, a batch per Tick.
// Between ticks it answers from what it has projected so far.
type LaggingView struct {
	store    *EventStore
	batch    int
	view     *BalanceView   // the balances and the checkpoint (chapter 6)
	versions map[string]int // each stream's last version projected
}

// NewLaggingView returns a view of store that projects at most batch
// events per Tick. It has projected nothing yet.
func NewLaggingView(store *EventStore, batch int) *LaggingView {
	return &LaggingView{store: store, batch: batch, view: NewBalanceView(), versions: make(map[string]int)}
}

// Tick projects the next events after the checkpoint, at most batch of
// them, and returns how many it projected.
func (v *LaggingView) Tick() int {
	events := v.store.ReadAll(v.view.Position() + 1)
	if len(events) > v.batch {
		events = events[:v.batch]
	}
	for _, e := range events {
		v.view.Project(e)
		v.versions[e.StreamID] = e.Version
	}
	return len(events)
}

// Position returns the checkpoint: the position of the last event projected.
func (v *LaggingView) Position() int {
	return v.view.Position()
}

// WaitFor ticks until the view has projected position, but at most
// maxTicks times, and reports whether it got there.
func (v *LaggingView) WaitFor(position, maxTicks int) bool {
	for ticks := 0; v.Position() < position; ticks++ {
		if ticks == maxTicks {
			return false
		}
		v.Tick()
	}
	return true
}

// Balance answers with an account's balance as the view knows it, and the
// version of the account's stream it reflects.
func (v *LaggingView) Balance(id string) Answer {
	balance, _ := v.view.Balance(id)
	return Answer{Account: id, Balance: balance, Version: v.versions[id]}
}

// Part 2: the stars.

// loadStars replays a repository's stream: who stars it now, and its version.
func loadStars(store *EventStore, repo string) (map[string]bool, int) {
	users := map[string]bool{}
	version := 0
	for _, r := range store.ReadStream(repo, 1) {
		switch e := r.Event.(type) {
		case StarGiven:
			users[e.User] = true
		case StarTaken:
			delete(users, e.User)
		}
		version = r.Version
	}
	return users, version
}

// GiveStar records that user starred repo and returns the repository
// stream's new version.
func GiveStar(store *EventStore, repo, user string) (int, error) {
	users, version := loadStars(store, repo)
	if users[user] {
		return 0, ErrAlreadyStarred
	}
	return store.Append(repo, version, []Event{StarGiven{Repo: repo, User: user}})
}

// TakeStar records that user took their star of repo back and returns the
// repository stream's new version.
func TakeStar(store *EventStore, repo, user string) (int, error) {
	users, version := loadStars(store, repo)
	if !users[user] {
		return 0, ErrNotStarred
	}
	return store.Append(repo, version, []Event{StarTaken{Repo: repo, User: user}})
}

// StarCounter is a read model that counts the stars of every repository,
// lagging behind the store like a LaggingView.
type StarCounter struct {
	store    *EventStore
	batch    int
	position int
	stars    map[string]int
	versions map[string]int
}

// NewStarCounter returns a counter of store's stars that projects at most
// batch events per Tick.
func NewStarCounter(store *EventStore, batch int) *StarCounter {
	return &StarCounter{store: store, batch: batch, stars: make(map[string]int), versions: make(map[string]int)}
}

// Tick counts the next events after the checkpoint, at most batch of them,
// and returns how many it projected.
func (c *StarCounter) Tick() int {
	events := c.store.ReadAll(c.position + 1)
	if len(events) > c.batch {
		events = events[:c.batch]
	}
	for _, e := range events {
		switch ev := e.Event.(type) {
		case StarGiven:
			c.stars[ev.Repo]++
		case StarTaken:
			c.stars[ev.Repo]--
		}
		c.versions[e.StreamID] = e.Version
		c.position = e.Position
	}
	return len(events)
}

// Stars answers with a repository's stars as counted so far.
func (c *StarCounter) Stars(repo string) StarCount {
	version := c.versions[repo]
	return StarCount{Repo: repo, Stars: c.stars[repo], Version: version, UpToDate: version == c.store.Version(repo)}
}

// End of Part 2.
