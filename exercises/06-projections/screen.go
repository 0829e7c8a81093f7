//go:build ignore

package bank

// Screen is Ines's counter screen. It answers every query from one view,
// the live one, and can build a replacement for it from the first event
// of the store, behind the live view, while the live view goes on
// answering. The replacement answers nothing until it is swapped in, and
// it may be swapped in only once it has caught up with the store, so no
// query ever sees a view that is half built.
type Screen struct {
	// TODO(ch06): what the screen keeps.
}

// NewScreen returns a screen whose live view is live, kept up to date from
// store. No rebuild is running.
func NewScreen(store *EventStore, live *BalanceView) *Screen {
	panic("TODO(ch06): implement NewScreen")
}

// Balance answers from the live view, as BalanceView.Balance does. During a
// rebuild that is still the old view: the view being built is never asked.
func (s *Screen) Balance(id string) (int, bool) {
	panic("TODO(ch06): implement Balance")
}

// Position returns the live view's checkpoint.
func (s *Screen) Position() int {
	panic("TODO(ch06): implement Position")
}

// CatchUp catches the live view up with the store and returns how many
// events it projected. It does not move a rebuild: the new view moves only
// when Rebuild gives it time.
func (s *Screen) CatchUp() int {
	panic("TODO(ch06): implement CatchUp")
}

// Project hands the live view one recorded event, as a subscription does:
// perhaps one it has projected already, perhaps one out of turn. It never
// reaches the view being rebuilt, which learns from the store alone, in
// order, so that no delivery can carry it past an event it has not read.
func (s *Screen) Project(e RecordedEvent) {
	panic("TODO(ch06): implement Project")
}

// StartRebuild starts building a new, empty view (its checkpoint 0) behind
// the live one. While a rebuild is running it returns ErrRebuilding and
// changes nothing: the running rebuild keeps what it has built.
func (s *Screen) StartRebuild() error {
	panic("TODO(ch06): implement StartRebuild")
}

// Rebuild gives the rebuild time to project at most n events into the new
// view: the store's next events after the new view's checkpoint, in order,
// those appended since the rebuild started included. It returns how many
// it projected: 0 when no rebuild is running, when n is 0 or less, or when
// the new view has caught up.
func (s *Screen) Rebuild(n int) int {
	panic("TODO(ch06): implement Rebuild")
}

// Swap makes the new view the live one, if it has caught up with the store:
// if its checkpoint is the position of the store's last event (0 for an
// empty store). The old view is thrown away and the rebuild is over, so
// another may start. Otherwise Swap returns ErrNotCaughtUp or an error
// that wraps it (ErrNoRebuild when no rebuild is running) and changes
// nothing: the old view goes on answering and the rebuild keeps its
// progress. Swap projects nothing itself.
func (s *Screen) Swap() error {
	panic("TODO(ch06): implement Swap")
}
