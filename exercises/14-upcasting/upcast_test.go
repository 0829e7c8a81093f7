//go:build ignore

package blog

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
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
	upcasts := []struct{ line, want string }{
		{history[0], `PostCreated/2 {"author":"ines","body":"Welcome to the Quarterly.","post":"post-1","slug":"hello-kestrel","title":"Hello, Kestrel!"}`},
		{history[2], `PostPublished/1 {"post":"post-1"}`},
		{history[3], `PostRenamed/2 {"post":"post-2","slug":"rates-in-may","title":"Rates in May"}`},
		{history[5], `PostRenamed/2 {"post":"post-3","slug":"spring-picnic","title":"Spring picnic, moved indoors"}`},
	}
	for _, u := range upcasts {
		got, err := Upcast(stored(t, u.line))
		if assert.NoError(t, err, "Upcast(%s)", u.line) {
			assert.Equal(t, u.want, describeCanonical(got), "Upcast(%s), its JSON with sorted keys", u.line)
		}
	}
	_, err := Upcast(stored(t, history[8]))
	assert.True(t, errors.Is(err, ErrUnknownSchema), "Upcast(%s): schema 3 is newer than this code: want an error wrapping ErrUnknownSchema, got %v", history[8], err)

	store := archiveOf(history)
	before := DescribeRecords(store.ReadAll(1))
	posts := []struct{ id, want string }{
		{"post-1", "{ID:post-1 Title:Hello, Kestrel! Slug:hello-kestrel Author:ines Body:Welcome to the Quarterly. Created:true Published:true Deleted:false Version:2}"},
		{"post-2", "{ID:post-2 Title:Rates in May Slug:rates-in-may Author:tomás Body:They go up in May. Created:true Published:false Deleted:false Version:2}"},
		{"post-3", "{ID:post-3 Title:Spring picnic, moved indoors Slug:spring-picnic Author:olu Body:Bring a blanket. Created:true Published:false Deleted:false Version:2}"},
		{"post-4", "{ID:post-4 Title:Ferry times Slug:ferry-times Author:ada Body:See the harbour office. Created:true Published:false Deleted:true Version:2}"},
	}
	for _, p := range posts {
		got, err := LoadPost(store, p.id)
		if assert.NoError(t, err, "LoadPost(%s)", p.id) {
			assert.Equal(t, p.want, describePost(got), "LoadPost(%s)", p.id)
		}
	}
	_, err = LoadPost(store, "post-5")
	assert.True(t, errors.Is(err, ErrUnknownSchema), "LoadPost(post-5): want an error wrapping ErrUnknownSchema, got %v", err)
	assert.Equal(t, before, DescribeRecords(store.ReadAll(1)), "the store after loading: every event as it was written")

	// Live posts: post number × characters of the slug:
	// 1 × 13 (hello-kestrel) + 2 × 12 (rates-in-may) + 3 × 13 (spring-picnic) = 13 + 24 + 39 = 76.
	assert.Equal(t, 76, part1Answer(history), "part1Answer")
}

