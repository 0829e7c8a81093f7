package server_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/server"
)

// noWait makes a server's backoff answer failed attempts at once, and
// records the delays it was asked for.
type noWait struct {
	mu     sync.Mutex
	delays []time.Duration
}

func (n *noWait) sleep(ctx context.Context, d time.Duration) error {
	n.mu.Lock()
	n.delays = append(n.delays, d)
	n.mu.Unlock()
	return ctx.Err()
}

func (n *noWait) count() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.delays)
}

// refreshRE and hrefRE find where the sign-in page sends the browser on.
var (
	refreshRE = regexp.MustCompile(`<meta http-equiv="refresh" content="0;url=([^"]*)">`)
	hrefRE    = regexp.MustCompile(`<a href="([^"]*)">`)
)

// sentOn is where a sign-in page moves on to: the meta refresh's URL and
// the link's, which must agree.
func sentOn(t *testing.T, body string) string {
	t.Helper()
	m, a := refreshRE.FindStringSubmatch(body), hrefRE.FindStringSubmatch(body)
	if m == nil || a == nil {
		t.Fatalf("the sign-in page has no meta refresh or no link:\n%s", body)
	}
	if m[1] != a[1] {
		t.Errorf("the meta refresh goes to %q, the link to %q", m[1], a[1])
	}
	return html.UnescapeString(m[1])
}

// TestSignInIsSingleUse: the token link works once. Its first use sets a
// session cookie (a fresh 32-byte secret, not the token, named after the
// port, HttpOnly, SameSite=Strict, Path=/) and sends the browser on to the
// same page without the token; the secret then lets requests in. A second
// use of the link without the cookie gets a page that says the link was
// used and how to get a new one; with the cookie it just drops the token.
func TestSignInIsSingleUse(t *testing.T) {
	f := newUnsignedFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	status, body, hdr := f.do(t, "GET", "/chapters/01-tally?token="+testToken+"&x=1", "", nil)
	if status != http.StatusOK {
		t.Fatalf("the token link = %d, want 200 with the page that sends the browser on (%s)", status, body)
	}
	if got := sentOn(t, body); got != "/chapters/01-tally?x=1" {
		t.Errorf("the sign-in sends the browser on to %q, want the same page without the token", got)
	}
	if cc := hdr.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("the sign-in page's Cache-Control = %q, want no-store", cc)
	}
	res := http.Response{Header: hdr}
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == f.srv.CookieName() {
			session = c
		}
	}
	wantName := fmt.Sprintf("workbook_session_%d", f.ts.Listener.Addr().(*net.TCPAddr).Port)
	if session == nil || f.srv.CookieName() != wantName {
		t.Fatalf("Set-Cookie = %q, want a cookie %s", hdr.Values("Set-Cookie"), wantName)
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(session.Value) || session.Value == testToken {
		t.Errorf("the session secret %q is not 32 random bytes in hex (or is the token)", session.Value)
	}
	if !session.HttpOnly || session.SameSite != http.SameSiteStrictMode || session.Path != "/" || session.MaxAge != 0 {
		t.Errorf("the session cookie is %s, want HttpOnly, SameSite=Strict, Path=/, no expiry", hdr.Get("Set-Cookie"))
	}

	f.cookie = &http.Cookie{Name: session.Name, Value: session.Value}
	if status, body, _ := f.do(t, "GET", "/api/chapters", "", nil); status != http.StatusOK {
		t.Errorf("with the session cookie: %d %s", status, body)
	}
	if status, _, _ := f.do(t, "GET", "/api/chapters", "", map[string]string{"Cookie": session.Name + "=" + testToken}); status != http.StatusUnauthorized {
		t.Errorf("the token as the cookie: %d, want 401", status)
	}

	// The link again, from a browser without the session.
	for _, path := range []string{"/?token=" + testToken, "/chapters/01-tally?token=" + testToken} {
		status, body, hdr := f.do(t, "GET", path, "", map[string]string{"Cookie": ""})
		if status != http.StatusUnauthorized || !strings.Contains(body, "already used") || !strings.Contains(body, "start it again") {
			t.Errorf("GET %s a second time = %d, want 401 with a page that says the link was used and to restart:\n%s", path, status, body)
		}
		if len(hdr.Values("Set-Cookie")) > 0 {
			t.Errorf("GET %s a second time set a cookie: %q", path, hdr.Values("Set-Cookie"))
		}
	}
	if status, body, _ := f.do(t, "GET", "/api/chapters?token="+testToken, "", map[string]string{"Cookie": ""}); status != http.StatusUnauthorized || !strings.Contains(body, "already used") {
		t.Errorf("the used token on the API = %d %s, want 401 saying it was used", status, body)
	}
	if status, body, _ := f.do(t, "GET", "/?token=wrong", "", map[string]string{"Cookie": ""}); status != http.StatusUnauthorized || strings.Contains(body, "already used") || !strings.Contains(body, "Open the link from your terminal") {
		t.Errorf("a wrong token = %d, want 401 with the page that says where the link is:\n%s", status, body)
	}
	// The link again in the signed-in browser: sent on, nothing new set.
	status, body, hdr = f.do(t, "GET", "/chapters/01-tally?token="+testToken, "", nil)
	if status != http.StatusOK || sentOn(t, body) != "/chapters/01-tally" || len(hdr.Values("Set-Cookie")) > 0 {
		t.Errorf("the used link in the signed-in browser = %d (Set-Cookie %q), want 200 sending it on without the token", status, hdr.Values("Set-Cookie"))
	}
	if status, _, _ := f.do(t, "GET", "/api/chapters", "", nil); status != http.StatusOK {
		t.Errorf("the session after the link's second use: %d, want 200", status)
	}
}

