//go:build ignore

package blog

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Where a rule is stated: a failure names the day and the part.
const (
	inPart1 = " — day 14, Part 1"
	inPart2 = " — day 14, Part 2"
)

// The rules of Part 1, as the chapter states them.
const (
	ruleUpcast       = "Upcast brings a stored event to its current schema, one step at a time: PostCreated and PostRenamed of schema 1 gain \"slug\", the Slugify of their \"title\"" + inPart1
	ruleCurrentAsIs  = "an event already current comes back as it is, even if its slug is not its title's" + inPart1
	ruleTypeFirst    = "the type is checked first: a type missing from CurrentSchema (names are case-sensitive) is an error wrapping ErrUnknownEvent" + inPart1
	ruleSchema       = "then the schema: below 1 or above the current one is ErrUnknownSchema" + inPart1
	ruleNotAnObject  = "data that is not a JSON object is an error too" + inPart1
	ruleNewData      = "build new Data: never write into the bytes you were given" + inPart1
	ruleDecode       = "Decode upcasts, then unmarshals into the event's struct" + inPart1
	ruleDecodeError  = "an error of either step comes back with a nil event; JSON that does not fit the struct (a number where the post id should be, say) is one" + inPart1
	ruleLoad         = "LoadPost folds the post's stream, each event decoded, into Post{ID: id} with the given Apply, which now keeps the slug; a post never created comes back as Post{ID: id}" + inPart1
	ruleLoadStops    = "the first event that does not decode stops LoadPost: it returns Post{} and that error" + inPart1
	ruleLoadOnlyRead = "loading only reads; the store never changes" + inPart1
)

// TestPart1Example is the worked example of Part 1: a small archive of
// last year's events and this year's, read by today's code.
func TestPart1Example(t *testing.T) {
	history := []string{
		`post-1 PostCreated 1 {"post":"post-1","title":"Hello, Kestrel!","author":"ines","body":"Welcome to the Quarterly."}`,
		`post-2 PostCreated 1 {"post":"post-2","title":"Rates!","author":"tomás","body":"They go up in May."}`,
		`post-1 PostPublished 1 {"post":"post-1"}`,
		`post-2 PostRenamed 1 {"post":"post-2","title":"Rates in May"}`,
		`post-3 PostCreated 2 {"post":"post-3","title":"Spring picnic","slug":"spring-picnic","author":"olu","body":"Bring a blanket."}`,
		`post-3 PostRenamed 2 {"post":"post-3","title":"Spring picnic, moved indoors","slug":"spring-picnic"}`,
		`post-4 PostCreated 1 {"post":"post-4","title":"Ferry times","author":"ada","body":"See the harbour office."}`,
		`post-4 PostDeleted 1 {"post":"post-4"}`,
		`post-5 PostCreated 3 {"post":"post-5","title":"Choir news","slug":"choir-news","tags":["music"],"author":"mira","body":"We sing."}`,
	}

	// Upcasting: schema 1 gains the slug of its title; schema 2 is current.
	upcasts := []struct{ line, want, why string }{
		{history[0], `PostCreated/2 {"author":"ines","body":"Welcome to the Quarterly.","post":"post-1","slug":"hello-kestrel","title":"Hello, Kestrel!"}`,
			`upcasting the first line gives a PostCreated of schema 2 with "slug":"hello-kestrel"`},
		{history[2], `PostPublished/1 {"post":"post-1"}`,
			"the PostPublished is already current, schema 1"},
		{history[3], `PostRenamed/2 {"post":"post-2","slug":"rates-in-may","title":"Rates in May"}`,
			`post-2's rename is last year's, so upcasting it adds "slug":"rates-in-may": the address moved with the title`},
		{history[5], `PostRenamed/2 {"post":"post-3","slug":"spring-picnic","title":"Spring picnic, moved indoors"}`,
			"post-3's rename is this year's and comes back as it is, slug spring-picnic"},
	}
	for _, u := range upcasts {
		got, err := Upcast(stored(t, u.line))
		if assert.NoError(t, err, "Upcast(%s): %s", u.line, u.why+inPart1) {
			assert.Equal(t, u.want, describeCanonical(got), "Upcast(%s), its JSON with sorted keys: %s", u.line, u.why+inPart1)
		}
	}
	_, err := Upcast(stored(t, history[8]))
	assert.True(t, errors.Is(err, ErrUnknownSchema), "Upcast(%s): post-5 was written in schema 3, which this code does not know: Upcast fails with ErrUnknownSchema%s; got %v", history[8], inPart1, err)

	store := archiveOf(history)
	before := DescribeRecords(store.ReadAll(1))
	posts := []struct{ id, want, why string }{
		{"post-1", "{ID:post-1 Title:Hello, Kestrel! Slug:hello-kestrel Author:ines Body:Welcome to the Quarterly. Created:true Published:true Deleted:false Version:2}",
			"loading gives post-1 published, slug hello-kestrel, version 2"},
		{"post-2", "{ID:post-2 Title:Rates in May Slug:rates-in-may Author:tomás Body:They go up in May. Created:true Published:false Deleted:false Version:2}",
			"loading gives post-2 titled Rates in May, slug rates-in-may"},
		{"post-3", "{ID:post-3 Title:Spring picnic, moved indoors Slug:spring-picnic Author:olu Body:Bring a blanket. Created:true Published:false Deleted:false Version:2}",
			"loading gives post-3 titled Spring picnic, moved indoors, still spring-picnic"},
		{"post-4", "{ID:post-4 Title:Ferry times Slug:ferry-times Author:ada Body:See the harbour office. Created:true Published:false Deleted:true Version:2}",
			"loading gives post-4 deleted"},
	}
	for _, p := range posts {
		got, err := LoadPost(store, p.id)
		if assert.NoError(t, err, "LoadPost(%s): %s", p.id, p.why+inPart1) {
			assert.Equal(t, p.want, describePost(got), "LoadPost(%s): %s", p.id, p.why+inPart1)
		}
	}
	_, err = LoadPost(store, "post-5")
	assert.True(t, errors.Is(err, ErrUnknownSchema), "LoadPost(post-5): post-5 was written in schema 3, which this code does not know: LoadPost fails with ErrUnknownSchema%s; got %v", inPart1, err)
	assert.Equal(t, before, DescribeRecords(store.ReadAll(1)), "the store after all that loading holds every line exactly as it was written: "+ruleLoadOnlyRead)

	// Live posts: post number × characters of the slug:
	// 1 × 13 (hello-kestrel) + 2 × 12 (rates-in-may) + 3 × 13 (spring-picnic) = 13 + 24 + 39 = 76.
	assert.Equal(t, 76, part1Answer(history), "part1Answer(the worked example): the sum, over the live posts, of the post's number times the characters of its slug"+inPart1)
}

