// Package examples shows the ideas of chapter 6 on something other than a
// bank: the harbour below Kestrel Bank, whose master keeps a log of boats
// coming and going, and a board by the quay that shows who is moored where.
package examples

import "sort"

// Fact is something that happened in the harbour.
type Fact interface{ BoatName() string }

// BoatMoored: a boat tied up at a berth.
type BoatMoored struct {
	Boat  string
	Berth int
}

// BoatSailed: a boat left its berth.
type BoatSailed struct{ Boat string }

// BoatName returns the boat the fact is about.
func (f BoatMoored) BoatName() string { return f.Boat }

// BoatName returns the boat the fact is about.
func (f BoatSailed) BoatName() string { return f.Boat }

// Entry is a fact as the harbour log keeps it: with its place in the whole
// log, 1 for the first entry.
type Entry struct {
	Position int
	Fact     Fact
}

// HarbourLog is the write side: an append-only list of facts. It knows
// nothing about the board.
type HarbourLog struct {
	entries []Entry
}

// Record appends a fact and gives it the next position.
func (l *HarbourLog) Record(f Fact) {
	l.entries = append(l.entries, Entry{Position: len(l.entries) + 1, Fact: f})
}

// After returns a copy of the entries after position pos. Like a
// subscription in EventStoreDB, the position it is given is exclusive: it
// is the last one the caller has already seen.
func (l *HarbourLog) After(pos int) []Entry {
	if pos < 0 {
		pos = 0
	}
	if pos >= len(l.entries) {
		return nil
	}
	return append([]Entry{}, l.entries[pos:]...)
}

// Board is the read side: the board by the quay. It is built only from the
// log's entries, and it is shaped for the one question people ask it,
// "where is my boat?".
type Board struct {
	berths map[string]int // boat → berth, for the boats in the harbour
	seen   int            // the checkpoint: the last position shown
}

// NewBoard returns a blank board that has seen nothing.
func NewBoard() *Board {
	return &Board{berths: make(map[string]int)}
}

// Show puts one entry on the board, unless the board has shown it already.
// Entries arrive in order, so "at or before the checkpoint" means "seen".
func (b *Board) Show(e Entry) {
	if e.Position <= b.seen {
		return // delivered twice: nothing changes
	}
	b.seen = e.Position
	switch f := e.Fact.(type) {
	case BoatMoored:
		b.berths[f.Boat] = f.Berth
	case BoatSailed:
		delete(b.berths, f.Boat)
	}
}

// Refresh shows every entry the board has not seen yet and returns how
// many there were. It is the only method of Board that reads the log.
func (b *Board) Refresh(log *HarbourLog) int {
	entries := log.After(b.seen)
	for _, e := range entries {
		b.Show(e)
	}
	return len(entries)
}

// Berth answers a query from the board alone: where a boat is moored, and
// whether it is in the harbour at all.
func (b *Board) Berth(boat string) (int, bool) {
	berth, ok := b.berths[boat]
	return berth, ok
}

// InPort lists the boats in the harbour, by name: a fresh slice that the
// caller may do with as it likes.
func (b *Board) InPort() []string {
	out := make([]string, 0, len(b.berths))
	for boat := range b.berths {
		out = append(out, boat)
	}
	sort.Strings(out)
	return out
}
