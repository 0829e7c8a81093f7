//go:build ignore

package bank

// Part 2: the whole file.

import "fmt"

// Screen answers from the live view and builds its replacement behind it.
type Screen struct {
	store *EventStore
	live  *BalanceView // the view every query is answered from
	next  *BalanceView // the view being rebuilt, nil when no rebuild runs
}

// NewScreen returns a screen that answers from live.
func NewScreen(store *EventStore, live *BalanceView) *Screen {
	return &Screen{store: store, live: live}
}

// Balance answers from the live view.
func (s *Screen) Balance(id string) (int, bool) {
	return s.live.Balance(id)
}

// Position returns the live view's checkpoint.
func (s *Screen) Position() int {
	return s.live.Position()
}

// CatchUp catches the live view up; the rebuild is not its business.
func (s *Screen) CatchUp() int {
	return s.live.CatchUp(s.store)
}

// Project hands the event to the live view only.
func (s *Screen) Project(e RecordedEvent) {
	s.live.Project(e)
}

// StartRebuild starts a new, empty view, unless one is being built.
func (s *Screen) StartRebuild() error {
	if s.next != nil {
		return ErrRebuilding
	}
	s.next = NewBalanceView()
	return nil
}

// Rebuild projects up to n of the store's events after the new view's
// checkpoint, reading the store as it is now.
func (s *Screen) Rebuild(n int) int {
	if s.next == nil || n <= 0 {
		return 0
	}
	events := s.store.ReadAll(s.next.Position() + 1)
	if len(events) > n {
		events = events[:n]
	}
	for _, e := range events {
		s.next.Project(e)
	}
	return len(events)
}

// Swap puts the new view live once nothing in the store is after its
// checkpoint.
func (s *Screen) Swap() error {
	if s.next == nil {
		return ErrNoRebuild
	}
	if behind := len(s.store.ReadAll(s.next.Position() + 1)); behind > 0 {
		return fmt.Errorf("%w: the new view is at %d, %d events behind the store", ErrNotCaughtUp, s.next.Position(), behind)
	}
	s.live = s.next
	s.next = nil
	return nil
}

// End of Part 2.
