//go:build ignore

package blog

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The tests write stored events as lines, the way the puzzle's archive
// does: the stream, the event's type, its schema and its JSON.
//
//	post-7 PostCreated 1 {"post":"post-7","title":"Rates!","author":"tomás","body":"Up in May."}

// errBadLine: a line that is not in the expected format.
var errBadLine = errors.New("bad line")

// parseStored reads one line of an archive.
func parseStored(line string) (string, StoredEvent, error) {
	parts := strings.SplitN(line, " ", 4)
	if len(parts) != 4 {
		return "", StoredEvent{}, fmt.Errorf("%q: %w", line, errBadLine)
	}
	schema, err := strconv.Atoi(parts[2])
	if err != nil {
		return "", StoredEvent{}, fmt.Errorf("%q: %w", line, errBadLine)
	}
	return parts[0], StoredEvent{Type: parts[1], Schema: schema, Data: []byte(parts[3])}, nil
}

// stored is parseStored without the stream, for a test's own lines.
func stored(t *testing.T, line string) StoredEvent {
	t.Helper()
	_, e, err := parseStored(line)
	require.NoError(t, err)
	return e
}

// current writes an event as a line in its current schema, with Encode.
func current(e Event) string {
	s, err := Encode(e)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%s %s %d %s", e.PostID(), s.Type, s.Schema, s.Data)
}

// launch is when this year's blog went live, and when every test's clock
// starts.
var launch = time.Date(2025, time.April, 2, 8, 0, 0, 0, time.UTC)

// newStore returns an empty store whose clock starts at launch and moves on
// a minute per append.
func newStore() *JSONStore {
	return NewJSONStore(&StepClock{T: launch, Step: time.Minute})
}

// archiveOf returns a store holding the lines, each appended on its own to
// its stream, whatever the stream's version.
func archiveOf(lines []string) *JSONStore {
	store := newStore()
	for _, line := range lines {
		stream, e, err := parseStored(line)
		if err != nil {
			panic(err)
		}
		if _, err := store.Append(stream, AnyVersion, []StoredEvent{e}); err != nil {
			panic(err)
		}
	}
	return store
}

// canonical writes JSON with its object keys sorted and no spaces, so that
// two ways of writing the same document compare equal.
func canonical(data []byte) string {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return "invalid JSON: " + string(data)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return "unmarshalable: " + string(data)
	}
	return string(out)
}

// describeCanonical writes a stored event as DescribeStored does, with its
// JSON made canonical.
func describeCanonical(e StoredEvent) string {
	return fmt.Sprintf("%s/%d %s", e.Type, e.Schema, canonical(e.Data))
}

// describePost writes a post with all its fields.
func describePost(p Post) string {
	return fmt.Sprintf("%+v", p)
}

// parseCommand reads one line of a command log, as in chapter 12: the kind
// and the fields, separated by "|" and trimmed.
func parseCommand(line string) (Command, error) {
	parts := strings.Split(line, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case parts[0] == "create" && len(parts) == 5:
		return CreatePost{Post: parts[1], Title: parts[2], Author: parts[3], Body: parts[4]}, nil
	case parts[0] == "rename" && len(parts) == 3:
		return RenamePost{Post: parts[1], Title: parts[2]}, nil
	case parts[0] == "publish" && len(parts) == 2:
		return PublishPost{Post: parts[1]}, nil
	case parts[0] == "delete" && len(parts) == 2:
		return DeletePost{Post: parts[1]}, nil
	}
	return nil, fmt.Errorf("%q: %w", line, errBadLine)
}

// pinPost is a command the blog does not know, with a shape of its own.
type pinPost struct {
	Post string
	Days int
}

func (c pinPost) PostID() string      { return c.Post }
func (c pinPost) CommandType() string { return "PinPost" }
