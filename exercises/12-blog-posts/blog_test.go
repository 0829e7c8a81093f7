//go:build ignore

package blog

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scenario is an aggregate test: Given these events in the store, When
// this command is dispatched, Then these events are recorded, or the
// command is refused with these field errors, as the rule says.
type scenario struct {
	name  string
	given []Event
	when  Command
	then  []Event  // nil: nothing is recorded
	errs  []string // the refusal's field errors, as DescribeFieldErrors writes them
	rule  string   // the chapter's rule the scenario checks, with its day and part
}

// The rules of Part 2, as the chapter states them.
const (
	ruleRecord       = "the blog decides and records events: append with the version you loaded, PostCreated, PostRenamed, PostPublished or PostDeleted" + inPart2
	ruleTrimmed      = "PostCreated has the title and author trimmed of the white space around them, the body as given" + inPart2
	ruleTrimmedTitle = "PostRenamed has the title trimmed of the white space around it" + inPart2
	ruleValidFirst   = "a command with field errors is refused with them, before the store is read" + inPart2
	ruleCreateTaken  = "CreatePost of a post that was ever created, even if deleted since: post has already been taken" + inPart2
	ruleMissing      = "any other command on a post never created: post does not exist" + inPart2
	ruleDeleted      = "a deleted post is gone, so every command on it is refused, deleting it a second time included: post is deleted" + inPart2
	ruleNoChange     = "on a live post, a command that would change nothing records nothing, and is not refused" + inPart2
	ruleSlugTaken    = "CreatePost and RenamePost: slug has already been taken when another live post, draft or published, has the slug of the new title" + inPart2
	ruleSlugFreed    = "only a live post holds its slug: deleted posts free their slug, and renamed posts free their old one" + inPart2
	ruleOwnSlug      = "a post never blocks itself" + inPart2
	ruleOtherWriters = "the slug index must see everything in the store, including what other writers appended" + inPart2
	ruleUnknownCmd   = "a nil command, or one Validate does not know, has one error: field command, is unknown" + inPart1
	ruleRefusal      = "a refusal returns no events, its field errors, and Invalid(errors), which wraps ErrInvalid for errors.Is" + inPart2
)

// storeWith returns a store holding the events, each appended on its own
// to its post's stream.
func storeWith(t *testing.T, events []Event) *EventStore {
	t.Helper()
	store := newStore()
	for _, e := range events {
		_, err := store.Append(e.PostID(), AnyVersion, []Event{e})
		require.NoError(t, err, "given %s", strings.Join(DescribeEvents([]Event{e}), ""))
	}
	return store
}

// describeStore writes what a store holds, for a Given: its events,
// described as DescribeRecorded writes them.
func describeStore(recorded []string) string {
	if len(recorded) == 0 {
		return "an empty store"
	}
	return strings.Join(recorded, "; ")
}

// checkDispatch dispatches one command on a blog over store and checks
// what it returns and what it appends. what is the situation, and rule the
// chapter's rule the command checks.
func checkDispatch(t *testing.T, store *EventStore, blog *Blog, what, rule string, when Command, then []Event, errs []string) {
	t.Helper()
	before := DescribeRecorded(store.ReadAll(1))
	events, fieldErrs, err := blog.Dispatch(when)
	gw := fmt.Sprintf("%s:\nGiven: %s\nWhen: Dispatch(%s)\nThen:", what, describeStore(before), DescribeCommand(when))
	if errs != nil {
		if assert.Error(t, err, "%s it is refused: %s", gw, rule) {
			assert.True(t, errors.Is(err, ErrInvalid), "%s the error wraps ErrInvalid: %s; got %v", gw, ruleRefusal, err)
			assert.Equal(t, Invalid(fieldErrs).Error(), err.Error(), "%s the error is Invalid(the field errors): %s", gw, ruleRefusal)
		}
		assert.Equal(t, errs, DescribeFieldErrors(fieldErrs), "%s the field errors: %s", gw, rule)
		assert.Empty(t, DescribeEvents(events), "%s it returns no events: %s", gw, ruleRefusal)
		assert.Equal(t, before, DescribeRecorded(store.ReadAll(1)), "%s it is refused, so it appends nothing: %s", gw, rule)
		return
	}
	if !assert.NoError(t, err, "%s it is not refused: %s", gw, rule) {
		return
	}
	assert.Empty(t, DescribeFieldErrors(fieldErrs), "%s it succeeds, so it has no field errors: %s", gw, rule)
	assert.Equal(t, DescribeEvents(then), DescribeEvents(events), "%s the events it returns: %s", gw, rule)
	var appended []Event
	for _, r := range store.ReadAll(len(before) + 1) {
		appended = append(appended, r.Event)
	}
	assert.Equal(t, DescribeEvents(then), DescribeEvents(appended), "%s the events it appends: %s", gw, rule)
}

