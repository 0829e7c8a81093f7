// Package examples holds the code shown in chapter 13: two boards that
// follow one harbour log, each at its own pace, and a tally kept in
// another store that survives a crash only if its checkpoint is saved
// with its numbers.
package examples

// Entry is one line of the harbour master's log: a boat came in to a
// berth, or went out. Pos is its place in the log, from 1.
type Entry struct {
	Pos   int
	Boat  string
	In    bool
	Berth string
}

// Log is the harbour master's log: append-only, every entry numbered.
type Log struct {
	entries []Entry
}

// Write adds an entry at the end of the log.
func (l *Log) Write(boat string, in bool, berth string) {
	l.entries = append(l.entries, Entry{Pos: len(l.entries) + 1, Boat: boat, In: in, Berth: berth})
}

// From returns the entries from position pos on.
func (l *Log) From(pos int) []Entry {
	if pos < 1 {
		pos = 1
	}
	if pos > len(l.entries) {
		return nil
	}
	return l.entries[pos-1:]
}

// Follower is anything that reads the log: it is handed entries in order
// and remembers how far it has read.
type Follower interface {
	Take(e Entry)
	Seen() int
}

// Follow hands a follower the entries it has not seen, and says how many.
func Follow(log *Log, f Follower) int {
	entries := log.From(f.Seen() + 1)
	for _, e := range entries {
		f.Take(e)
	}
	return len(entries)
}

// Quay is the board by the quay: which boat is at which berth.
type Quay struct {
	seen  int
	berth map[string]string // boat → berth
}

// NewQuay returns an empty board.
func NewQuay() *Quay { return &Quay{berth: map[string]string{}} }

// Seen returns the position of the last entry taken.
func (q *Quay) Seen() int { return q.seen }

// Take folds one entry into the board.
func (q *Quay) Take(e Entry) {
	if e.Pos <= q.seen {
		return
	}
	q.seen = e.Pos
	if e.In {
		q.berth[e.Boat] = e.Berth
	} else {
		delete(q.berth, e.Boat)
	}
}

// Visits is the harbour office's ledger: how often each boat came in.
type Visits struct {
	seen  int
	count map[string]int
}

// NewVisits returns an empty ledger.
func NewVisits() *Visits { return &Visits{count: map[string]int{}} }

// Seen returns the position of the last entry taken.
func (v *Visits) Seen() int { return v.seen }

// Take folds one entry into the ledger.
func (v *Visits) Take(e Entry) {
	if e.Pos <= v.seen {
		return
	}
	v.seen = e.Pos
	if e.In {
		v.count[e.Boat]++
	}
}