// TestSignInRace: of many requests with the token at once, exactly one
// gets a session.
func TestSignInRace(t *testing.T) {
	f := newUnsignedFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	server.SetBackoff(f.srv, nil, (&noWait{}).sleep)
	const n = 20
	var wg sync.WaitGroup
	statuses := make(chan int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, hdr := f.do(t, "GET", "/?token="+testToken, "", nil)
			if (status == http.StatusOK) != (len(hdr.Values("Set-Cookie")) == 1) {
				t.Errorf("answer %d with Set-Cookie %q", status, hdr.Values("Set-Cookie"))
			}
			statuses <- status
		}()
	}
	wg.Wait()
	close(statuses)
	won := 0
	for s := range statuses {
		switch s {
		case http.StatusOK:
			won++
		case http.StatusUnauthorized:
		default:
			t.Errorf("a concurrent sign-in got %d", s)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d concurrent uses of the token signed in, want exactly 1", won, n)
	}
}

// TestSessionCookieIsPerPort: two workbooks on one host, signed in from
// one browser (one cookie jar; cookies ignore ports), each keep their own
// session, and one's cookie does not open the other.
func TestSessionCookieIsPerPort(t *testing.T) {
	engines := map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}
	a, b := newUnsignedFixture(t, engines, 1, 1), newUnsignedFixture(t, engines, 1, 1)
	if a.srv.CookieName() == b.srv.CookieName() {
		t.Fatalf("two servers on ports %s and %s share the cookie name %s", a.ts.URL, b.ts.URL, a.srv.CookieName())
	}
	jar, _ := cookiejar.New(nil)
	client, ca := signInClient(t, a.ts.URL, testToken, jar)
	_, cb := signInClient(t, b.ts.URL, testToken, jar)
	for _, f := range []*fixture{a, b} {
		res, err := client.Get(f.ts.URL + "/api/chapters")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s with the shared jar after signing in to both: %d, want 200 (one sign-in overwrote the other's cookie?)", f.ts.URL, res.StatusCode)
		}
	}
	// a's cookie, as is, at b, and a's secret under b's name.
	b.cookie = ca
	if status, _, _ := b.do(t, "GET", "/api/chapters", "", nil); status != http.StatusUnauthorized {
		t.Errorf("the other workbook's cookie: %d, want 401", status)
	}
	b.cookie = &http.Cookie{Name: cb.Name, Value: ca.Value}
	if status, _, _ := b.do(t, "GET", "/api/chapters", "", nil); status != http.StatusUnauthorized {
		t.Errorf("the other workbook's secret: %d, want 401", status)
	}
}