func TestPart1FullUpcast(t *testing.T) {
	tests := []struct {
		name, line, want string
		err              error // the sentinel the error wraps, or nil
	}{
		{"a post created last year gains the slug of its title",
			`post-1 PostCreated 1 {"post":"post-1","title":"Spring picnic","author":"ines","body":"Bring a blanket."}`,
			`PostCreated/2 {"author":"ines","body":"Bring a blanket.","post":"post-1","slug":"spring-picnic","title":"Spring picnic"}`, nil},
		{"Slugify keeps letters of every alphabet",
			`post-2 PostCreated 1 {"post":"post-2","title":"Café: 2 rates?","author":"tomás","body":"Crème brûlée."}`,
			`PostCreated/2 {"author":"tomás","body":"Crème brûlée.","post":"post-2","slug":"café-2-rates","title":"Café: 2 rates?"}`, nil},
		{"JSON escapes",
			`post-3 PostCreated 1 {"post":"post-3","title":"Q\u0026A: \"loans\" \u0026 savings","author":"olu","body":"Line one.\nLine two."}`,
			`PostCreated/2 {"author":"olu","body":"Line one.\nLine two.","post":"post-3","slug":"q-a-loans-savings","title":"Q\u0026A: \"loans\" \u0026 savings"}`, nil},
		{"a title of six characters was fine last year, and stays as it is",
			`post-4 PostCreated 1 {"post":"post-4","title":"Rates!","author":"tomás","body":"Up."}`,
			`PostCreated/2 {"author":"tomás","body":"Up.","post":"post-4","slug":"rates","title":"Rates!"}`, nil},
		{"last year's renames moved the slug",
			`post-1 PostRenamed 1 {"post":"post-1","title":"Summer picnic!"}`,
			`PostRenamed/2 {"post":"post-1","slug":"summer-picnic","title":"Summer picnic!"}`, nil},
		{"a current PostCreated keeps its slug, even one that is not its title's",
			`post-1 PostCreated 2 {"post":"post-1","title":"Spring picnic","slug":"picnic","author":"ines","body":"x"}`,
			`PostCreated/2 {"author":"ines","body":"x","post":"post-1","slug":"picnic","title":"Spring picnic"}`, nil},
		{"a current PostRenamed keeps its slug",
			`post-1 PostRenamed 2 {"post":"post-1","title":"Summer picnic","slug":"spring-picnic"}`,
			`PostRenamed/2 {"post":"post-1","slug":"spring-picnic","title":"Summer picnic"}`, nil},
		{"PostPublished has one schema", `post-1 PostPublished 1 {"post":"post-1"}`, `PostPublished/1 {"post":"post-1"}`, nil},
		{"PostDeleted has one schema", `post-1 PostDeleted 1 {"post":"post-1"}`, `PostDeleted/1 {"post":"post-1"}`, nil},
		{"a schema from the future",
			`post-1 PostCreated 3 {"post":"post-1","title":"Spring picnic","slug":"spring-picnic","tags":["food"],"author":"ines","body":"x"}`, "", ErrUnknownSchema},
		{"PostPublished has no schema 2", `post-1 PostPublished 2 {"post":"post-1","by":"olu"}`, "", ErrUnknownSchema},
		{"no schema 0", `post-1 PostRenamed 0 {"post":"post-1","title":"Summer picnic"}`, "", ErrUnknownSchema},
		{"no negative schema", `post-1 PostDeleted -1 {"post":"post-1"}`, "", ErrUnknownSchema},
		{"a type the blog does not know", `post-1 PostPinned 1 {"post":"post-1","days":7}`, "", ErrUnknownEvent},
		{"a type in lower case is another type", `post-1 postcreated 1 {"post":"post-1"}`, "", ErrUnknownEvent},
	}
	for _, tt := range tests {
		in := stored(t, tt.line)
		data := string(in.Data)
		got, err := Upcast(in)
		assert.Equal(t, data, string(in.Data), "%s: Upcast leaves the stored bytes as they were", tt.name)
		if tt.err != nil {
			assert.True(t, errors.Is(err, tt.err), "%s: Upcast(%s): want an error wrapping %v, got %v", tt.name, tt.line, tt.err, err)
			continue
		}
		if assert.NoError(t, err, "%s: Upcast(%s)", tt.name, tt.line) {
			assert.Equal(t, tt.want, describeCanonical(got), "%s: Upcast(%s), its JSON with sorted keys", tt.name, tt.line)
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
		assert.NoError(t, err, "Upcast(%s)", line)
		assert.Equal(t, line[len(line)-len(roomy):], string(roomy), "Upcast(%s) leaves the stored bytes as they were", line)
		assert.Contains(t, canonical(got.Data), `"slug":`, "Upcast(%s)", line)
	}
}

func TestPart1FullUpcastBrokenJSON(t *testing.T) {
	for _, line := range []string{
		`post-1 PostCreated 1 {"post":"post-1","title":`,
		`post-1 PostRenamed 1 ["post-1","Summer picnic"]`,
	} {
		_, err := Upcast(stored(t, line))
		assert.Error(t, err, "Upcast(%s): JSON that does not unmarshal", line)
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
		if assert.NoError(t, err, "Decode(%s)", tt.line) {
			assert.Equal(t, []string{tt.want}, DescribeEvents([]Event{e}), "Decode(%s)", tt.line)
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
		assert.Error(t, err, "Decode(%s)", bad.line)
		assert.Nil(t, e, "Decode(%s) returns no event with its error", bad.line)
		if bad.err != nil {
			assert.True(t, errors.Is(err, bad.err), "Decode(%s): want an error wrapping %v, got %v", bad.line, bad.err, err)
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
		if assert.NoError(t, err, "LoadPost(%s)", tt.id) {
			assert.Equal(t, tt.want, describePost(got), "LoadPost(%s)", tt.id)
		}
	}
	got, err := LoadPost(store, "post-4")
	assert.True(t, errors.Is(err, ErrUnknownSchema), "LoadPost(post-4), whose second event is of schema 3: want an error wrapping ErrUnknownSchema, got %v", err)
	assert.Equal(t, describePost(Post{}), describePost(got), "LoadPost(post-4) returns Post{} with its error")
	assert.Equal(t, before, DescribeRecords(store.ReadAll(1)), "the store after loading: every event as it was written")
}
