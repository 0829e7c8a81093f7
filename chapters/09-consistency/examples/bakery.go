// Package examples shows the ideas of chapter 9 on something other than a
// bank: the bakery on the harbour steps. Its tally book, behind the
// counter, is the truth about the loaves on the shelf; the chalkboard in
// the window is a copy that the baker's boy brings up to date, one line of
// the tally per trip.
package examples

import (
	"errors"
	"fmt"
)

// ErrSoldOut: a sale of more loaves than the shelf holds.
var ErrSoldOut = errors.New("sold out")

// Line is one line of the tally book: loaves baked (a positive change) or
// sold (a negative one), numbered from 1.
type Line struct {
	Number int
	Change int
}

// Tally is the write side: the book behind the counter. Every sale is
// decided against it, never against the chalkboard.
type Tally struct {
	lines  []Line
	loaves int
}

// Bake records fresh loaves and returns the number of the new line.
func (t *Tally) Bake(n int) int {
	return t.write(n)
}

// Sell decides a sale against the tally's latest line: the shelf as it is
// now, whatever the chalkboard says. It returns the number of the new line.
func (t *Tally) Sell(n int) (int, error) {
	if n > t.loaves {
		return 0, ErrSoldOut
	}
	return t.write(-n), nil
}

func (t *Tally) write(change int) int {
	t.loaves += change
	t.lines = append(t.lines, Line{Number: len(t.lines) + 1, Change: change})
	return len(t.lines)
}

// Version is the number of the tally's last line, 0 for an empty book.
func (t *Tally) Version() int {
	return len(t.lines)
}

// Line returns line n of the tally, and false when there is no such line.
func (t *Tally) Line(n int) (Line, bool) {
	if n < 1 || n > len(t.lines) {
		return Line{}, false
	}
	return t.lines[n-1], true
}

// Reading is what the chalkboard says, and the line of the tally it
// reflects: its ETag.
type Reading struct {
	Loaves int
	Line   int
}

// Board is the read side: the chalkboard in the window.
type Board struct {
	tally   *Tally
	reading Reading
}

// NewBoard returns a blank chalkboard that copies from tally.
func NewBoard(tally *Tally) *Board {
	return &Board{tally: tally}
}

// Trip is one trip of the baker's boy: he copies the next line of the
// tally onto the board, if there is one, and reports whether there was.
func (b *Board) Trip() bool {
	line, ok := b.tally.Line(b.reading.Line + 1)
	if !ok {
		return false
	}
	b.reading.Loaves += line.Change
	b.reading.Line = line.Number
	return true
}

// Read answers from the board alone, with the line it reflects.
func (b *Board) Read() Reading {
	return b.reading
}

// ReadAfter is read-your-writes for a customer who has just written line
// of the tally: it sends the boy on at most trips trips until the board
// shows that line, then reads. It never waits for ever: the second result
// says whether the reading shows the customer's line.
func ReadAfter(b *Board, line, trips int) (Reading, bool) {
	for trips > 0 && b.reading.Line < line {
		b.Trip()
		trips--
	}
	r := b.Read()
	return r, r.Line >= line
}

// Caption writes a reading for the window and says whether it is up to
// date: whether the tally is still at the line the reading reflects.
func Caption(r Reading, t *Tally) string {
	if r.Line == t.Version() {
		return fmt.Sprintf("%d loaves (line %d, up to date)", r.Loaves, r.Line)
	}
	return fmt.Sprintf("%d loaves (line %d; the tally is at line %d)", r.Loaves, r.Line, t.Version())
}
