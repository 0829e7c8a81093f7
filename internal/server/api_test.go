package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	fixturebook "github.com/cqrsworkbook/workbook/internal/fixture"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/server"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

const testToken = "test-token-0123456789"

var (
	loadOnce  sync.Once
	chapters  []*chapter.Chapter
	loadError error
)

// blockingEngine holds every run until release is closed, so tests can
// fill the run queue.
type blockingEngine struct {
	release chan struct{}
	// started, if not nil, hears of every run as it starts.
	started chan struct{}
}

func (e *blockingEngine) Interpreted() bool { return false }

func (e *blockingEngine) Run(ctx context.Context, j harness.Job) (harness.Outcome, error) {
	if e.started != nil {
		e.started <- struct{}{}
	}
	select {
	case <-e.release:
	case <-ctx.Done():
	}
	var out harness.Outcome
	for _, name := range j.Tests {
		out.Tests = append(out.Tests, harness.TestResult{Name: name, Status: harness.Fail})
	}
	return out, nil
}

type fixture struct {
	srv    *server.Server
	ts     *httptest.Server
	ws     *workspace.Workspace
	dir    string
	cfg    server.Config // what srv was made with, but its port
	cookie *http.Cookie  // the session cookie; nil before signIn
}

// newFixture serves the fixture workbook's chapters over a fresh
// workspace, and signs in once with the token link, as the learner's
// browser does.
func newFixture(t testing.TB, engines map[harness.EngineName]harness.Engine, runs, queue int) *fixture {
	t.Helper()
	return newFixtureOn(t, fixturebook.FS(), fixtureChapters(t), engines, runs, queue)
}

// newFixtureOn is newFixture over the chapters chs of fsys.
func newFixtureOn(t testing.TB, fsys fs.FS, chs []*chapter.Chapter, engines map[harness.EngineName]harness.Engine, runs, queue int) *fixture {
	t.Helper()
	f := newUnsignedFixtureOn(t, fsys, chs, engines, runs, queue)
	f.cookie = signIn(t, f.ts.URL, testToken)
	return f
}

// newUnsignedFixture is newFixture before the sign-in: its token is unused.
func newUnsignedFixture(t testing.TB, engines map[harness.EngineName]harness.Engine, runs, queue int) *fixture {
	t.Helper()
	return newUnsignedFixtureOn(t, fixturebook.FS(), fixtureChapters(t), engines, runs, queue)
}

// fixtureChapters loads the fixture workbook's chapters once.
func fixtureChapters(t testing.TB) []*chapter.Chapter {
	t.Helper()
	loadOnce.Do(func() { chapters, loadError = chapter.Load(fixturebook.FS()) })
	if loadError != nil {
		t.Fatal(loadError)
	}
	return chapters
}

func newUnsignedFixtureOn(t testing.TB, fsys fs.FS, chapters []*chapter.Chapter, engines map[harness.EngineName]harness.Engine, runs, queue int) *fixture {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "work")
	if _, err := workspace.Prepare(dir, fsys, chapters); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	h := &harness.Harness{FS: fsys, Engines: engines, Limits: harness.Limits{TestTimeout: raceSlowdown * 2 * time.Second}}
	cfg := server.Config{Chapters: chapters, Harness: h, Workspace: ws, Renderer: render.New(), Token: testToken, Runs: runs, Queue: queue}
	srv, ts := startServer(t, cfg)
	return &fixture{srv: srv, ts: ts, ws: ws, dir: dir, cfg: cfg}
}

