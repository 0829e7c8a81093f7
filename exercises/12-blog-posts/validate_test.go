//go:build ignore

package blog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validateCase is a command, the field errors Validate finds in it,
// written as DescribeFieldErrors writes them, and the rule of Part 1 the
// case checks.
type validateCase struct {
	cmd  Command
	want []string
	rule string
}

// Where a rule is stated: a failure names the day and the part.
const (
	inPart1 = " — day 12, Part 1"
	inPart2 = " — day 12, Part 2"
)

// The rules of Part 1, as the chapter states them.
const (
	ruleValid      = "a valid command has no errors"
	ruleFields     = "Validate reports the problems of all the fields at once: each field has at most one error, the first rule it breaks, and the fields come in the order post, title, slug, author, body"
	rulePostBlank  = "post, every command: can't be blank when empty or nothing but white space (spaces, tabs, line breaks)"
	rulePostFormat = "post, every command: invalid format unless it is exactly post- and a whole number from 1 up, in the digits 0 to 9, with no leading zero"
	ruleTitle      = "title, for CreatePost and RenamePost, counted in characters (runes, not bytes) after trimming the white space around it: can't be blank, at least MinTitle, at most MaxTitle characters"
	ruleSlug       = "slug, only when the title passed: can't be blank when Slugify(title) is empty, as it is for a title with no letter or digit"
	ruleAuthorBody = "author, then body, for CreatePost: can't be blank when empty or nothing but white space"
	ruleUnknown    = "a nil command, or one Validate does not know, has one error: field command, is unknown"
)

// checkValidate validates each case's command.
func checkValidate(t *testing.T, tests []validateCase) {
	t.Helper()
	for _, tt := range tests {
		got := Validate(tt.cmd)
		if len(tt.want) == 0 {
			assert.Empty(t, DescribeFieldErrors(got), "Validate(%s) finds no problem: %s%s", DescribeCommand(tt.cmd), tt.rule, inPart1)
			continue
		}
		assert.Equal(t, tt.want, DescribeFieldErrors(got), "Validate(%s): %s%s", DescribeCommand(tt.cmd), tt.rule, inPart1)
	}
}

// TestPart1Example is the worked example of Part 1: six commands from the
// first evening of the Quarterly, validated one by one.
func TestPart1Example(t *testing.T) {
	lines := []string{
		"create | post-1 | Hello, Kestrel! | ines | Welcome to the Quarterly.",
		"create | post-2 | Tea | tomás | Who wants a tea rota?",
		"create | post-03 | !!! ??? !!! |  | ",
		"rename | post-1 | Hello, Kestrel members!",
		"publish | ",
		"delete | post-2",
	}
	want := [][]string{
		nil,
		{"title should be at least 6 character(s)"},
		{"post has invalid format", "slug can't be blank", "author can't be blank", "body can't be blank"},
		nil,
		{"post can't be blank"},
		nil,
	}
	// Why, in the words of the worked example.
	why := []string{
		"the first and fourth lines are valid",
		"Tea has three characters: title should be at least 6 character(s)",
		"post-03 has a leading zero: invalid format; the title is long enough, but it has no letter or digit, so its slug can't be blank; author and body are blank",
		"the first and fourth lines are valid",
		"the publish on line 5 names no post: post can't be blank",
		"delete | post-2 is valid: Validate knows nothing about the store",
	}
	var tests []validateCase
	for i, line := range lines {
		cmd, err := parseCommand(line)
		require.NoError(t, err, "parseCommand(%q)", line)
		tests = append(tests, validateCase{cmd: cmd, want: want[i], rule: fmt.Sprintf("line %d of the worked example: %s", i+1, why[i])})
	}
	checkValidate(t, tests)
	// Line 2 has 1 error, line 3 has 4, line 5 has 1:
	// 2 × 1 + 3 × 4 + 5 × 1 = 2 + 12 + 5 = 19.
	assert.Equal(t, 19, part1Answer(lines),
		"part1Answer(the worked example): the sum, over all lines, of the line's number times the number of field errors Validate finds in its command, 2 × 1 + 3 × 4 + 5 × 1"+inPart1)
}