// TestNewNeedsThePort: a server that does not know its port cannot name
// its cookie.
func TestNewNeedsThePort(t *testing.T) {
	for _, port := range []int{0, -1, 65536} {
		if _, err := server.New(server.Config{Port: port}); err == nil {
			t.Errorf("server.New with Port %d succeeded, want an error", port)
		}
	}
}

// rawGet sends request-target as is, byte for byte, and returns the answer.
func rawGet(t *testing.T, addr, target string) (int, string, http.Header) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", target, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body), res.Header
}

// browserResolve resolves ref against base the way a browser's URL parser
// (WHATWG) reads it: leading and trailing C0 controls and spaces removed,
// every ASCII tab, LF and CR removed, "\" read as "/", and any number of
// slashes after the first two skipped before a host (as they are for http
// URLs).
func browserResolve(t *testing.T, base, ref string) *url.URL {
	t.Helper()
	ref = strings.TrimFunc(ref, func(r rune) bool { return r <= 0x20 })
	ref = strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(ref)
	if strings.HasPrefix(ref, "//") {
		ref = "//" + strings.TrimLeft(ref, "/")
	}
	b, _ := url.Parse(base)
	u, err := b.Parse(ref)
	if err != nil {
		t.Fatalf("resolve %q: %v", ref, err)
	}
	return u
}

// TestSignInStaysOnThisServer sends the token link with paths that a
// browser could read as another host, byte for byte over the wire, each to
// a fresh server (the token works once): each is refused, or the page it
// gets sends the browser on to a path of this server, with exactly one
// leading "/".
func TestSignInStaysOnThisServer(t *testing.T) {
	f := newUnsignedFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	paths := []string{
		"//evil.example/",
		"///evil.example/",
		"/\\evil.example/",
		"/\\\\evil.example/",
		"/\\/evil.example/",
		"/%09/evil.example",
		"/%0a/evil.example",
		"/%0d/evil.example",
		"/%0d%0a/%09/evil.example",
		"/%09%09%5c%5cevil.example",
		"/%2f%2fevil.example",
		"/%2F/evil.example",
		"/%5c%5cevil.example",
		"/%2f%5cevil.example",
		"/%20//evil.example",
		"/%7f/evil.example",
		"/%e3%80%80/evil.example",
		"/@evil.example",
		"/\t/evil.example",      // raw tab: Go's server refuses the request line
		"/\\\t\\evil.example",   // raw tab
		"/%00/evil.example",     // NUL: refused by the path check
		"/%2e%2e//evil.example", // "..": refused by the path check
		"http://evil.example/",  // absolute form: its host is not loopback
		"//evil.example/?next=//evil.example&",
	}
	for _, p := range paths {
		t.Run(fmt.Sprintf("%q", p), func(t *testing.T) {
			srv, ts := startServer(t, f.cfg)
			target := p + "?token=" + testToken
			if strings.Contains(p, "?") {
				target = p + "token=" + testToken
			}
			status, body, hdr := rawGet(t, ts.Listener.Addr().String(), target)
			if status != http.StatusOK {
				if status < 400 || status >= 500 || len(hdr.Values("Set-Cookie")) > 0 {
					t.Errorf("GET %q = %d (Set-Cookie %q), want a sign-in page or a refusal without a session", target, status, hdr.Values("Set-Cookie"))
				}
				if loc := hdr.Get("Location"); loc != "" {
					t.Errorf("GET %q = %d with Location %q", target, status, loc)
				}
				return
			}
			if len(hdr.Values("Set-Cookie")) != 1 || !strings.HasPrefix(hdr.Get("Set-Cookie"), srv.CookieName()+"=") {
				t.Errorf("GET %q signed in without the session cookie: %q", target, hdr.Values("Set-Cookie"))
			}
			on := sentOn(t, body)
			if len(on) < 1 || on[0] != '/' || (len(on) > 1 && (on[1] == '/' || on[1] == '\\')) {
				t.Errorf("GET %q sends the browser on to %q, not a path with exactly one leading /", target, on)
			}
			if strings.ContainsFunc(on, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Errorf("GET %q sends the browser on to %q, with a control character", target, on)
			}
			u := browserResolve(t, ts.URL, on)
			if want, _ := url.Parse(ts.URL); u.Scheme != want.Scheme || u.Host != want.Host {
				t.Errorf("GET %q sends the browser on to %q, which a browser reads as %s, off this server (%s)", target, on, u, want.Host)
			}
			if strings.Contains(on, "token") {
				t.Errorf("GET %q sends the browser on to %q, still with the token", target, on)
			}
			if r := hdr.Get("Location"); r != "" {
				t.Errorf("the sign-in page has a Location header %q", r)
			}
		})
	}
}

