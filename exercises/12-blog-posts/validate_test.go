//go:build ignore

package blog

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validateCase is a command and the field errors Validate finds in it,
// written as DescribeFieldErrors writes them.
type validateCase struct {
	cmd  Command
	want []string
}

// checkValidate validates each case's command.
func checkValidate(t *testing.T, tests []validateCase) {
	t.Helper()
	for _, tt := range tests {
		got := Validate(tt.cmd)
		if len(tt.want) == 0 {
			assert.Empty(t, DescribeFieldErrors(got), "Validate(%s) finds no problem", DescribeCommand(tt.cmd))
			continue
		}
		assert.Equal(t, tt.want, DescribeFieldErrors(got), "Validate(%s)", DescribeCommand(tt.cmd))
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
	var tests []validateCase
	for i, line := range lines {
		cmd, err := parseCommand(line)
		require.NoError(t, err, "parseCommand(%q)", line)
		tests = append(tests, validateCase{cmd: cmd, want: want[i]})
	}
	checkValidate(t, tests)
	// Line 2 has 1 error, line 3 has 4, line 5 has 1:
	// 2 × 1 + 3 × 4 + 5 × 1 = 2 + 12 + 5 = 19.
	assert.Equal(t, 19, part1Answer(lines), "part1Answer(%q)", lines)
}

func TestPart1FullCreatePost(t *testing.T) {
	checkValidate(t, []validateCase{
		{CreatePost{Post: "post-1", Title: "Spring picnic", Author: "ines", Body: "Bring a blanket."}, nil},
		{CreatePost{Post: "post-1", Title: "Picnic", Author: "ines", Body: "x"}, nil},
		{CreatePost{Post: "post-1", Title: "  Kite!  ", Author: "ines", Body: "x"},
			[]string{"title should be at least 6 character(s)"}},
		{CreatePost{Post: "post-1", Title: "  Picnic  ", Author: "ines", Body: "x"}, nil},
		{CreatePost{Post: "post-1", Title: strings.Repeat("a", 60), Author: "ines", Body: "x"}, nil},
		{CreatePost{Post: "post-1", Title: strings.Repeat("a", 61), Author: "ines", Body: "x"},
			[]string{"title should be at most 60 character(s)"}},
		{CreatePost{Post: "post-1", Title: " " + strings.Repeat("a", 60) + "  ", Author: "ines", Body: "x"}, nil},
		// Characters, not bytes: é is two bytes.
		{CreatePost{Post: "post-1", Title: "ééééé", Author: "ines", Body: "x"},
			[]string{"title should be at least 6 character(s)"}},
		{CreatePost{Post: "post-1", Title: strings.Repeat("é", 60), Author: "ines", Body: "x"}, nil},
		{CreatePost{Post: "post-1", Title: strings.Repeat("é", 61), Author: "ines", Body: "x"},
			[]string{"title should be at most 60 character(s)"}},
		{CreatePost{Post: "post-1", Title: "!!! ??? !!!", Author: "ines", Body: "x"},
			[]string{"slug can't be blank"}},
		{CreatePost{Post: "post-1", Title: "!!!", Author: "ines", Body: "x"},
			[]string{"title should be at least 6 character(s)"}},
		{CreatePost{Post: "post-1", Title: "Café au lait", Author: "tomás", Body: "x"}, nil},
		{CreatePost{},
			[]string{"post can't be blank", "title can't be blank", "author can't be blank", "body can't be blank"}},
		{CreatePost{Post: "   ", Title: "      ", Author: " ", Body: "\t\n"},
			[]string{"post can't be blank", "title can't be blank", "author can't be blank", "body can't be blank"}},
		{CreatePost{Post: "post-7", Title: "Spring picnic", Author: "", Body: "Bring a blanket."},
			[]string{"author can't be blank"}},
		{CreatePost{Post: "post-7", Title: "Spring picnic", Author: "ines", Body: "  "},
			[]string{"body can't be blank"}},
		{CreatePost{Post: "post-07", Title: " Tea ", Body: "x"},
			[]string{"post has invalid format", "title should be at least 6 character(s)", "author can't be blank"}},
	})
}

func TestPart1FullPostIDs(t *testing.T) {
	ok := []string{"post-1", "post-10", "post-123456"}
	bad := []string{"post-0", "post-07", "Post-7", "post-", "post-7a", " post-7", "post-7 ", "post 7", "post--7", "acc-7", "7"}
	var tests []validateCase
	for _, id := range ok {
		tests = append(tests, validateCase{PublishPost{Post: id}, nil})
	}
	for _, id := range bad {
		tests = append(tests, validateCase{PublishPost{Post: id}, []string{"post has invalid format"}})
		tests = append(tests, validateCase{DeletePost{Post: id}, []string{"post has invalid format"}})
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
		{RenamePost{Post: "post-1", Title: "Spring picnic, moved indoors"}, nil},
		{RenamePost{Post: "post-1", Title: "Tea"}, []string{"title should be at least 6 character(s)"}},
		{RenamePost{Post: "post-1", Title: "------"}, []string{"slug can't be blank"}},
		{RenamePost{Post: "post-1", Title: strings.Repeat("ab ", 21)}, []string{"title should be at most 60 character(s)"}},
		{RenamePost{}, []string{"post can't be blank", "title can't be blank"}},
		{RenamePost{Post: "post-x", Title: "?"}, []string{"post has invalid format", "title should be at least 6 character(s)"}},
		{PublishPost{Post: "post-3"}, nil},
		{PublishPost{}, []string{"post can't be blank"}},
		{DeletePost{Post: "post-3"}, nil},
		{DeletePost{Post: " "}, []string{"post can't be blank"}},
		{nil, []string{"command is unknown"}},
		{pinPost{Post: "post-3", Days: 7}, []string{"command is unknown"}},
	})
}
