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

// scenario is an aggregate test: Given these stored events (lines, of any
// schema), When this command is dispatched, Then these events are
// recorded, or the command is refused with these field errors, as the
// rule says.
type scenario struct {
	name  string
	given []string
	when  Command
	then  []Event  // nil: nothing is recorded
	errs  []string // the refusal's field errors, as DescribeFieldErrors writes them
	rule  string   // the chapter's rule the scenario checks, with its day and part
}

// The rules of Part 2, as the chapter states them.
const (
	ruleValidFirst   = "validate with the given Validate: titles of new commands need 8 characters now, and only CreatePost checks that its title makes a slug; a command with field errors is refused with them, before the store is read" + inPart2
	ruleUnknownCmd   = "a nil or unknown command has one field error, command is unknown, and is refused before the store is read" + inPart2
	ruleLoadFails    = "if LoadPost fails, Dispatch returns its error, with no events and no field errors, and appends nothing: the command is not invalid, the store holds what this code cannot read" + inPart2
	ruleCreateTaken  = "CreatePost of a post that was ever created, even if deleted since: post has already been taken" + inPart2
	ruleSlugTaken    = "only then the slug: slug has already been taken when another live post has Slugify(title) as its events recorded it" + inPart2
	ruleSlugFromEvts = "the slug index is folded from decoded events: the slug comes from each event, never from a title" + inPart2
	ruleMissing      = "any other command on a post never created: post does not exist" + inPart2
	ruleDeleted      = "on a deleted post: post is deleted" + inPart2
	ruleNoChange     = "publishing a published post, or renaming a post to the title it has (after trimming), records nothing and is not refused" + inPart2
	ruleRenameKeeps  = "RenamePost keeps the slug, so it has no slug check: a rename cannot take anyone's slug" + inPart2
	ruleCreated      = "PostCreated records the slug, Slug: Slugify(title), with the title and author trimmed and the body as given" + inPart2
	ruleRenamed      = "PostRenamed records the slug the post has, Slug: post.Slug, with the title trimmed" + inPart2
	ruleAppend       = "append the new events, each written with Encode, at the version you loaded" + inPart2
	ruleNoRejudge    = "nothing re-judges the archive: an old post with a six-character title loads, publishes and is deleted like any other" + inPart2
	ruleOldServer    = "last year's server appends its schema 1 events behind the blog's back: the slug index must see them, upcast" + inPart2
	ruleUntrusted    = "if an event in the store cannot be decoded, the index cannot be trusted past it: a CreatePost then returns that error, and keeps returning it" + inPart2
	ruleStoreRefuses = "append at the version you loaded: return the store's error if it refuses the append" + inPart2
	ruleRefusal      = "a refusal returns no events, its field errors, and Invalid(errors), which wraps ErrInvalid" + inPart2
	ruleOldUntouched = "the old lines stay untouched, and new ones are in the current schema" + inPart2
)

// describeStore writes what a store holds, for a Given: its records, as
// DescribeRecords writes them.
func describeStore(records []string) string {
	if len(records) == 0 {
		return "an empty store"
	}
	return strings.Join(records, "; ")
}

