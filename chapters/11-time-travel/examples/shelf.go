// Package examples holds the code that chapter 11's prose shows: the
// loans of a village library, kept as a log, looked at as of any moment
// and exported for the library's committee.
package examples

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"
)

// Loan is one line of the library's log: a book went out, or came back.
type Loan struct {
	At       time.Time
	Book     string
	Borrower string // empty when the book came back
}

// OutAsOf returns who had each book at moment t: the fold of the log's
// lines up to t, the line at t included. The log is in time order, so it
// can stop at the first line after t.
func OutAsOf(log []Loan, t time.Time) map[string]string {
	out := map[string]string{}
	for _, l := range log {
		if l.At.After(t) {
			break
		}
		if l.Borrower == "" {
			delete(out, l.Book)
		} else {
			out[l.Book] = l.Borrower
		}
	}
	return out
}

// WriteLog writes the log as CSV, one row per line, numbered from 1.
// The csv.Writer buffers: what is still in its buffer reaches w only at
// Flush, and an error writing to w is kept for Error.
func WriteLog(log []Loan, w io.Writer) error {
	out := csv.NewWriter(w)
	out.Write([]string{"line", "at", "book", "borrower"})
	for i, l := range log {
		out.Write([]string{strconv.Itoa(i + 1), l.At.UTC().Format(time.RFC3339), l.Book, l.Borrower})
	}
	out.Flush()
	return out.Error()
}
