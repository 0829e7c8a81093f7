//go:build ignore

package bank

import "errors"

// Customers can star a repository of the bank's open-source code, as on
// GitHub, and take their star back. Each repository is a stream of its
// own ("repo-4"), beside the accounts' streams: its events say who gave
// or took a star.

// StarGiven: a user starred a repository.
type StarGiven struct {
	Repo string // the repository, such as "repo-4": its stream
	User string // who starred it, such as "ada"
}

// StarTaken: a user took their star of a repository back.
type StarTaken struct {
	Repo string
	User string
}

// AccountID returns the repository's stream, where the event is recorded.
func (e StarGiven) AccountID() string { return e.Repo }

// AccountID returns the repository's stream, where the event is recorded.
func (e StarTaken) AccountID() string { return e.Repo }

// EventType returns "StarGiven".
func (StarGiven) EventType() string { return "StarGiven" }

// EventType returns "StarTaken".
func (StarTaken) EventType() string { return "StarTaken" }

// The refusals of the star commands: a user stars a repository at most
// once.
var (
	// ErrAlreadyStarred: starring a repository the user has starred, and
	// not taken the star back since.
	ErrAlreadyStarred = errors.New("already starred")
	// ErrNotStarred: taking back a star the user has not given.
	ErrNotStarred = errors.New("not starred")
)

// StarCount is the star counter's answer for one repository.
type StarCount struct {
	Repo     string
	Stars    int  // the stars the counter has counted
	Version  int  // the version of the repository's stream the count reflects: its ETag
	UpToDate bool // the write side's stream is at Version: the count is right now
}