// TestSameOriginTarget checks the path the sign-in sends the browser on to
// for request URLs the wire cannot carry (a raw tab, LF or backslash in
// the decoded path, as %09, %0a and %5c decode to).
func TestSameOriginTarget(t *testing.T) {
	for _, u := range []*url.URL{
		{Path: "/\t/evil.example"},
		{Path: "/\n\\evil.example"},
		{Path: "/\r\n//evil.example"},
		{Path: "\\\\evil.example"},
		{Path: "//evil.example", RawPath: "/%2f/evil.example"},
		{Path: ""},
		{Path: "/", RawQuery: "token=x&next=%2F%2Fevil.example"},
		{Path: "/\x00\x01\x7f/evil.example"},
	} {
		got := server.SameOriginTarget(u)
		if len(got) < 1 || got[0] != '/' || (len(got) > 1 && (got[1] == '/' || got[1] == '\\')) || strings.Contains(got, "token") {
			t.Errorf("SameOriginTarget(%q) = %q", u, got)
		}
		if r := browserResolve(t, "http://127.0.0.1:7878/", got); r.Host != "127.0.0.1:7878" {
			t.Errorf("SameOriginTarget(%q) = %q, read by a browser as %s", u, got, r)
		}
	}
}

// TestFailedAttemptsSlowDownNeverLockOut: wrong tokens and wrong cookies
// get a delay that doubles from 50 ms up to 2 s and decays over time; they
// are answered 401, never 429; and all the while a request with the valid
// session cookie is answered at once with 200. The backoff's clock is
// stopped and its wait recorded instead of waited, so the test reads the
// delays the limiter chose.
func TestFailedAttemptsSlowDownNeverLockOut(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	var clockMu sync.Mutex
	clock := time.Unix(1_000_000, 0)
	now := func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return clock }
	advance := func(d time.Duration) { clockMu.Lock(); clock = clock.Add(d); clockMu.Unlock() }
	rec := &noWait{}
	server.SetBackoff(f.srv, now, rec.sleep)

	attempts := []map[string]string{
		{"Cookie": f.srv.CookieName() + "=guess"},
		{"Cookie": ""},
		{"Cookie": "workbook_token=" + testToken},
	}
	for i := 0; i < 40; i++ {
		path := "/api/chapters"
		hdr := attempts[i%len(attempts)]
		if i%4 == 3 {
			path = fmt.Sprintf("/?token=guess%d", i)
		}
		status, body, h := f.do(t, "GET", path, "", hdr)
		if status != http.StatusUnauthorized || h.Get("Retry-After") != "" {
			t.Fatalf("failed attempt %d: %d (Retry-After %q) %s, want 401", i, status, h.Get("Retry-After"), body)
		}
	}
	want := []time.Duration{0, 50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, 1600 * time.Millisecond, 2 * time.Second, 2 * time.Second}
	rec.mu.Lock()
	got := append([]time.Duration(nil), rec.delays...)
	rec.mu.Unlock()
	if len(got) != 40 {
		t.Fatalf("the backoff was asked to wait %d times for 40 failed attempts", len(got))
	}
	for i, d := range want {
		if got[i] != d {
			t.Errorf("failed attempt %d waited %v, want %v (all: %v)", i, got[i], d, got[:len(want)])
		}
	}
	for i, d := range got[len(want):] {
		if d != 2*time.Second {
			t.Errorf("failed attempt %d waited %v, want the cap, 2s", len(want)+i, d)
		}
	}
	if d := server.NextFailureDelay(f.srv); d != 2*time.Second {
		t.Errorf("after the burst the next failure would wait %v, want 2s", d)
	}

	// The learner, meanwhile: never waits, never refused.
	before := rec.count()
	for _, path := range []string{"/api/chapters", "/", "/chapters/01-tally"} {
		if status, body, _ := f.do(t, "GET", path, "", nil); status != http.StatusOK {
			t.Errorf("GET %s with the session cookie after the burst: %d, want 200 (%.200s)", path, status, body)
		}
	}
	if status, _, _ := f.do(t, "PUT", "/api/chapters/01-tally/files/tally.go", `{"content":"package tally\n"}`, nil); status != http.StatusOK {
		t.Errorf("a save with the session cookie after the burst: %d, want 200", status)
	}
	if n := rec.count(); n != before {
		t.Errorf("requests with the session cookie went through the backoff %d times", n-before)
	}

	// The delay decays: after a quiet minute a failure waits less, after
	// a few none.
	advance(time.Minute)
	if d := server.NextFailureDelay(f.srv); d <= 0 || d >= 2*time.Second {
		t.Errorf("a minute after the burst the next failure would wait %v, want less than 2s and more than 0", d)
	}
	advance(2 * time.Minute)
	if d := server.NextFailureDelay(f.srv); d != 0 {
		t.Errorf("three minutes after the burst the next failure would wait %v, want 0", d)
	}
}