// startServer makes a server from cfg with the port of a new test server,
// which serves it.
func startServer(t testing.TB, cfg server.Config) (*server.Server, *httptest.Server) {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	cfg.Port = ts.Listener.Addr().(*net.TCPAddr).Port
	srv, err := server.New(cfg)
	if err != nil {
		ts.Close()
		t.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return srv, ts
}

// signIn opens the token link once, as the learner's browser does, and
// returns the session cookie the server set.
func signIn(t testing.TB, base, token string) *http.Cookie {
	t.Helper()
	_, c := signInClient(t, base, token, nil)
	return c
}

// signInClient opens the token link with a client whose cookie jar is jar
// (a new one if nil) and returns the client, signed in, and the session
// cookie, which it checks is named after the server's port.
func signInClient(t testing.TB, base, token string, jar http.CookieJar) (*http.Client, *http.Cookie) {
	t.Helper()
	if jar == nil {
		jar, _ = cookiejar.New(nil)
	}
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(base + "/?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("sign in at %s: %d %s", base, res.StatusCode, body)
	}
	u, _ := url.Parse(base)
	want := "workbook_session_" + u.Port()
	for _, c := range jar.Cookies(u) {
		if c.Name == want {
			return client, c
		}
	}
	t.Fatalf("sign in at %s: no cookie %s in %v", base, want, jar.Cookies(u))
	return nil, nil
}

// do sends a request with the session cookie (header "Cookie": "" sends
// none; another value replaces it) and returns the status, body and
// header.
func (f *fixture) do(t testing.TB, method, path, body string, header map[string]string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, f.ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if f.cookie != nil {
		req.AddCookie(f.cookie)
	}
	for k, v := range header {
		switch {
		case k == "Host":
			req.Host = v
		case v == "":
			req.Header.Del(k)
		default:
			req.Header.Set(k, v)
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(data), res.Header
}

func TestSecurity(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	server.SetBackoff(f.srv, nil, (&noWait{}).sleep) // TestFailedAttemptsSlowDownNeverLockOut tests the delays
	parse := "/api/chapters/01-tally/files/tally.go"
	session := f.srv.CookieName()
	tests := []struct {
		name   string
		method string
		path   string
		body   string
		header map[string]string
		want   int
	}{
		{"no cookie", "GET", "/api/chapters", "", map[string]string{"Cookie": ""}, http.StatusUnauthorized},
		{"wrong session secret", "GET", "/api/chapters", "", map[string]string{"Cookie": session + "=wrong"}, http.StatusUnauthorized},
		{"the token as the session secret", "GET", "/api/chapters", "", map[string]string{"Cookie": session + "=" + testToken}, http.StatusUnauthorized},
		{"the session secret under another port's name", "GET", "/api/chapters", "", map[string]string{"Cookie": "workbook_session_1=" + f.cookie.Value}, http.StatusUnauthorized},
		{"the old cookie with the token", "GET", "/api/chapters", "", map[string]string{"Cookie": "workbook_token=" + testToken}, http.StatusUnauthorized},
		{"page without cookie", "GET", "/chapters/01-tally", "", map[string]string{"Cookie": ""}, http.StatusUnauthorized},
		{"wrong token in the URL", "GET", "/?token=nope", "", map[string]string{"Cookie": ""}, http.StatusUnauthorized},
		{"the used link", "GET", "/?token=" + testToken, "", map[string]string{"Cookie": ""}, http.StatusUnauthorized},
		{"the used link, signed in", "GET", "/?token=" + testToken, "", nil, http.StatusOK},
		{"with the cookie", "GET", "/api/chapters", "", nil, http.StatusOK},
		{"foreign Host (DNS rebinding)", "GET", "/api/chapters", "", map[string]string{"Host": "evil.example:80"}, http.StatusForbidden},
		{"localhost Host", "GET", "/api/chapters", "", map[string]string{"Host": "localhost:1234"}, http.StatusOK},
		{"cross-site POST", "POST", "/api/chapters/01-tally/hints", `{"part":1}`, map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"cross-origin PUT", "PUT", parse, `{"content":"x"}`, map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"form-encoded POST", "POST", "/api/chapters/01-tally/hints", "part=1", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"oversized body", "PUT", parse, `{"content":"` + strings.Repeat("a", server.MaxBody) + `"}`, nil, http.StatusRequestEntityTooLarge},
		{"dot-dot file name", "GET", "/api/chapters/01-tally/files/" + url.PathEscape("../../go.mod"), "", nil, http.StatusBadRequest},
		{"dot-dot chapter", "GET", "/api/chapters/../files/go.mod", "", nil, http.StatusBadRequest},
		{"encoded dot-dot", "GET", "/api/chapters/01-tally/files/%2e%2e/%2e%2e/go.mod", "", nil, http.StatusBadRequest},
		{"absolute file name", "PUT", "/api/chapters/01-tally/files/" + url.PathEscape("/etc/passwd"), `{"content":"x"}`, nil, http.StatusNotFound},
		{"NUL in a name", "GET", "/api/chapters/01-tally/files/tally.go%00.txt", "", nil, http.StatusBadRequest},
		{"given file is read-only", "PUT", "/api/chapters/01-tally/files/slips.go", `{"content":"x"}`, nil, http.StatusForbidden},
		{"test file is read-only", "PUT", "/api/chapters/01-tally/files/tally_test.go", `{"content":"x"}`, nil, http.StatusForbidden},
		{"unknown chapter", "GET", "/api/chapters/99-nope", "", nil, http.StatusNotFound},
		{"two JSON values", "POST", "/api/chapters/01-tally/hints", `{"part":2}{"part":1}`, nil, http.StatusBadRequest},
		{"unknown JSON field", "POST", "/api/chapters/01-tally/hints", `{"part":1,"admin":true}`, nil, http.StatusBadRequest},
		{"solution before the star", "POST", "/api/chapters/01-tally/solution", `{"part":1}`, nil, http.StatusForbidden},
		{"run a file that is not the learner's", "POST", "/api/chapters/01-tally/run", `{"suite":"example","files":{"slips.go":"package tally"}}`, nil, http.StatusBadRequest},
	}
	// The workspace and the folder around it: nothing outside its own
	// files may change (the workbook itself is embedded).
	before := snapshot(t, filepath.Dir(f.dir))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, hdr := f.do(t, tt.method, tt.path, tt.body, tt.header)
			if status != tt.want {
				t.Errorf("%s %s = %d, want %d (%s)", tt.method, tt.path, status, tt.want, body)
			}
			if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("%s %s: Content-Security-Policy = %q", tt.method, tt.path, csp)
			}
			for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin"} {
				if hdr.Get(k) != v {
					t.Errorf("%s %s: %s = %q, want %q", tt.method, tt.path, k, hdr.Get(k), v)
				}
			}
		})
	}
	if after := snapshot(t, filepath.Dir(f.dir)); after != before {
		t.Errorf("a refused request changed files:\n%s", diffLines(before, after))
	}
}