func TestPart1FullCreatePost(t *testing.T) {
	checkValidate(t, []validateCase{
		{CreatePost{Post: "post-1", Title: "Spring picnic", Author: "ines", Body: "Bring a blanket."}, nil, ruleValid},
		{CreatePost{Post: "post-1", Title: "Picnic", Author: "ines", Body: "x"}, nil, ruleTitle},
		{CreatePost{Post: "post-1", Title: "  Kite!  ", Author: "ines", Body: "x"},
			[]string{"title should be at least 6 character(s)"}, ruleTitle},
		{CreatePost{Post: "post-1", Title: "  Picnic  ", Author: "ines", Body: "x"}, nil, ruleTitle},
		{CreatePost{Post: "post-1", Title: strings.Repeat("a", 60), Author: "ines", Body: "x"}, nil, ruleTitle},
		{CreatePost{Post: "post-1", Title: strings.Repeat("a", 61), Author: "ines", Body: "x"},
			[]string{"title should be at most 60 character(s)"}, ruleTitle},
		{CreatePost{Post: "post-1", Title: " " + strings.Repeat("a", 60) + "  ", Author: "ines", Body: "x"}, nil, ruleTitle},
		// Characters, not bytes: é is two bytes.
		{CreatePost{Post: "post-1", Title: "ééééé", Author: "ines", Body: "x"},
			[]string{"title should be at least 6 character(s)"}, ruleTitle},
		{CreatePost{Post: "post-1", Title: strings.Repeat("é", 60), Author: "ines", Body: "x"}, nil, ruleTitle},
		{CreatePost{Post: "post-1", Title: strings.Repeat("é", 61), Author: "ines", Body: "x"},
			[]string{"title should be at most 60 character(s)"}, ruleTitle},
		{CreatePost{Post: "post-1", Title: "!!! ??? !!!", Author: "ines", Body: "x"},
			[]string{"slug can't be blank"}, ruleSlug},
		{CreatePost{Post: "post-1", Title: "!!!", Author: "ines", Body: "x"},
			[]string{"title should be at least 6 character(s)"}, ruleSlug},
		{CreatePost{Post: "post-1", Title: "Café au lait", Author: "tomás", Body: "x"}, nil, ruleTitle},
		{CreatePost{},
			[]string{"post can't be blank", "title can't be blank", "author can't be blank", "body can't be blank"}, ruleFields},
		{CreatePost{Post: "   ", Title: "      ", Author: " ", Body: "\t\n"},
			[]string{"post can't be blank", "title can't be blank", "author can't be blank", "body can't be blank"}, ruleFields},
		{CreatePost{Post: "post-7", Title: "Spring picnic", Author: "", Body: "Bring a blanket."},
			[]string{"author can't be blank"}, ruleAuthorBody},
		{CreatePost{Post: "post-7", Title: "Spring picnic", Author: "ines", Body: "  "},
			[]string{"body can't be blank"}, ruleAuthorBody},
		{CreatePost{Post: "post-07", Title: " Tea ", Body: "x"},
			[]string{"post has invalid format", "title should be at least 6 character(s)", "author can't be blank"}, ruleFields},
	})
}

func TestPart1FullPostIDs(t *testing.T) {
	ok := []string{"post-1", "post-10", "post-123456"}
	bad := []string{"post-0", "post-07", "Post-7", "post-", "post-7a", " post-7", "post-7 ", "post 7", "post--7", "acc-7", "7"}
	var tests []validateCase
	for _, id := range ok {
		tests = append(tests, validateCase{PublishPost{Post: id}, nil, rulePostFormat})
	}
	for _, id := range bad {
		tests = append(tests, validateCase{PublishPost{Post: id}, []string{"post has invalid format"}, rulePostFormat})
		tests = append(tests, validateCase{DeletePost{Post: id}, []string{"post has invalid format"}, rulePostFormat})
	}
	checkValidate(t, tests)
}

// pinPost is a command the blog does not know (yet).
type pinPost struct {
	Post string
	Days int
}

func (c pinPost) PostID() string    { return c.Post }
func (pinPost) CommandType() string { return "PinPost" }

func TestPart1FullOtherCommands(t *testing.T) {
	checkValidate(t, []validateCase{
		{RenamePost{Post: "post-1", Title: "Spring picnic, moved indoors"}, nil, ruleValid},
		{RenamePost{Post: "post-1", Title: "Tea"}, []string{"title should be at least 6 character(s)"}, ruleTitle},
		{RenamePost{Post: "post-1", Title: "------"}, []string{"slug can't be blank"}, ruleSlug},
		{RenamePost{Post: "post-1", Title: strings.Repeat("ab ", 21)}, []string{"title should be at most 60 character(s)"}, ruleTitle},
		{RenamePost{}, []string{"post can't be blank", "title can't be blank"}, ruleFields},
		{RenamePost{Post: "post-x", Title: "?"}, []string{"post has invalid format", "title should be at least 6 character(s)"}, ruleFields},
		{PublishPost{Post: "post-3"}, nil, ruleValid},
		{PublishPost{}, []string{"post can't be blank"}, rulePostBlank},
		{DeletePost{Post: "post-3"}, nil, ruleValid},
		{DeletePost{Post: " "}, []string{"post can't be blank"}, rulePostBlank},
		{nil, []string{"command is unknown"}, ruleUnknown},
		{pinPost{Post: "post-3", Days: 7}, []string{"command is unknown"}, ruleUnknown},
	})
}