// TestWaitingFailureHoldsUpNothing: a failed attempt that is waiting out
// its delay holds up neither the learner's requests nor, once its client
// gives up, the server: the wait ends with the request's context.
func TestWaitingFailureHoldsUpNothing(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	waiting, left := make(chan struct{}), make(chan error, 1)
	server.SetBackoff(f.srv, nil, func(ctx context.Context, d time.Duration) error {
		close(waiting)
		<-ctx.Done() // as long a delay as there is
		left <- ctx.Err()
		return ctx.Err()
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	answered := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, "GET", f.ts.URL+"/api/chapters", nil)
		req.AddCookie(&http.Cookie{Name: f.srv.CookieName(), Value: "guess"})
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		answered <- err
	}()
	select {
	case <-waiting:
	case <-time.After(10 * time.Second):
		t.Fatal("the failed attempt never reached the backoff")
	}
	for i := 0; i < 3; i++ {
		if status, _, _ := f.do(t, "GET", "/api/chapters", "", nil); status != http.StatusOK {
			t.Errorf("the learner's request beside a waiting failure: %d, want 200", status)
		}
	}
	select {
	case err := <-answered:
		t.Fatalf("the failed attempt was answered (%v) before its wait ended", err)
	default:
	}
	cancel()
	select {
	case err := <-left:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the wait ended with %v, want the request's context cancelled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server kept waiting after its client gave up")
	}
	<-answered
}

