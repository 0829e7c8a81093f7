//go:build ignore

package blog

// Validate checks a command on its own, before it is dispatched, as an
// Ecto changeset's validations do: it needs no state, only the command's
// fields. It returns the problems of the command's fields, at most one
// per field (the first rule the field breaks), in the order below, and
// nothing (nil or empty) for a valid command.
//
//   - post (every command): MsgBlank if the id is empty or nothing but
//     white space; MsgFormat unless it is exactly "post-" and a whole
//     number from 1 up with no leading zero ("post-7", not "post-0",
//     "post-07", "Post-7" or " post-7").
//   - title (CreatePost, RenamePost), counted in characters (runes) after
//     trimming the white space around it: MsgBlank if nothing is left;
//     MsgTooShort(MinTitle) if shorter than MinTitle; MsgTooLong(MaxTitle)
//     if longer than MaxTitle.
//   - slug (CreatePost, RenamePost), only when the title passed: MsgBlank
//     if Slugify(title) is empty (a title with no letter or digit).
//   - author, then body (CreatePost): MsgBlank if empty or nothing but
//     white space.
//   - command: a nil command, or one Validate does not know, has a single
//     error, FieldError{Field: "command", Message: MsgUnknown}.
//
// For example, CreatePost{Post: "post-07", Title: " Tea ", Body: "..."}
// has three: post has invalid format, title should be at least 6
// character(s), author can't be blank.
func Validate(cmd Command) []FieldError {
	panic("TODO(ch12): implement Validate")
}