func closed() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// snapshot lists every file under the repository and the workspace with
// its size and time, ignoring the workspace's own history and progress.
func snapshot(t testing.TB, dirs ...string) string {
	t.Helper()
	var b strings.Builder
	for _, d := range dirs {
		_ = filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() || strings.Contains(p, "/.git/") || strings.Contains(p, "/out/") || strings.Contains(p, "/.workbook/") {
				return nil
			}
			b.WriteString(p + " " + info.ModTime().String() + "\n")
			return nil
		})
	}
	return b.String()
}

func diffLines(a, b string) string {
	as := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		as[l] = true
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if !as[l] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestStaleSaveKeepsBothVersions(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	path := "/api/chapters/01-tally/files/tally.go"
	status, body, _ := f.do(t, "GET", path, "", nil)
	if status != http.StatusOK {
		t.Fatalf("GET = %d %s", status, body)
	}
	var file server.FileBody
	_ = json.Unmarshal([]byte(body), &file)

	// Another tab (or the learner's editor) saves first.
	status, _, _ = f.do(t, "PUT", path, `{"content":"package tally // tab A\n"}`, map[string]string{"If-Match": file.ETag})
	if status != http.StatusOK {
		t.Fatalf("first PUT = %d", status)
	}
	// This tab still holds the old ETag.
	status, body, _ = f.do(t, "PUT", path, `{"content":"package tally // tab B\n"}`, map[string]string{"If-Match": file.ETag})
	if status != http.StatusPreconditionFailed {
		t.Fatalf("stale PUT = %d, want 412 (%s)", status, body)
	}
	var conflict server.Conflict
	_ = json.Unmarshal([]byte(body), &conflict)
	if conflict.Current != "package tally // tab A\n" {
		t.Errorf("412 body current = %q, want tab A's version", conflict.Current)
	}
	disk, _ := os.ReadFile(filepath.Join(f.dir, "01-tally", "tally.go"))
	if string(disk) != "package tally // tab A\n" {
		t.Errorf("on disk = %q, want tab A's version", disk)
	}
	vs, err := f.ws.History("01-tally", "tally.go")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, v := range vs {
		data, _ := f.ws.ReadVersion("01-tally", "tally.go", v.ID)
		kept = append(kept, v.Reason+":"+string(data))
	}
	joined := strings.Join(kept, "|")
	if !strings.Contains(joined, "conflict:package tally // tab B\n") || !strings.Contains(joined, "save:package tally\n") && !strings.Contains(joined, "save:") {
		t.Errorf("history = %q, want tab B's version kept as a conflict and the stub as a save", joined)
	}
}

// waitUntil waits for cond, checking every 5 ms, and fails the test after
// 5 s without it.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 5 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRunQueueAnswers429(t *testing.T) {
	eng := &blockingEngine{release: make(chan struct{}), started: make(chan struct{}, 4)}
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": eng}, 1, 1)
	run := func(page string) chan int {
		c := make(chan int, 1)
		go func() {
			status, _, _ := f.do(t, "POST", "/api/chapters/01-tally/run", `{"suite":"example","page":"`+page+`"}`, nil)
			c <- status
		}()
		return c
	}
	first := run("a")
	<-eng.started
	second := run("b")
	waitUntil(t, "the second run waits", func() bool { return f.srv.RunsWaiting() == 1 })
	status, body, hdr := f.do(t, "POST", "/api/chapters/01-tally/run", `{"suite":"example","page":"c"}`, nil)
	if status != http.StatusTooManyRequests || hdr.Get("Retry-After") == "" {
		t.Errorf("third run = %d (Retry-After %q) %s, want 429 with Retry-After", status, hdr.Get("Retry-After"), body)
	}
	close(eng.release)
	if s := <-first; s != http.StatusOK {
		t.Errorf("first run = %d", s)
	}
	if s := <-second; s != http.StatusOK {
		t.Errorf("second run = %d", s)
	}
}