// checkDispatch dispatches one command on a blog over store and checks
// what it returns and what it appends, and that what was stored before
// stays as it was. what is the situation, and rule the chapter's rule the
// command checks.
func checkDispatch(t *testing.T, store *JSONStore, blog *Blog, what, rule string, when Command, then []Event, errs []string) {
	t.Helper()
	before := DescribeRecords(store.ReadAll(1))
	events, fieldErrs, err := blog.Dispatch(when)
	gw := fmt.Sprintf("%s:\nGiven: %s\nWhen: Dispatch(%s)\nThen:", what, describeStore(before), DescribeCommand(when))
	after := DescribeRecords(store.ReadAll(1))
	if len(after) >= len(before) {
		assert.Equal(t, before, after[:len(before)], "%s the events stored before stay as they were written: %s", gw, ruleOldUntouched)
	}
	if errs != nil {
		if assert.Error(t, err, "%s it is refused: %s", gw, rule) {
			assert.True(t, errors.Is(err, ErrInvalid), "%s the error wraps ErrInvalid: %s; got %v", gw, ruleRefusal, err)
			assert.Equal(t, Invalid(fieldErrs).Error(), err.Error(), "%s the error is Invalid(the field errors): %s", gw, ruleRefusal)
		}
		assert.Equal(t, errs, DescribeFieldErrors(fieldErrs), "%s the field errors: %s", gw, rule)
		assert.Empty(t, DescribeEvents(events), "%s it returns no events: %s", gw, ruleRefusal)
		assert.Equal(t, before, after, "%s it is refused, so it appends nothing: %s", gw, rule)
		return
	}
	if !assert.NoError(t, err, "%s it is not refused: %s", gw, rule) {
		return
	}
	assert.Empty(t, DescribeFieldErrors(fieldErrs), "%s it succeeds, so it has no field errors: %s", gw, rule)
	assert.Equal(t, DescribeEvents(then), DescribeEvents(events), "%s the events it returns: %s", gw, rule)
	var want, got []string
	for _, e := range then {
		s, err := Encode(e)
		require.NoError(t, err, "Encode(%s)", strings.Join(DescribeEvents([]Event{e}), ""))
		want = append(want, describeCanonical(s))
	}
	for _, r := range store.ReadAll(len(before) + 1) {
		got = append(got, describeCanonical(r.Event))
	}
	assert.Equal(t, want, got, "%s the events it appends, in their current schema: %s", gw, rule)
}

// checkScenarios runs each scenario on a fresh store and blog.
func checkScenarios(t *testing.T, tests []scenario) {
	t.Helper()
	for _, tt := range tests {
		store := archiveOf(tt.given)
		checkDispatch(t, store, NewBlog(store), tt.name, tt.rule, tt.when, tt.then, tt.errs)
	}
}

// TestPart2Example is the worked example of Part 2: this year's code and
// rules, on last year's archive.
func TestPart2Example(t *testing.T) {
	history := []string{
		`post-1 PostCreated 1 {"post":"post-1","title":"Rates!","author":"tomás","body":"They go up in May."}`,
		`post-2 PostCreated 1 {"post":"post-2","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
		`post-2 PostRenamed 1 {"post":"post-2","title":"Summer picnic"}`,
	}
	steps := []struct {
		line string
		then []Event
		errs []string
		why  string // the worked example's words
	}{
		// Rates! has 6 characters: a fact of last year, not checked again.
		{"publish | post-1", []Event{PostPublished{Post: "post-1"}}, nil,
			"Rates! has 6 characters, a fact of last year: post-1 is published without a word"},
		// Rates has 5 characters: a new title needs at least 8.
		{"rename | post-1 | Rates", nil, []string{"title should be at least 8 character(s)"},
			"Rates has 5: title should be at least 8 character(s)"},
		{"rename | post-1 | New rates for May",
			[]Event{PostRenamed{Post: "post-1", Title: "New rates for May", Slug: "rates"}}, nil,
			"New rates for May is recorded with the slug post-1 has, rates"},
		{"create | post-3 | Spring picnic | ada | Who brings the tea?",
			[]Event{PostCreated{Post: "post-3", Title: "Spring picnic", Slug: "spring-picnic", Author: "ada", Body: "Who brings the tea?"}}, nil,
			"last year's rename moved post-2 to summer-picnic, so spring-picnic is free, and post-3 takes it"},
		{"create | post-4 | Summer picnic! | olu | Me too.", nil, []string{"slug has already been taken"},
			"Summer picnic! slugs to summer-picnic, which post-2 has: slug has already been taken"},
		{"create | post-4 | Rates... | olu | Again.", nil, []string{"slug has already been taken"},
			"Rates... slugs to rates; no title says Rates any more, but post-1's address does: slug has already been taken"},
		{"rename | post-3 | Summer picnic",
			[]Event{PostRenamed{Post: "post-3", Title: "Summer picnic", Slug: "spring-picnic"}}, nil,
			"post-3 may be called Summer picnic too: titles may repeat; its slug stays spring-picnic"},
	}
	store := archiveOf(history)
	blog := NewBlog(store)
	var lines []string
	for _, step := range steps {
		lines = append(lines, step.line)
		cmd, err := parseCommand(step.line)
		require.NoError(t, err, "parseCommand(%q)", step.line)
		checkDispatch(t, store, blog, "the worked example of Part 2, line "+step.line, step.why+inPart2, cmd, step.then, step.errs)
	}
	assert.Equal(t, []string{
		`post-1 v1 @1 PostCreated/1 {"post":"post-1","title":"Rates!","author":"tomás","body":"They go up in May."}`,
		`post-2 v1 @2 PostCreated/1 {"post":"post-2","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
		`post-2 v2 @3 PostRenamed/1 {"post":"post-2","title":"Summer picnic"}`,
		`post-1 v2 @4 PostPublished/1 {"post":"post-1"}`,
		`post-1 v3 @5 PostRenamed/2 {"post":"post-1","title":"New rates for May","slug":"rates"}`,
		`post-3 v1 @6 PostCreated/2 {"post":"post-3","title":"Spring picnic","slug":"spring-picnic","author":"ada","body":"Who brings the tea?"}`,
		`post-3 v2 @7 PostRenamed/2 {"post":"post-3","title":"Summer picnic","slug":"spring-picnic"}`,
	}, DescribeRecords(store.ReadAll(1)), "the store at the end of the worked example: "+ruleOldUntouched)
	// Refused: 1 + 1 + 1 = 3 field errors; the store holds 7 events: 3 × 7 = 21.
	assert.Equal(t, 21, part2Answer(history, lines),
		"part2Answer(the worked example): the number of field errors of all the refused commands, times the number of events in the store at the end"+inPart2)
}

