//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"strings"
)

// FieldError names one problem with one field of a command, as an Ecto
// changeset's errors do: Field is the field's name in lower case ("post",
// "title", "slug", "author", "body", or "command" for the command as a
// whole) and Message says what is wrong with it ("can't be blank").
type FieldError struct {
	Field   string
	Message string
}

// The messages of a FieldError. They read as a sentence after the field's
// name: "title can't be blank", "slug has already been taken".
const (
	MsgBlank   = "can't be blank"         // empty, or nothing but white space
	MsgFormat  = "has invalid format"     // a post id that is not post-N
	MsgTaken   = "has already been taken" // a post id, or a slug, that another post has
	MsgMissing = "does not exist"         // a post that was never created
	MsgDeleted = "is deleted"             // a post that was taken down
	MsgUnknown = "is unknown"             // a command the blog does not know
)

// MsgTooShort is the message for a title shorter than n characters:
// "should be at least 6 character(s)" for n = 6.
func MsgTooShort(n int) string {
	return fmt.Sprintf("should be at least %d character(s)", n)
}

// MsgTooLong is the message for a title longer than n characters:
// "should be at most 60 character(s)" for n = 60.
func MsgTooLong(n int) string {
	return fmt.Sprintf("should be at most %d character(s)", n)
}

// DescribeFieldErrors writes each field error as a sentence, such as
// "title should be at least 6 character(s)".
func DescribeFieldErrors(errs []FieldError) []string {
	out := []string{}
	for _, e := range errs {
		out = append(out, e.Field+" "+e.Message)
	}
	return out
}

// ErrInvalid is what every refusal of a command wraps: test for it with
// errors.Is, and read the field errors that come with it for the details.
var ErrInvalid = errors.New("invalid command")

// Invalid returns the error that refuses a command for its field errors. It
// wraps ErrInvalid and lists the problems, as in
//
//	invalid command: title should be at least 6 character(s); author can't be blank
//
// It is made with fmt.Errorf and %w, so errors.Is(err, ErrInvalid) is true
// of every refusal, whatever its field errors.
func Invalid(errs []FieldError) error {
	return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(DescribeFieldErrors(errs), "; "))
}