func TestNewRunCancelsThePagesPrevious(t *testing.T) {
	eng := &blockingEngine{release: make(chan struct{}), started: make(chan struct{}, 4)}
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": eng}, 2, 2)
	first := make(chan int, 1)
	go func() {
		status, _, _ := f.do(t, "POST", "/api/chapters/01-tally/run", `{"suite":"example","page":"p"}`, nil)
		first <- status
	}()
	<-eng.started
	second := make(chan int, 1)
	go func() {
		status, _, _ := f.do(t, "POST", "/api/chapters/01-tally/run", `{"suite":"example","page":"p"}`, nil)
		second <- status
	}()
	select {
	case <-first: // cancelled by the second run
	case <-time.After(3 * time.Second):
		t.Fatal("the page's first run was not cancelled by its second")
	}
	close(eng.release)
	if s := <-second; s != http.StatusOK {
		t.Errorf("second run = %d", s)
	}
}

// TestPlantedSymlink: a learner file replaced by a symlink out of the
// workspace is neither read nor written through.
func TestPlantedSymlink(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(f.dir, "01-tally", "tally.go")
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	path := "/api/chapters/01-tally/files/tally.go"
	status, body, _ := f.do(t, "GET", path, "", nil)
	if status != http.StatusBadRequest || strings.Contains(body, "secret") {
		t.Errorf("GET through a symlink out of the workspace = %d %q, want 400 and nothing read", status, body)
	}
	status, body, _ = f.do(t, "PUT", path, `{"content":"overwritten"}`, nil)
	if status != http.StatusBadRequest {
		t.Errorf("PUT through a symlink out of the workspace = %d %q, want 400", status, body)
	}
	if data, _ := os.ReadFile(outside); string(data) != "secret\n" {
		t.Errorf("the file outside the workspace became %q", data)
	}
}

