// Package examples shows the ideas of chapter 4 on a library's loan
// ledger: every book has a card of its own, a stream of entries that only
// ever grows at the bottom, and whoever writes on a card must say how many
// entries it had when they read it.
package examples

import (
	"errors"
	"fmt"
)

// Entry is one line on a book's loan card.
type Entry struct {
	Book    string
	Version int    // its line on the card: 1 for the card's first entry
	What    string // "lent" or "returned"
	Member  string
}

// ErrCardChanged is what every refused write wraps: someone wrote on the
// card after the writer read it.
var ErrCardChanged = errors.New("card changed since it was read")

// ErrOnLoan refuses to lend a book that is already out.
var ErrOnLoan = errors.New("book is on loan")

// Cards is the loan ledger: one card per book, and nothing on a card is
// ever changed or crossed out.
type Cards struct {
	cards map[string][]Entry
}

// NewCards returns a ledger with no cards.
func NewCards() *Cards {
	return &Cards{cards: map[string][]Entry{}}
}

// Read returns a copy of a book's card and its version, the number of
// entries on it (0 for a book that has no card yet). Changing the copy
// changes nothing in the ledger.
func (c *Cards) Read(book string) ([]Entry, int) {
	card := c.cards[book]
	return append([]Entry{}, card...), len(card)
}

// Write adds entries at the bottom of a book's card, but only if the card
// still has exactly the seen entries the writer read. Otherwise it writes
// nothing at all and says why.
func (c *Cards) Write(book string, seen int, entries ...Entry) (int, error) {
	card := c.cards[book]
	if seen != len(card) {
		return 0, fmt.Errorf("card of %s: %w: read at %d, now at %d", book, ErrCardChanged, seen, len(card))
	}
	for _, e := range entries {
		e.Book = book
		e.Version = len(card) + 1
		card = append(card, e)
	}
	c.cards[book] = card
	return len(card), nil
}

// Lend decides whether a book can be lent, from its card: only if its last
// entry is not a loan.
func Lend(card []Entry, member string) (Entry, error) {
	if n := len(card); n > 0 && card[n-1].What == "lent" {
		return Entry{}, fmt.Errorf("%w to %s", ErrOnLoan, card[n-1].Member)
	}
	return Entry{What: "lent", Member: member}, nil
}
