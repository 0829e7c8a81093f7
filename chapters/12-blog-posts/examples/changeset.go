// Package examples shows the ideas of chapter 12 on the harbour below
// Kestrel Bank, where members register their boats for a mooring. A boat's
// name is painted on the pier, so no two moored boats may share one.
package examples

import (
	"strings"
	"unicode/utf8"
)

// RegisterBoat is a member's request for a mooring.
type RegisterBoat struct {
	Name   string
	Owner  string
	Length int // in metres
}

// Problem is one thing wrong with one field.
type Problem struct {
	Field string
	Msg   string
}

// Checks collects problems field by field, as a changeset collects its
// errors, except that a field keeps only its first problem, so one mistake
// is not reported three times.
type Checks struct {
	problems []Problem
	failed   map[string]bool
}

// add records a problem, unless the field has one already.
func (c *Checks) add(field, msg string) {
	if c.failed == nil {
		c.failed = map[string]bool{}
	}
	if c.failed[field] {
		return
	}
	c.failed[field] = true
	c.problems = append(c.problems, Problem{Field: field, Msg: msg})
}

// Required checks that a text field holds more than spaces.
func (c *Checks) Required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.add(field, "can't be blank")
	}
}

// Between checks that a number is within limits.
func (c *Checks) Between(field string, value, lo, hi int) {
	if value < lo || value > hi {
		c.add(field, "is out of range")
	}
}

// Longer checks that a text has more than n characters, spaces around it
// not counted.
func (c *Checks) Longer(field, value string, n int) {
	if utf8.RuneCountInString(strings.TrimSpace(value)) <= n {
		c.add(field, "is too short")
	}
}

// Problems returns what was found, in the order it was found.
func (c *Checks) Problems() []Problem {
	return c.problems
}

// ValidateBoat checks a request on its own: no harbour needed.
func ValidateBoat(cmd RegisterBoat) []Problem {
	var c Checks
	c.Required("name", cmd.Name)
	c.Longer("name", cmd.Name, 2)
	c.Required("owner", cmd.Owner)
	c.Between("length", cmd.Length, 3, 15)
	return c.Problems()
}