// TestStarsComeFromRealPassingRuns runs chapter 1 in the interpreter: the
// stub earns nothing, the example suite alone earns nothing, the full suite
// with the solution's code earns Part 1's star and opens Part 2 (whose
// tests stay out of the runs until then), and the next full run earns
// Part 2's and names the next day.
func TestStarsComeFromRealPassingRuns(t *testing.T) {
	t.Parallel() // beside the other long tests; none of them counts workers
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, 1, 1)
	ch := chapter.Find(chapters, "01-tally")
	solved := map[string]string{}
	for _, name := range ch.LearnerFiles {
		solved[name] = string(ch.Solution[name])
	}
	buffers, _ := json.Marshal(solved)
	runs := []struct {
		name      string
		body      string
		wantStars [2]bool
		part2     bool
		locked    bool   // Part 2's tests left out
		next      string // the next day, once both stars are in
	}{
		{"the stub", `{"suite":"all"}`, [2]bool{false, false}, false, true, ""},
		{"the example suite alone", `{"suite":"example","files":` + string(buffers) + `}`, [2]bool{false, false}, false, true, ""},
		// Part 2 is locked until Part 1 has its star: its tests do not run.
		{"the full suite", `{"suite":"full","files":` + string(buffers) + `}`, [2]bool{true, false}, true, true, ""},
		{"the full suite again", `{"suite":"full","files":` + string(buffers) + `}`, [2]bool{true, true}, false, false, "02-double"},
	}
	for _, r := range runs {
		status, body, _ := f.do(t, "POST", "/api/chapters/01-tally/run", r.body, nil)
		if status != http.StatusOK {
			t.Fatalf("%s: run = %d %s", r.name, status, body)
		}
		var ans struct {
			Status      string  `json:"status"`
			Stars       [2]bool `json:"stars"`
			Part2Opened bool    `json:"part2_opened"`
			Locked      int     `json:"locked"`
			Next        string  `json:"next"`
			Tests       []struct {
				Part int `json:"part"`
			} `json:"tests"`
		}
		if err := json.Unmarshal([]byte(body), &ans); err != nil {
			t.Fatal(err)
		}
		if ans.Stars != r.wantStars || ans.Part2Opened != r.part2 || ans.Next != r.next {
			t.Errorf("%s: stars %v, part2_opened %v, next %q; want %v, %v, %q (status %s)", r.name, ans.Stars, ans.Part2Opened, ans.Next, r.wantStars, r.part2, r.next, ans.Status)
		}
		ranPart2 := false
		for _, tr := range ans.Tests {
			ranPart2 = ranPart2 || tr.Part == 2
		}
		if r.locked && (ranPart2 || ans.Locked == 0) || !r.locked && (!ranPart2 || ans.Locked != 0) {
			t.Errorf("%s: ran Part 2's tests %v, %d locked; want Part 2 locked %v", r.name, ranPart2, ans.Locked, r.locked)
		}
	}
	status, body, _ := f.do(t, "GET", "/api/chapters/01-tally", "", nil)
	if status != http.StatusOK || !strings.Contains(body, "Worked example") || !strings.Contains(body, `"stars":[true,true]`) {
		t.Errorf("GET chapter after the stars = %d, want Part 2 and both stars", status)
	}
	if status, _, _ := f.do(t, "POST", "/api/chapters/01-tally/solution", `{"part":1}`, nil); status != http.StatusOK {
		t.Errorf("solution after the star = %d, want 200", status)
	}
	prog, _ := f.ws.Progress()
	if prog.StarCount() != 2 {
		t.Errorf("progress on disk has %d stars, want 2", prog.StarCount())
	}
}