// Last year's events, as last year's code stored them.
const (
	oldPicnic  = `post-1 PostCreated 1 {"post":"post-1","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`
	oldRates   = `post-2 PostCreated 1 {"post":"post-2","title":"Rates!","author":"tomás","body":"Up in May."}`
	oldRenamed = `post-1 PostRenamed 1 {"post":"post-1","title":"Summer picnic"}`
	oldDeleted = `post-1 PostDeleted 1 {"post":"post-1"}`
	oldWalk    = `post-3 PostCreated 1 {"post":"post-3","title":"Autumn walk","author":"olu","body":"Boots."}`
)

func TestPart2FullCreate(t *testing.T) {
	checkScenarios(t, []scenario{
		{name: "a new post stores its slug", rule: ruleCreated,
			when: CreatePost{Post: "post-1", Title: "  Spring picnic ", Author: " ines ", Body: " Bring a blanket.\n"},
			then: []Event{PostCreated{Post: "post-1", Title: "Spring picnic", Slug: "spring-picnic", Author: "ines", Body: " Bring a blanket.\n"}}},
		{name: "a title of 7 characters is too short now", rule: ruleValidFirst,
			when: CreatePost{Post: "post-1", Title: "Regatta", Author: "olu", Body: "Boats."},
			errs: []string{"title should be at least 8 character(s)"}},
		{name: "a title of 8 characters is fine", rule: ruleValidFirst,
			when: CreatePost{Post: "post-1", Title: "Regattas", Author: "olu", Body: "Boats."},
			then: []Event{PostCreated{Post: "post-1", Title: "Regattas", Slug: "regattas", Author: "olu", Body: "Boats."}}},
		{name: "a post created last year has the slug of its title", rule: ruleSlugTaken,
			given: []string{oldPicnic},
			when:  CreatePost{Post: "post-2", Title: "SPRING PICNIC", Author: "tomás", Body: "Me too."},
			errs:  []string{"slug has already been taken"}},
		{name: "a post renamed last year took its new title's slug", rule: ruleSlugFromEvts,
			given: []string{oldPicnic, oldRenamed},
			when:  CreatePost{Post: "post-2", Title: "Summer picnic!", Author: "tomás", Body: "Me too."},
			errs:  []string{"slug has already been taken"}},
		{name: "and freed its old one", rule: ruleSlugFromEvts,
			given: []string{oldPicnic, oldRenamed},
			when:  CreatePost{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Spring picnic", Slug: "spring-picnic", Author: "tomás", Body: "Again."}}},
		{name: "a post renamed this year keeps its slug", rule: ruleSlugFromEvts,
			given: []string{oldPicnic, current(PostRenamed{Post: "post-1", Title: "Summer picnic", Slug: "spring-picnic"})},
			when:  CreatePost{Post: "post-2", Title: "Spring, picnic", Author: "tomás", Body: "Again."},
			errs:  []string{"slug has already been taken"}},
		{name: "so its new title's slug is free", rule: ruleSlugFromEvts,
			given: []string{oldPicnic, current(PostRenamed{Post: "post-1", Title: "Summer picnic", Slug: "spring-picnic"})},
			when:  CreatePost{Post: "post-2", Title: "Summer picnic", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Summer picnic", Slug: "summer-picnic", Author: "tomás", Body: "Again."}}},
		{name: "a slug is what was stored, not what the title says", rule: ruleSlugFromEvts,
			given: []string{current(PostCreated{Post: "post-1", Title: "Spring picnic", Slug: "picnic", Author: "olu", Body: "x"})},
			when:  CreatePost{Post: "post-2", Title: "Picnic!!", Author: "tomás", Body: "Again."},
			errs:  []string{"slug has already been taken"}},
		{name: "a slug is what was stored: the title's own is free", rule: ruleSlugFromEvts,
			given: []string{current(PostCreated{Post: "post-1", Title: "Spring picnic", Slug: "picnic", Author: "olu", Body: "x"})},
			when:  CreatePost{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Spring picnic", Slug: "spring-picnic", Author: "tomás", Body: "Again."}}},
		{name: "a deleted post frees its slug", rule: ruleSlugTaken,
			given: []string{oldPicnic, oldDeleted},
			when:  CreatePost{Post: "post-2", Title: "Spring picnic", Author: "tomás", Body: "Again."},
			then:  []Event{PostCreated{Post: "post-2", Title: "Spring picnic", Slug: "spring-picnic", Author: "tomás", Body: "Again."}}},
		{name: "a post id from last year stays taken, even deleted", rule: ruleCreateTaken,
			given: []string{oldPicnic, oldDeleted},
			when:  CreatePost{Post: "post-1", Title: "Autumn walk", Author: "olu", Body: "Boots."},
			errs:  []string{"post has already been taken"}},
		{name: "a new post's title must make a slug", rule: ruleValidFirst,
			when: CreatePost{Post: "post-1", Title: "!!!!!!!!!!", Author: "olu", Body: "x"},
			errs: []string{"slug can't be blank"}},
		{name: "validation comes first", rule: ruleValidFirst,
			given: []string{oldPicnic},
			when:  CreatePost{Post: "post-1", Title: "Teatime", Author: "ines", Body: "x"},
			errs:  []string{"title should be at least 8 character(s)"}},
	})
}

func TestPart2FullRename(t *testing.T) {
	checkScenarios(t, []scenario{
		{name: "an old post with a short title gets a longer one, and keeps its slug", rule: ruleRenamed,
			given: []string{oldRates},
			when:  RenamePost{Post: "post-2", Title: " Rates go up in May "},
			then:  []Event{PostRenamed{Post: "post-2", Title: "Rates go up in May", Slug: "rates"}}},
		{name: "a new title of 7 characters", rule: ruleValidFirst,
			given: []string{oldRates},
			when:  RenamePost{Post: "post-2", Title: "Rates!!"},
			errs:  []string{"title should be at least 8 character(s)"}},
		{name: "the short title it has: validation comes first", rule: ruleValidFirst,
			given: []string{oldRates},
			when:  RenamePost{Post: "post-2", Title: "Rates!"},
			errs:  []string{"title should be at least 8 character(s)"}},
		{name: "the title it has: nothing to record", rule: ruleNoChange,
			given: []string{oldPicnic, oldRenamed},
			when:  RenamePost{Post: "post-1", Title: " Summer picnic "}},
		{name: "a post renamed last year keeps the slug it moved to", rule: ruleRenamed,
			given: []string{oldPicnic, oldRenamed},
			when:  RenamePost{Post: "post-1", Title: "Autumn picnic"},
			then:  []Event{PostRenamed{Post: "post-1", Title: "Autumn picnic", Slug: "summer-picnic"}}},
		{name: "a post renamed this year keeps its first slug", rule: ruleRenamed,
			given: []string{oldPicnic, current(PostRenamed{Post: "post-1", Title: "Summer picnic", Slug: "spring-picnic"})},
			when:  RenamePost{Post: "post-1", Title: "Autumn picnic"},
			then:  []Event{PostRenamed{Post: "post-1", Title: "Autumn picnic", Slug: "spring-picnic"}}},
		{name: "another post's slug in the title is no conflict: the slug does not change", rule: ruleRenameKeeps,
			given: []string{oldPicnic, oldWalk},
			when:  RenamePost{Post: "post-3", Title: "Spring picnic"},
			then:  []Event{PostRenamed{Post: "post-3", Title: "Spring picnic", Slug: "autumn-walk"}}},
		{name: "a title without a letter or digit: the slug does not change, so it needs none", rule: ruleValidFirst,
			given: []string{oldWalk},
			when:  RenamePost{Post: "post-3", Title: " !!!!!!!!!! "},
			then:  []Event{PostRenamed{Post: "post-3", Title: "!!!!!!!!!!", Slug: "autumn-walk"}}},
		{name: "a title without a letter or digit still meets the title rules", rule: ruleValidFirst,
			given: []string{oldWalk},
			when:  RenamePost{Post: "post-3", Title: "!!!!!!!"},
			errs:  []string{"title should be at least 8 character(s)"}},
		{name: "the post was never created", rule: ruleMissing,
			given: []string{oldPicnic},
			when:  RenamePost{Post: "post-2", Title: "Autumn walk"},
			errs:  []string{"post does not exist"}},
		{name: "the post was deleted", rule: ruleDeleted,
			given: []string{oldPicnic, oldDeleted},
			when:  RenamePost{Post: "post-1", Title: "Autumn walk"},
			errs:  []string{"post is deleted"}},
	})

	// The post renamed to a title without a slug of its own keeps its
	// address: its slug stays taken, and it still loads with it.
	store := archiveOf([]string{oldWalk})
	blog := NewBlog(store)
	checkDispatch(t, store, blog, "post-3 renamed", ruleRenameKeeps, RenamePost{Post: "post-3", Title: "!!!!!!!!!!"},
		[]Event{PostRenamed{Post: "post-3", Title: "!!!!!!!!!!", Slug: "autumn-walk"}}, nil)
	checkDispatch(t, store, blog, "after post-3 was renamed to !!!!!!!!!!", ruleSlugFromEvts,
		CreatePost{Post: "post-4", Title: "Autumn walk?", Author: "olu", Body: "Boots."}, nil, []string{"slug has already been taken"})
	post, err := LoadPost(store, "post-3")
	require.NoError(t, err, "LoadPost(post-3) after its rename to !!!!!!!!!!: "+ruleLoad)
	assert.Equal(t, "!!!!!!!!!! autumn-walk", post.Title+" "+post.Slug, "post-3's title and slug after the rename to !!!!!!!!!!: "+ruleRenamed)
}

func TestPart2FullPublishAndDelete(t *testing.T) {
	published := `post-2 PostPublished 1 {"post":"post-2"}`
	checkScenarios(t, []scenario{
		{name: "publish an old post with a short title", rule: ruleNoRejudge, given: []string{oldRates},
			when: PublishPost{Post: "post-2"}, then: []Event{PostPublished{Post: "post-2"}}},
		{name: "publish twice: nothing to record", rule: ruleNoChange, given: []string{oldRates, published},
			when: PublishPost{Post: "post-2"}},
		{name: "delete an old post with a short title", rule: ruleNoRejudge, given: []string{oldRates, published},
			when: DeletePost{Post: "post-2"}, then: []Event{PostDeleted{Post: "post-2"}}},
		{name: "publish a post never created", rule: ruleMissing, given: []string{oldRates},
			when: PublishPost{Post: "post-1"}, errs: []string{"post does not exist"}},
		{name: "publish a post deleted last year", rule: ruleDeleted, given: []string{oldPicnic, oldDeleted},
			when: PublishPost{Post: "post-1"}, errs: []string{"post is deleted"}},
		{name: "delete twice", rule: ruleDeleted, given: []string{oldPicnic, oldDeleted},
			when: DeletePost{Post: "post-1"}, errs: []string{"post is deleted"}},
		{name: "an unknown command", rule: ruleUnknownCmd, given: []string{oldPicnic},
			when: pinPost{Post: "post-1", Days: 7}, errs: []string{"command is unknown"}},
		{name: "no command", rule: ruleUnknownCmd, when: nil, errs: []string{"command is unknown"}},
	})
}

// TestPart2FullUnknownSchema: a post whose stream holds an event of a
// schema newer than this code cannot be loaded, so no command on it can be
// decided: Dispatch returns the error, with no field errors, and appends
// nothing.
func TestPart2FullUnknownSchema(t *testing.T) {
	store := archiveOf([]string{
		oldPicnic,
		`post-1 PostRenamed 3 {"post":"post-1","title":"Spring picnic","slug":"spring-picnic","subtitle":"Bring a blanket"}`,
	})
	before := DescribeRecords(store.ReadAll(1))
	events, fieldErrs, err := NewBlog(store).Dispatch(PublishPost{Post: "post-1"})
	gw := "Given: " + describeStore(before) + "\nWhen: Dispatch(PublishPost{Post:post-1}), on a stream with a schema 3 event\nThen: "
	assert.True(t, errors.Is(err, ErrUnknownSchema), "%sthe error wraps ErrUnknownSchema: %s; got %v", gw, ruleLoadFails, err)
	assert.False(t, errors.Is(err, ErrInvalid), gw+"the error does not wrap ErrInvalid: "+ruleLoadFails)
	assert.Empty(t, DescribeFieldErrors(fieldErrs), gw+"no field errors: "+ruleLoadFails)
	assert.Empty(t, DescribeEvents(events), gw+"no events: "+ruleLoadFails)
	assert.Equal(t, before, DescribeRecords(store.ReadAll(1)), gw+"nothing appended: "+ruleLoadFails)
}

// TestPart2FullUnknownSchemaElsewhere: an event of another post that this
// code cannot decode leaves the slug index untrustworthy past it, so a
// CreatePost returns that error, and keeps returning it, rather than hand
// out a slug that may be taken.
func TestPart2FullUnknownSchemaElsewhere(t *testing.T) {
	// Given an archive in which post-1 was renamed in a schema newer than
	// this code,
	store := archiveOf([]string{
		oldPicnic,
		`post-1 PostRenamed 3 {"post":"post-1","title":"Summer fete","slug":"summer-fete"}`,
	})
	blog := NewBlog(store)
	before := DescribeRecords(store.ReadAll(1))
	cmd := CreatePost{Post: "post-2", Title: "Summer fete", Author: "ada", Body: "x"}
	for try := 1; try <= 2; try++ {
		// when a new post is created, twice,
		events, fieldErrs, err := blog.Dispatch(cmd)
		// then each time it is refused with that event's error.
		gw := fmt.Sprintf("Given: %s\nWhen: Dispatch(%s), try %d\nThen: ", describeStore(before), DescribeCommand(cmd), try)
		assert.True(t, errors.Is(err, ErrUnknownSchema), "%sthe error wraps ErrUnknownSchema: %s; got %v", gw, ruleUntrusted, err)
		assert.Empty(t, DescribeFieldErrors(fieldErrs), gw+"no field errors: "+ruleUntrusted)
		assert.Empty(t, DescribeEvents(events), gw+"no events: "+ruleUntrusted)
	}
	assert.Equal(t, before, DescribeRecords(store.ReadAll(1)), "nothing appended after the refused CreatePost: "+ruleUntrusted)
}

// TestPart2FullVersions: new events go to the end of old streams, in the
// current schema, and the old events stay as they were written.
func TestPart2FullVersions(t *testing.T) {
	store := archiveOf([]string{oldPicnic, oldRates, oldRenamed, oldWalk})
	blog := NewBlog(store)
	checkDispatch(t, store, blog, "a post at version 2", ruleAppend, RenamePost{Post: "post-1", Title: "Summer picnic, moved indoors"},
		[]Event{PostRenamed{Post: "post-1", Title: "Summer picnic, moved indoors", Slug: "summer-picnic"}}, nil)
	checkDispatch(t, store, blog, "a post at version 3", ruleAppend, DeletePost{Post: "post-1"}, []Event{PostDeleted{Post: "post-1"}}, nil)
	assert.Equal(t, []string{
		`post-1 v1 @1 PostCreated/1 {"post":"post-1","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
		`post-1 v2 @3 PostRenamed/1 {"post":"post-1","title":"Summer picnic"}`,
		`post-1 v3 @5 PostRenamed/2 {"post":"post-1","title":"Summer picnic, moved indoors","slug":"summer-picnic"}`,
		`post-1 v4 @6 PostDeleted/1 {"post":"post-1"}`,
	}, DescribeRecords(store.ReadStream("post-1", 1)),
		`ReadStream("post-1", 1): new events go to the end of old streams, in the current schema: `+ruleAppend)
}

// TestPart2FullOtherWriters: for a week after this year's code went live,
// last year's server kept running beside it, and stored events in last
// year's schema. The blog must see them, upcast, when it checks a slug.
func TestPart2FullOtherWriters(t *testing.T) {
	store := archiveOf([]string{oldPicnic})
	blog := NewBlog(store)
	checkDispatch(t, store, blog, "a blog over an old archive", ruleSlugTaken,
		CreatePost{Post: "post-5", Title: "Spring, picnic", Author: "ada", Body: "x"}, nil, []string{"slug has already been taken"})
	checkDispatch(t, store, blog, "a first post of its own", ruleCreated,
		CreatePost{Post: "post-2", Title: "Autumn walk!", Author: "tomás", Body: "Boots."},
		[]Event{PostCreated{Post: "post-2", Title: "Autumn walk!", Slug: "autumn-walk", Author: "tomás", Body: "Boots."}}, nil)

	old := func(line string) {
		stream, e, err := parseStored(line)
		require.NoError(t, err, "parseStored(%s)", line)
		_, err = store.Append(stream, AnyVersion, []StoredEvent{e})
		require.NoError(t, err, "last year's server appends %s", line)
	}
	old(`post-3 PostCreated 1 {"post":"post-3","title":"Choir news","author":"mira","body":"We sing."}`)
	checkDispatch(t, store, blog, "after last year's server created post-3", ruleOldServer,
		CreatePost{Post: "post-4", Title: "Choir: news!", Author: "ada", Body: "x"}, nil, []string{"slug has already been taken"})

	old(`post-3 PostRenamed 1 {"post":"post-3","title":"Choir concert"}`)
	checkDispatch(t, store, blog, "after last year's server renamed post-3", ruleOldServer,
		CreatePost{Post: "post-4", Title: "Choir news", Author: "ada", Body: "x"},
		[]Event{PostCreated{Post: "post-4", Title: "Choir news", Slug: "choir-news", Author: "ada", Body: "x"}}, nil)
	checkDispatch(t, store, blog, "after last year's server renamed post-3", ruleOldServer,
		CreatePost{Post: "post-6", Title: "CHOIR CONCERT", Author: "ada", Body: "x"}, nil, []string{"slug has already been taken"})
	checkDispatch(t, store, blog, "this year's rename of a post last year's server renamed", ruleRenamed,
		RenamePost{Post: "post-3", Title: "Choir concert, in May"},
		[]Event{PostRenamed{Post: "post-3", Title: "Choir concert, in May", Slug: "choir-concert"}}, nil)

	old(`post-1 PostDeleted 1 {"post":"post-1"}`)
	checkDispatch(t, store, blog, "after last year's server deleted post-1", ruleOldServer,
		CreatePost{Post: "post-5", Title: "Spring, picnic", Author: "ada", Body: "x"},
		[]Event{PostCreated{Post: "post-5", Title: "Spring, picnic", Slug: "spring-picnic", Author: "ada", Body: "x"}}, nil)
}

// TestPart2FullAppendsAtTheLoadedVersion: the blog appends at the version
// it loaded, so when another writer appends to the post between the load
// and the append, the store refuses the blog's events.
func TestPart2FullAppendsAtTheLoadedVersion(t *testing.T) {
	// Given post-1 in the archive, and last year's server publishing it
	// the moment this year's blog appends,
	store := archiveOf([]string{oldPicnic})
	blog := NewBlog(store)
	store.appending = func(stream string) {
		e, err := Encode(PostPublished{Post: "post-1"})
		require.NoError(t, err, "Encode(PostPublished)")
		_, err = store.Append(stream, AnyVersion, []StoredEvent{e})
		require.NoError(t, err, "the other writer's append")
	}

	// when the blog publishes post-1,
	_, _, err := blog.Dispatch(PublishPost{Post: "post-1"})

	// then its append, at the version it loaded, is refused: post-1 is
	// published once.
	gw := "Given: " + oldPicnic + ", and another writer who publishes post-1 the moment the blog appends\nWhen: Dispatch(PublishPost{Post:post-1})\nThen: "
	assert.Error(t, err, gw+"the append at the loaded version 1 is refused: "+ruleStoreRefuses)
	assert.Len(t, DescribeRecords(store.ReadStream("post-1", 1)), 2, gw+"the events of post-1 are the archive's PostCreated and the other writer's PostPublished: "+ruleStoreRefuses)
}