// checkScenarios runs each scenario on a fresh store and blog.
func checkScenarios(t *testing.T, tests []scenario) {
	t.Helper()
	for _, tt := range tests {
		store := storeWith(t, tt.given)
		checkDispatch(t, store, NewBlog(store), tt.name, tt.rule, tt.when, tt.then, tt.errs)
	}
}

// TestPart2Example is the worked example of Part 2: the Quarterly's first
// evening, dispatched one command after the other.
func TestPart2Example(t *testing.T) {
	hello := "Welcome to the Quarterly."
	steps := []struct {
		line string
		then []Event
		errs []string
		why  string // the worked example's words
	}{
		{"create | post-1 | Hello, Kestrel! | ines | " + hello,
			[]Event{PostCreated{Post: "post-1", Title: "Hello, Kestrel!", Author: "ines", Body: hello}}, nil,
			"post-1 is created; its slug is hello-kestrel"},
		{"create | post-2 | Hello kestrel | tomás | A second hello.",
			nil, []string{"slug has already been taken"},
			"Tomás's first post-2 slugs to hello-kestrel too: slug has already been taken"},
		{"create | post-2 | Minutes of the spring meeting | tomás | We met.",
			[]Event{PostCreated{Post: "post-2", Title: "Minutes of the spring meeting", Author: "tomás", Body: "We met."}}, nil,
			"his second try gets through"},
		{"publish | post-1", []Event{PostPublished{Post: "post-1"}}, nil,
			"post-1 is published"},
		{"publish | post-1", nil, nil,
			"publishing it again records nothing and refuses nothing"},
		{"rename | post-3 | A title for nobody", nil, []string{"post does not exist"},
			"post-3 was never created: post does not exist"},
		{"delete | post-1", []Event{PostDeleted{Post: "post-1"}}, nil,
			"post-1 is deleted"},
		{"rename | post-1 | Hello again, Kestrel", nil, []string{"post is deleted"},
			"post-1 is deleted, so renaming it is refused: post is deleted"},
		{"create | post-4 | Hello, Kestrel! | olu | The editor says hello.",
			[]Event{PostCreated{Post: "post-4", Title: "Hello, Kestrel!", Author: "olu", Body: "The editor says hello."}}, nil,
			"the slug of post-1 is free again, and Olu's post-4 takes it"},
		{"rename | post-4 | hello kestrel", []Event{PostRenamed{Post: "post-4", Title: "hello kestrel"}}, nil,
			"renaming post-4 to hello kestrel keeps the same slug, its own, so it is recorded"},
		{"create | post-5 | Tea |  | ",
			nil, []string{"title should be at least 6 character(s)", "author can't be blank", "body can't be blank"},
			"post-5 never reaches the store: title should be at least 6 character(s), author can't be blank, body can't be blank"},
	}
	store := newStore()
	blog := NewBlog(store)
	var lines []string
	for _, step := range steps {
		lines = append(lines, step.line)
		cmd, err := parseCommand(step.line)
		require.NoError(t, err, "parseCommand(%q)", step.line)
		checkDispatch(t, store, blog, "the worked example of Part 2, line "+step.line,
			step.why+inPart2, cmd, step.then, step.errs)
	}
	assert.Equal(t, []string{
		"post-1 v1 @1 PostCreated{Post:post-1 Title:Hello, Kestrel! Author:ines Body:Welcome to the Quarterly.}",
		"post-2 v1 @2 PostCreated{Post:post-2 Title:Minutes of the spring meeting Author:tomás Body:We met.}",
		"post-1 v2 @3 PostPublished{Post:post-1}",
		"post-1 v3 @4 PostDeleted{Post:post-1}",
		"post-4 v1 @5 PostCreated{Post:post-4 Title:Hello, Kestrel! Author:olu Body:The editor says hello.}",
		"post-4 v2 @6 PostRenamed{Post:post-4 Title:hello kestrel}",
	}, DescribeRecorded(store.ReadAll(1)),
		"the store at the end of the worked example: the refused commands and the ones that change nothing append nothing"+inPart2)
	// Refused: 1 + 1 + 1 + 3 = 6 field errors; the store holds 6 events: 6 × 6 = 36.
	assert.Equal(t, 36, part2Answer(lines),
		"part2Answer(the worked example): the number of field errors of all the refused commands, times the number of events in the store at the end, 6 × 6"+inPart2)
}