// TestConcurrentSaves has twenty clients save one file at once: every save
// is answered, the file ends as one of the versions sent, whole, and every
// version in its history is whole too.
func TestConcurrentSaves(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	const clients = 20
	sent := map[string]bool{}
	var bodies []string
	for i := 0; i < clients; i++ {
		content := fmt.Sprintf("package tally // client %d\n%s", i, strings.Repeat(fmt.Sprintf("// %02d\n", i), 2000))
		sent[content] = true
		b, _ := json.Marshal(map[string]string{"content": content})
		bodies = append(bodies, string(b))
	}
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if status, body, _ := f.do(t, "PUT", "/api/chapters/01-tally/files/tally.go", bodies[i], nil); status != http.StatusOK {
				t.Errorf("client %d: %d %s", i, status, body)
			}
		}(i)
	}
	wg.Wait()
	data, err := os.ReadFile(filepath.Join(f.dir, "01-tally", "tally.go"))
	if err != nil || !sent[string(data)] {
		t.Fatalf("after %d concurrent saves tally.go is not one of them (%d bytes, %v)", clients, len(data), err)
	}
	vs, err := f.ws.History("01-tally", "tally.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		old, _ := f.ws.ReadVersion("01-tally", "tally.go", v.ID)
		if !sent[string(old)] && !strings.Contains(string(old), "TODO(ch01)") {
			t.Errorf("history version %s is torn (%d bytes)", v.ID, len(old))
		}
	}
	if len(vs) != clients {
		t.Errorf("history has %d versions after %d saves over the stub, want %d (the stub and all but the last save)", len(vs), clients, clients)
	}
}

// TestRunNamesNoTerminalFlag runs code the interpreter cannot run, and code
// that panics, from the page: what the page shows names no flag of the
// terminal (issue 15: it said "--engine go"); the report says by a field
// that the go engine runs the code, for the page to offer its own choice.
func TestRunNamesNoTerminalFlag(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, 1, 1)
	tests := []struct {
		name         string
		parse        string
		goEngineRuns bool
		message      string // in the first test's message
	}{
		{"an interpreter gap", "package tally\n\nfunc Total(lines []string) int {\n\treturn min(len(lines), 3)\n}\n",
			true, "the go engine runs it as it is"},
		{"a runtime error", "package tally\n\nfunc Total(lines []string) int {\n\treturn len(lines[3])\n}\n",
			false, "panic: runtime error: index out of range [3] with length 3"},
		{"a panic placed in its function only", "package tally\n\nfunc Total(lines []string) int {\n\tpanic(nil)\n}\n",
			false, "the go engine shows the line"},
	}
	for _, tt := range tests {
		files, _ := json.Marshal(map[string]string{"tally.go": tt.parse})
		status, body, _ := f.do(t, "POST", "/api/chapters/01-tally/run", `{"suite":"example","engine":"interp","files":`+string(files)+`}`, nil)
		if status != http.StatusOK {
			t.Fatalf("%s: run = %d %s", tt.name, status, body)
		}
		if strings.Contains(body, "--engine") {
			t.Errorf("%s: run answered %s, which names a flag of the terminal", tt.name, body)
		}
		var rep harness.Report
		if err := json.Unmarshal([]byte(body), &rep); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		runs := false
		for _, ce := range rep.CompileErrors {
			runs = runs || ce.GoEngineRuns
		}
		if runs != tt.goEngineRuns {
			t.Errorf("%s: run's compile errors %+v: go_engine_runs %v, want %v", tt.name, rep.CompileErrors, runs, tt.goEngineRuns)
		}
		if len(rep.Tests) == 0 || !strings.Contains(rep.Tests[0].Message, tt.message) {
			t.Errorf("%s: run's tests %+v, want the first one's message to contain %q", tt.name, rep.Tests, tt.message)
		}
	}
}
