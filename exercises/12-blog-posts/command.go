//go:build ignore

package blog

import "fmt"

// Command is a member's intention: what someone wants the blog to do to a
// post. It is named in the imperative, and the blog may still refuse it.
type Command interface {
	// PostID is the post the command is about.
	PostID() string
	// CommandType is the command's name, such as "PublishPost".
	CommandType() string
}

// CreatePost asks for a new post, as a draft.
type CreatePost struct {
	Post   string // the new post's id, such as "post-7"
	Title  string
	Author string // the member who writes it, such as "ines"
	Body   string
}

// RenamePost asks for a new title for a post.
type RenamePost struct {
	Post  string
	Title string
}

// PublishPost asks for a draft to go out to every member.
type PublishPost struct {
	Post string
}

// DeletePost asks for a post to be taken down for good.
type DeletePost struct {
	Post string
}

// PostID returns the post to create.
func (c CreatePost) PostID() string { return c.Post }

// PostID returns the post to rename.
func (c RenamePost) PostID() string { return c.Post }

// PostID returns the post to publish.
func (c PublishPost) PostID() string { return c.Post }

// PostID returns the post to delete.
func (c DeletePost) PostID() string { return c.Post }

// CommandType returns "CreatePost".
func (CreatePost) CommandType() string { return "CreatePost" }

// CommandType returns "RenamePost".
func (RenamePost) CommandType() string { return "RenamePost" }

// CommandType returns "PublishPost".
func (PublishPost) CommandType() string { return "PublishPost" }

// CommandType returns "DeletePost".
func (DeletePost) CommandType() string { return "DeletePost" }

// DescribeCommand writes a command as its type name and fields, such as
// RenamePost{Post:post-7 Title:Spring picnic}, and a nil command as
// "<nil>". Like DescribeEvents, it knows no command type by name.
func DescribeCommand(cmd Command) string {
	if cmd == nil {
		return "<nil>"
	}
	return cmd.CommandType() + fmt.Sprintf("%+v", cmd)
}
