//go:build ignore

package blog

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// postID is the shape of a post id: post-N, N a number without leading zeros.
var postID = regexp.MustCompile(`^post-[1-9][0-9]*$`)

// Validate checks a command on its own, before it is dispatched: no state,
// only the command's fields. It returns the problems of the command's
// fields, at most one per field, in the order of the fields, and nothing
// for a valid command.
func Validate(cmd Command) []FieldError {
	var errs []FieldError
	switch c := cmd.(type) {
	case CreatePost:
		errs = checkPost(errs, c.Post)
		errs = checkTitle(errs, c.Title)
		errs = checkRequired(errs, "author", c.Author)
		errs = checkRequired(errs, "body", c.Body)
	case RenamePost:
		errs = checkPost(errs, c.Post)
		errs = checkTitle(errs, c.Title)
	case PublishPost, DeletePost:
		errs = checkPost(errs, cmd.PostID())
	default:
		errs = append(errs, FieldError{Field: "command", Message: MsgUnknown})
	}
	return errs
}

// checkPost checks a post id: present, and shaped like post-N.
func checkPost(errs []FieldError, id string) []FieldError {
	switch {
	case strings.TrimSpace(id) == "":
		return append(errs, FieldError{Field: "post", Message: MsgBlank})
	case !postID.MatchString(id):
		return append(errs, FieldError{Field: "post", Message: MsgFormat})
	}
	return errs
}

// checkTitle checks a title's length after trimming, and then the slug it
// makes: a title that is fine by itself may still have no letter or digit.
func checkTitle(errs []FieldError, title string) []FieldError {
	n := utf8.RuneCountInString(strings.TrimSpace(title))
	switch {
	case n == 0:
		return append(errs, FieldError{Field: "title", Message: MsgBlank})
	case n < MinTitle:
		return append(errs, FieldError{Field: "title", Message: MsgTooShort(MinTitle)})
	case n > MaxTitle:
		return append(errs, FieldError{Field: "title", Message: MsgTooLong(MaxTitle)})
	case Slugify(title) == "":
		return append(errs, FieldError{Field: "slug", Message: MsgBlank})
	}
	return errs
}

// checkRequired checks that a field holds more than white space.
func checkRequired(errs []FieldError, field, value string) []FieldError {
	if strings.TrimSpace(value) == "" {
		return append(errs, FieldError{Field: field, Message: MsgBlank})
	}
	return errs
}