var (
	picnic  = PostCreated{Post: "post-1", Title: "Spring picnic", Author: "ines", Body: "Bring a blanket."}
	walk    = PostCreated{Post: "post-2", Title: "Autumn walk", Author: "tomás", Body: "Boots."}
	choir   = PostCreated{Post: "post-3", Title: "Choir news", Author: "olu", Body: "We sing."}
	publish = PostPublished{Post: "post-1"}
	deleted = PostDeleted{Post: "post-1"}
)

func TestPart2FullCreate(t *testing.T) {
	checkScenarios(t, []scenario{
		{name: "a new post", rule: ruleRecord,
			when: CreatePost{Post: "post-1", Title: "Spring picnic", Author: "ines", Body: "Bring a blanket."},
			then: []Event{picnic}},
		{name: "title and author are trimmed, the body is not", rule: ruleTrimmed,
			when: CreatePost{Post: "post-1", Title: "  Spring picnic ", Author: " ines  ", Body: "  Bring a blanket.\n"},
			then: []Event{PostCreated{Post: "post-1", Title: "Spring picnic", Author: "ines", Body: "  Bring a blanket.\n"}}},
		{name: "the post exists", rule: ruleCreateTaken,
			given: []Event{picnic},
			when:  CreatePost{Post: "post-1", Title: "Autumn walk", Author: "tomás", Body: "Boots."},
			errs:  []string{"post has already been taken"}},
		{name: "the post was deleted: its id stays taken", rule: ruleCreateTaken,
			given: []Event{picnic, deleted},
			when:  CreatePost{Post: "post-1", Title: "Autumn walk", Author: "tomás", Body: "Boots."},
			errs:  []string{"post has already been taken"}},
		{name: "a draft has the slug", rule: ruleSlugTaken,
			given: []Event{picnic},
			when:  CreatePost{Post: "post-2", Title: "SPRING -- Picnic!", Author: "tomás", Body: "Me too."},
			errs:  []string{"slug has already been taken"}},
		{name: "a published post has the slug", rule: ruleSlugTaken,
			given: []Event{picnic, publish, walk},
			when:  CreatePost{Post: "post-3", Title: "spring picnic", Author: "olu", Body: "Me too."},
			errs:  []string{"slug has already been taken"}},
		{name: "a deleted post had the slug", rule: ruleSlugFreed,
			given: []Event{picnic, publish, deleted},
			when:  CreatePost{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."}}},
		{name: "another post had the slug and was renamed", rule: ruleSlugFreed,
			given: []Event{picnic, PostRenamed{Post: "post-1", Title: "Summer picnic"}},
			when:  CreatePost{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."}}},
		{name: "a slug that only starts like another", rule: ruleSlugTaken,
			given: []Event{picnic},
			when:  CreatePost{Post: "post-2", Title: "Spring picnic 2", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Spring picnic 2", Author: "tomás", Body: "Again."}}},
		{name: "validation comes first", rule: ruleValidFirst,
			given: []Event{picnic},
			when:  CreatePost{Post: "post-1", Title: "Tea", Author: "ines", Body: "x"},
			errs:  []string{"title should be at least 6 character(s)"}},
	})
}

func TestPart2FullRename(t *testing.T) {
	checkScenarios(t, []scenario{
		{name: "a new title", rule: ruleTrimmedTitle,
			given: []Event{picnic},
			when:  RenamePost{Post: "post-1", Title: " Spring picnic, moved indoors "},
			then:  []Event{PostRenamed{Post: "post-1", Title: "Spring picnic, moved indoors"}}},
		{name: "a published post", rule: ruleRecord,
			given: []Event{picnic, publish},
			when:  RenamePost{Post: "post-1", Title: "Summer picnic"},
			then:  []Event{PostRenamed{Post: "post-1", Title: "Summer picnic"}}},
		{name: "the post was never created", rule: ruleMissing,
			given: []Event{picnic},
			when:  RenamePost{Post: "post-2", Title: "Autumn walk"},
			errs:  []string{"post does not exist"}},
		{name: "the post was deleted", rule: ruleDeleted,
			given: []Event{picnic, deleted},
			when:  RenamePost{Post: "post-1", Title: "Autumn walk"},
			errs:  []string{"post is deleted"}},
		{name: "the title it has: nothing to record", rule: ruleNoChange,
			given: []Event{picnic},
			when:  RenamePost{Post: "post-1", Title: "Spring picnic"}},
		{name: "the title it has, with spaces: nothing to record", rule: ruleNoChange,
			given: []Event{picnic, publish},
			when:  RenamePost{Post: "post-1", Title: "  Spring picnic  "}},
		{name: "its own slug, written differently", rule: ruleOwnSlug,
			given: []Event{picnic},
			when:  RenamePost{Post: "post-1", Title: "SPRING PICNIC!"},
			then:  []Event{PostRenamed{Post: "post-1", Title: "SPRING PICNIC!"}}},
		{name: "another live post's slug", rule: ruleSlugTaken,
			given: []Event{picnic, walk},
			when:  RenamePost{Post: "post-2", Title: "Spring: picnic"},
			errs:  []string{"slug has already been taken"}},
		{name: "a deleted post's slug", rule: ruleSlugFreed,
			given: []Event{picnic, walk, deleted},
			when:  RenamePost{Post: "post-2", Title: "Spring: picnic"},
			then:  []Event{PostRenamed{Post: "post-2", Title: "Spring: picnic"}}},
		{name: "the slug another post had before it was renamed", rule: ruleSlugFreed,
			given: []Event{picnic, walk, PostRenamed{Post: "post-2", Title: "Winter walk"}},
			when:  RenamePost{Post: "post-1", Title: "Autumn walk"},
			then:  []Event{PostRenamed{Post: "post-1", Title: "Autumn walk"}}},
		{name: "the slug another post took by renaming", rule: ruleSlugTaken,
			given: []Event{picnic, walk, PostRenamed{Post: "post-2", Title: "Summer picnic"}},
			when:  RenamePost{Post: "post-1", Title: "Summer, picnic"},
			errs:  []string{"slug has already been taken"}},
		{name: "validation comes first", rule: ruleValidFirst,
			when: RenamePost{Post: "post-9", Title: "Tea"},
			errs: []string{"title should be at least 6 character(s)"}},
	})
}

func TestPart2FullPublishAndDelete(t *testing.T) {
	checkScenarios(t, []scenario{
		{name: "publish a draft", rule: ruleRecord, given: []Event{picnic},
			when: PublishPost{Post: "post-1"}, then: []Event{publish}},
		{name: "publish twice: nothing to record", rule: ruleNoChange, given: []Event{picnic, walk, publish},
			when: PublishPost{Post: "post-1"}},
		{name: "publish a post never created", rule: ruleMissing, given: []Event{picnic},
			when: PublishPost{Post: "post-2"}, errs: []string{"post does not exist"}},
		{name: "publish a deleted draft", rule: ruleDeleted, given: []Event{picnic, deleted},
			when: PublishPost{Post: "post-1"}, errs: []string{"post is deleted"}},
		{name: "publish a deleted post", rule: ruleDeleted, given: []Event{picnic, publish, deleted},
			when: PublishPost{Post: "post-1"}, errs: []string{"post is deleted"}},
		{name: "delete a draft", rule: ruleRecord, given: []Event{picnic},
			when: DeletePost{Post: "post-1"}, then: []Event{deleted}},
		{name: "delete a published post", rule: ruleRecord, given: []Event{picnic, walk, publish},
			when: DeletePost{Post: "post-1"}, then: []Event{deleted}},
		{name: "delete a post never created", rule: ruleMissing, given: []Event{walk},
			when: DeletePost{Post: "post-1"}, errs: []string{"post does not exist"}},
		{name: "delete twice", rule: ruleDeleted, given: []Event{picnic, deleted},
			when: DeletePost{Post: "post-1"}, errs: []string{"post is deleted"}},
		{name: "an unknown command", rule: ruleUnknownCmd, given: []Event{picnic},
			when: pinPost{Post: "post-1", Days: 7}, errs: []string{"command is unknown"}},
		{name: "no command", rule: ruleUnknownCmd, when: nil, errs: []string{"command is unknown"}},
	})
}

// TestPart2FullVersions: the events go to the end of the post's stream.
func TestPart2FullVersions(t *testing.T) {
	store := storeWith(t, []Event{picnic, walk, PostRenamed{Post: "post-1", Title: "Summer picnic"}, choir})
	blog := NewBlog(store)
	checkDispatch(t, store, blog, "a post at version 2", ruleRecord, PublishPost{Post: "post-1"}, []Event{publish}, nil)
	checkDispatch(t, store, blog, "a post at version 3", ruleRecord, DeletePost{Post: "post-1"}, []Event{deleted}, nil)
	assert.Equal(t, []string{
		"post-1 v1 @1 PostCreated{Post:post-1 Title:Spring picnic Author:ines Body:Bring a blanket.}",
		"post-1 v2 @3 PostRenamed{Post:post-1 Title:Summer picnic}",
		"post-1 v3 @5 PostPublished{Post:post-1}",
		"post-1 v4 @6 PostDeleted{Post:post-1}",
	}, DescribeRecorded(store.ReadStream("post-1", 1)),
		`ReadStream("post-1", 1): the events go to the end of the post's stream, appended with the version loaded`+inPart2)
}

// TestPart2FullOtherWriters: others append to the store between commands
// (an import of the old newsletter, an editor's tool); the blog must see
// their posts, and their renames and deletions, when it checks a slug.
func TestPart2FullOtherWriters(t *testing.T) {
	store := storeWith(t, []Event{picnic})
	blog := NewBlog(store)
	checkDispatch(t, store, blog, "a blog over a store that has posts already", ruleOtherWriters,
		CreatePost{Post: "post-5", Title: "Spring, picnic", Author: "ada", Body: "x"}, nil, []string{"slug has already been taken"})
	checkDispatch(t, store, blog, "a first post of its own", ruleRecord,
		CreatePost{Post: "post-2", Title: "Autumn walk", Author: "tomás", Body: "Boots."}, []Event{walk}, nil)

	_, err := store.Append("post-3", NoStream, []Event{choir})
	require.NoError(t, err, "another writer creates post-3")
	checkDispatch(t, store, blog, "after another writer created post-3", ruleOtherWriters,
		CreatePost{Post: "post-4", Title: "Choir: news!", Author: "ada", Body: "x"}, nil, []string{"slug has already been taken"})
	checkDispatch(t, store, blog, "after another writer created post-3", ruleOtherWriters,
		RenamePost{Post: "post-3", Title: "Choir news, again"}, []Event{PostRenamed{Post: "post-3", Title: "Choir news, again"}}, nil)

	_, err = store.Append("post-1", 1, []Event{deleted})
	require.NoError(t, err, "another writer deletes post-1")
	checkDispatch(t, store, blog, "after another writer deleted post-1", ruleOtherWriters,
		RenamePost{Post: "post-2", Title: "Spring picnic"}, []Event{PostRenamed{Post: "post-2", Title: "Spring picnic"}}, nil)

	_, err = store.Append("post-3", 2, []Event{PostRenamed{Post: "post-3", Title: "Autumn walk"}})
	require.NoError(t, err, "another writer renames post-3")
	checkDispatch(t, store, blog, "after another writer renamed post-3", ruleOtherWriters,
		CreatePost{Post: "post-4", Title: "Choir news", Author: "ada", Body: "x"},
		[]Event{PostCreated{Post: "post-4", Title: "Choir news", Author: "ada", Body: "x"}}, nil)
	checkDispatch(t, store, blog, "after another writer renamed post-3", ruleOtherWriters,
		CreatePost{Post: "post-6", Title: "AUTUMN WALK", Author: "ada", Body: "x"}, nil, []string{"slug has already been taken"})
}