// TestLauncherFile: the launcher is a private file (0600 in a 0700 folder
// of its own) whose meta refresh and link go to the sign-in link, and
// Remove deletes the folder.
func TestLauncherFile(t *testing.T) {
	link := "http://127.0.0.1:7878/?token=" + testToken
	l, err := server.NewLauncher(link)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Remove()
	data, err := os.ReadFile(l.Path)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	if got := sentOn(t, page); got != link {
		t.Errorf("the launcher sends the browser to %q, want %q", got, link)
	}
	if !strings.Contains(page, `<meta name="referrer" content="no-referrer">`) {
		t.Errorf("the launcher does not keep the link from the referrer:\n%s", page)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(l.Path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("the launcher file's mode is %v, want 0600", fi.Mode().Perm())
		}
		di, err := os.Stat(filepath.Dir(l.Path))
		if err != nil {
			t.Fatal(err)
		}
		if di.Mode().Perm() != 0o700 {
			t.Errorf("the launcher's folder's mode is %v, want 0700", di.Mode().Perm())
		}
		if entries, _ := os.ReadDir(filepath.Dir(l.Path)); len(entries) != 1 {
			t.Errorf("the launcher's folder holds %d files, want 1", len(entries))
		}
	}
	if err := l.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(l.Path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Remove the launcher's folder is still there (%v)", err)
	}
	for _, bad := range []string{"javascript:alert(1)", "file:///etc/passwd", "127.0.0.1:7878/?token=x", "http://"} {
		if l, err := server.NewLauncher(bad); err == nil {
			l.Remove()
			t.Errorf("NewLauncher(%q) succeeded, want an error", bad)
		}
	}
	// Quotes and markup in a link stay inside the attributes.
	l2, err := server.NewLauncher(`http://127.0.0.1:7878/?token=a"><script>x</script>`)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Remove()
	data, _ = os.ReadFile(l2.Path)
	if strings.Contains(string(data), "<script>") {
		t.Errorf("the launcher let markup from the link through:\n%s", data)
	}
}

// TestLauncherSweepsStaleOnes: a launcher folder left by a workbook that
// was killed (older than an hour, holding only its launcher file) is gone
// once another launcher is written; a fresh one, one holding anything
// else, and folders of other names are left be.
func TestLauncherSweepsStaleOnes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("os.TempDir does not follow TMPDIR on Windows")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := time.Now().Add(-2 * time.Hour)
	mk := func(name string, files ...string) string {
		t.Helper()
		dir := filepath.Join(tmp, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	stale := mk("workbook-launch-1", server.LauncherName)
	fresh := mk("workbook-launch-2", server.LauncherName)
	other := mk("workbook-launch-3", server.LauncherName, "notes.txt")
	foreign := mk("workbook-run-4", server.LauncherName)
	for _, dir := range []string{stale, other, foreign} {
		if err := os.Chtimes(dir, old, old); err != nil {
			t.Fatal(err)
		}
	}
	l, err := server.NewLauncher("http://127.0.0.1:7878/?token=x")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Remove()
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("NewLauncher left the stale launcher folder (%v)", err)
	}
	for _, dir := range []string{fresh, other, foreign, filepath.Dir(l.Path)} {
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("NewLauncher removed %s: %v", filepath.Base(dir), err)
		}
	}
}

// TestTokenSpent: the channel that tells the launcher to go is closed by
// the exchange, not before.
func TestTokenSpent(t *testing.T) {
	f := newUnsignedFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	select {
	case <-f.srv.TokenSpent():
		t.Fatal("TokenSpent is closed before any sign-in")
	default:
	}
	f.do(t, "GET", "/?token=wrong", "", nil)
	select {
	case <-f.srv.TokenSpent():
		t.Fatal("TokenSpent is closed after a wrong token")
	default:
	}
	if status, body, _ := f.do(t, "GET", "/?token="+testToken, "", nil); status != http.StatusOK {
		t.Fatalf("sign-in = %d: %s", status, body)
	}
	select {
	case <-f.srv.TokenSpent():
	default:
		t.Fatal("TokenSpent is still open after the exchange")
	}
}
