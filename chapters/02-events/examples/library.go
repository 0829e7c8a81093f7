// Package examples holds the code that chapter 2's prose shows: a library
// that lends books, decided with commands and recorded with events.
package examples

import "errors"

// Command is something a member asks the library to do.
type Command interface{ CommandType() string }

// BorrowBook asks to take a book home.
type BorrowBook struct{ Title, Member string }

// ReturnBook asks to bring a book back.
type ReturnBook struct{ Title, Member string }

func (BorrowBook) CommandType() string { return "BorrowBook" }
func (ReturnBook) CommandType() string { return "ReturnBook" }

// Event is something that happened at the library, in the past tense.
type Event interface{ EventType() string }

// BookBorrowed: a member took a book home.
type BookBorrowed struct{ Title, Member string }

// BookReturned: a member brought a book back.
type BookReturned struct{ Title, Member string }

func (BookBorrowed) EventType() string { return "BookBorrowed" }
func (BookReturned) EventType() string { return "BookReturned" }

// Book is what the library needs to know to decide a command.
type Book struct {
	Title    string
	Borrower string // "" while the book is on the shelf
}

var (
	ErrOnLoan   = errors.New("book is already on loan")
	ErrNotYours = errors.New("book is not on loan to this member")
)

// Decide refuses a command or returns the events that record it. It gets
// the book by value and never changes it.
func Decide(book Book, cmd Command) ([]Event, error) {
	switch c := cmd.(type) {
	case BorrowBook:
		if book.Borrower != "" {
			return nil, ErrOnLoan
		}
		return []Event{BookBorrowed{Title: c.Title, Member: c.Member}}, nil
	case ReturnBook:
		if book.Borrower != c.Member {
			return nil, ErrNotYours
		}
		return []Event{BookReturned{Title: c.Title, Member: c.Member}}, nil
	}
	return nil, errors.New("unknown command")
}