func TestPart1FullUpcast(t *testing.T) {
	tests := []struct {
		name, line, want string
		err              error  // the sentinel the error wraps, or nil
		rule             string // the chapter's rule the case checks
	}{
		{"a post created last year gains the slug of its title",
			`post-1 PostCreated 1 {"post":"post-1","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
			`PostCreated/2 {"author":"ines","body":"Bring a blanket.","post":"post-1","slug":"spring-picnic","title":"Spring picnic"}`, nil, ruleUpcast},
		{"Slugify keeps letters of every alphabet",
			`post-2 PostCreated 1 {"post":"post-2","title":"Café: 2 rates?","author":"tomás","body":"Crème brûlée."}`,
			`PostCreated/2 {"author":"tomás","body":"Crème brûlée.","post":"post-2","slug":"café-2-rates","title":"Café: 2 rates?"}`, nil, ruleUpcast},
		{"JSON escapes",
			`post-3 PostCreated 1 {"post":"post-3","title":"Q\u0026A: \"loans\" \u0026 savings","author":"olu","body":"Line one.\nLine two."}`,
			`PostCreated/2 {"author":"olu","body":"Line one.\nLine two.","post":"post-3","slug":"q-a-loans-savings","title":"Q\u0026A: \"loans\" \u0026 savings"}`, nil, ruleUpcast},
		{"a title of six characters was fine last year, and stays as it is",
			`post-4 PostCreated 1 {"post":"post-4","title":"Rates!","author":"tomás","body":"Up."}`,
			`PostCreated/2 {"author":"tomás","body":"Up.","post":"post-4","slug":"rates","title":"Rates!"}`, nil, ruleUpcast},
		{"last year's renames moved the slug",
			`post-1 PostRenamed 1 {"post":"post-1","title":"Summer picnic!"}`,
			`PostRenamed/2 {"post":"post-1","slug":"summer-picnic","title":"Summer picnic!"}`, nil, ruleUpcast},
		{"a current PostCreated keeps its slug, even one that is not its title's",
			`post-1 PostCreated 2 {"post":"post-1","title":"Spring picnic","slug":"picnic","author":"ines","body":"x"}`,
			`PostCreated/2 {"author":"ines","body":"x","post":"post-1","slug":"picnic","title":"Spring picnic"}`, nil, ruleCurrentAsIs},
		{"a current PostRenamed keeps its slug",
			`post-1 PostRenamed 2 {"post":"post-1","title":"Summer picnic","slug":"spring-picnic"}`,
			`PostRenamed/2 {"post":"post-1","slug":"spring-picnic","title":"Summer picnic"}`, nil, ruleCurrentAsIs},
		{"PostPublished has one schema", `post-1 PostPublished 1 {"post":"post-1"}`, `PostPublished/1 {"post":"post-1"}`, nil, ruleCurrentAsIs},
		{"PostDeleted has one schema", `post-1 PostDeleted 1 {"post":"post-1"}`, `PostDeleted/1 {"post":"post-1"}`, nil, ruleCurrentAsIs},
		{"a schema from the future",
			`post-1 PostCreated 3 {"post":"post-1","title":"Spring picnic","slug":"spring-picnic","tags":["food"],"author":"ines","body":"x"}`, "", ErrUnknownSchema, ruleSchema},
		{"PostPublished has no schema 2", `post-1 PostPublished 2 {"post":"post-1","by":"olu"}`, "", ErrUnknownSchema, ruleSchema},
		{"no schema 0", `post-1 PostRenamed 0 {"post":"post-1","title":"Summer picnic"}`, "", ErrUnknownSchema, ruleSchema},
		{"no negative schema", `post-1 PostDeleted -1 {"post":"post-1"}`, "", ErrUnknownSchema, ruleSchema},
		{"a type the blog does not know", `post-1 PostPinned 1 {"post":"post-1","days":7}`, "", ErrUnknownEvent, ruleTypeFirst},
		{"a type in lower case is another type", `post-1 postcreated 1 {"post":"post-1"}`, "", ErrUnknownEvent, ruleTypeFirst},
	}
	for _, tt := range tests {
		in := stored(t, tt.line)
		data := string(in.Data)
		got, err := Upcast(in)
		assert.Equal(t, data, string(in.Data), "%s: Upcast(%s) leaves the stored bytes as they were: %s", tt.name, tt.line, ruleNewData)
		if tt.err != nil {
			assert.True(t, errors.Is(err, tt.err), "%s: Upcast(%s): want an error wrapping %v: %s; got %v", tt.name, tt.line, tt.err, tt.rule, err)
			continue
		}
		if assert.NoError(t, err, "%s: Upcast(%s): %s", tt.name, tt.line, tt.rule) {
			assert.Equal(t, tt.want, describeCanonical(got), "%s: Upcast(%s), its JSON with sorted keys: %s", tt.name, tt.line, tt.rule)
		}
	}
}

// TestPart1FullBytesUntouched: the stored bytes may have room after them;
// Upcast must build new JSON rather than write into them.
func TestPart1FullBytesUntouched(t *testing.T) {
	for _, line := range []string{
		`post-1 PostCreated 1 {"post":"post-1","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
		`post-1 PostRenamed 1 {"post":"post-1","title":"Summer picnic"}`,
	} {
		in := stored(t, line)
		roomy := make([]byte, len(in.Data), len(in.Data)+64)
		copy(roomy, in.Data)
		in.Data = roomy
		got, err := Upcast(in)
		assert.NoError(t, err, "Upcast(%s), its bytes with room after them: %s", line, ruleUpcast)
		assert.Equal(t, line[len(line)-len(roomy):], string(roomy), "Upcast(%s), its bytes with room after them, leaves the stored bytes as they were: %s", line, ruleNewData)
		assert.Contains(t, canonical(got.Data), `"slug":`, "Upcast(%s), its bytes with room after them: %s", line, ruleUpcast)
	}
}

func TestPart1FullUpcastBrokenJSON(t *testing.T) {
	for _, line := range []string{
		`post-1 PostCreated 1 {"post":"post-1","title":`,
		`post-1 PostRenamed 1 ["post-1","Summer picnic"]`,
	} {
		_, err := Upcast(stored(t, line))
		assert.Error(t, err, "Upcast(%s), JSON that does not unmarshal into an object: %s", line, ruleNotAnObject)
	}
}

func TestPart1FullDecode(t *testing.T) {
	tests := []struct{ line, want string }{
		{`post-1 PostCreated 1 {"post":"post-1","title":"Rates!","author":"tomás","body":"Up in May."}`,
			"PostCreated{Post:post-1 Title:Rates! Slug:rates Author:tomás Body:Up in May.}"},
		{`post-1 PostCreated 2 {"post":"post-1","title":"Rates for May","slug":"rates","author":"tomás","body":"Up."}`,
			"PostCreated{Post:post-1 Title:Rates for May Slug:rates Author:tomás Body:Up.}"},
		{`post-1 PostRenamed 1 {"post":"post-1","title":"Rates in May"}`,
			"PostRenamed{Post:post-1 Title:Rates in May Slug:rates-in-may}"},
		{`post-1 PostRenamed 2 {"post":"post-1","title":"Rates in June","slug":"rates"}`,
			"PostRenamed{Post:post-1 Title:Rates in June Slug:rates}"},
		{`post-1 PostPublished 1 {"post":"post-1"}`, "PostPublished{Post:post-1}"},
		{`post-1 PostDeleted 1 {"post":"post-1"}`, "PostDeleted{Post:post-1}"},
		{`post-7 PostCreated 2 {"body":"Keys in any order.","author":"ada","slug":"any-order","title":"Any order","post":"post-7"}`,
			"PostCreated{Post:post-7 Title:Any order Slug:any-order Author:ada Body:Keys in any order.}"},
	}
	for _, tt := range tests {
		e, err := Decode(stored(t, tt.line))
		if assert.NoError(t, err, "Decode(%s): %s", tt.line, ruleDecode) {
			assert.Equal(t, []string{tt.want}, DescribeEvents([]Event{e}), "Decode(%s): %s", tt.line, ruleDecode)
		}
	}
	for _, bad := range []struct {
		line string
		err  error
	}{
		{`post-1 PostCreated 3 {"post":"post-1","title":"Spring picnic","slug":"spring-picnic","author":"ines","body":"x"}`, ErrUnknownSchema},
		{`post-1 CommentAdded 1 {"post":"post-1","text":"Lovely."}`, ErrUnknownEvent},
		{`post-1 PostDeleted 1 {"post":7}`, nil},
		{`post-1 PostRenamed 2 {"post":"post-1",`, nil},
	} {
		e, err := Decode(stored(t, bad.line))
		assert.Error(t, err, "Decode(%s): %s", bad.line, ruleDecodeError)
		assert.Nil(t, e, "Decode(%s) returns no event with its error: %s", bad.line, ruleDecodeError)
		if bad.err != nil {
			assert.True(t, errors.Is(err, bad.err), "Decode(%s): want an error wrapping %v: %s; got %v", bad.line, bad.err, ruleDecodeError, err)
		}
	}
}

func TestPart1FullLoad(t *testing.T) {
	history := []string{
		`post-1 PostCreated 1 {"post":"post-1","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
		`post-2 PostCreated 1 {"post":"post-2","title":"Rates!","author":"tomás","body":"Up in May."}`,
		`post-1 PostRenamed 1 {"post":"post-1","title":"Summer picnic"}`,
		`post-1 PostPublished 1 {"post":"post-1"}`,
		current(PostRenamed{Post: "post-1", Title: "Summer picnic, moved indoors", Slug: "summer-picnic"}),
		current(PostCreated{Post: "post-3", Title: "Autumn walk", Slug: "autumn-walk", Author: "olu", Body: "Boots."}),
		`post-2 PostDeleted 1 {"post":"post-2"}`,
		`post-3 PostRenamed 1 {"post":"post-3","title":"Winter walk"}`,
		`post-4 PostCreated 1 {"post":"post-4","title":"Choir news","author":"mira","body":"We sing."}`,
		`post-4 PostRenamed 3 {"post":"post-4","title":"Choir news","slug":"choir-news","subtitle":"And a concert"}`,
		`post-4 PostPublished 1 {"post":"post-4"}`,
	}
	store := archiveOf(history)
	before := DescribeRecords(store.ReadAll(1))
	for _, tt := range []struct{ id, want string }{
		{"post-1", "{ID:post-1 Title:Summer picnic, moved indoors Slug:summer-picnic Author:ines Body:Bring a blanket. Created:true Published:true Deleted:false Version:4}"},
		{"post-2", "{ID:post-2 Title:Rates! Slug:rates Author:tomás Body:Up in May. Created:true Published:false Deleted:true Version:2}"},
		{"post-3", "{ID:post-3 Title:Winter walk Slug:winter-walk Author:olu Body:Boots. Created:true Published:false Deleted:false Version:2}"},
		{"post-9", "{ID:post-9 Title: Slug: Author: Body: Created:false Published:false Deleted:false Version:0}"},
	} {
		got, err := LoadPost(store, tt.id)
		if assert.NoError(t, err, "Given: %s\nWhen: LoadPost(%s)\nThen: %s", strings.Join(history, "; "), tt.id, ruleLoad) {
			assert.Equal(t, tt.want, describePost(got), "Given: %s\nWhen: LoadPost(%s)\nThen: %s", strings.Join(history, "; "), tt.id, ruleLoad)
		}
	}
	got, err := LoadPost(store, "post-4")
	assert.True(t, errors.Is(err, ErrUnknownSchema), "LoadPost(post-4), whose second event is of schema 3: want an error wrapping ErrUnknownSchema: %s; got %v", ruleLoadStops, err)
	assert.Equal(t, describePost(Post{}), describePost(got), "LoadPost(post-4), whose second event is of schema 3, returns Post{} with its error: "+ruleLoadStops)
	assert.Equal(t, before, DescribeRecords(store.ReadAll(1)), "the store after loading, every event as it was written: "+ruleLoadOnlyRead)
}
