package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"html"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Signing in. The link the workbook prints carries a token that works once:
// the first GET with it swaps it for a fresh random session secret, set as
// an HttpOnly, SameSite=Strict cookie named after the server's port, and
// the token is dead from then on. Only the session secret lets requests in.

// cookiePrefix starts the session cookie's name; the port follows, since
// cookies ignore ports and two workbooks (or another program) on
// localhost must not share one.
const cookiePrefix = "workbook_session_"

// sessionBytes is the session secret's length before hex encoding.
const sessionBytes = 32

// exchangeResult is what became of a token offered in a URL.
type exchangeResult int

const (
	tokenWrong     exchangeResult = iota // never this server's token
	tokenUsed                            // this server's token, already exchanged
	tokenExchanged                       // exchanged now for a session secret
)

// auth holds the token until its one use, then the session secret.
type auth struct {
	token []byte

	mu      sync.Mutex
	used    bool
	session []byte // hex; nil until the exchange
	// spent is closed at the exchange.
	spent chan struct{}
}

func newAuth(token string) *auth {
	return &auth{token: []byte(token), spent: make(chan struct{})}
}

// exchange swaps the token t for a session secret, once. Only one of any
// number of concurrent requests with the token wins.
func (a *auth) exchange(t string) (secret string, res exchangeResult, err error) {
	if subtle.ConstantTimeCompare([]byte(t), a.token) != 1 {
		return "", tokenWrong, nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.used {
		return "", tokenUsed, nil
	}
	b := make([]byte, sessionBytes)
	if _, err := rand.Read(b); err != nil {
		return "", tokenWrong, err
	}
	secret = hex.EncodeToString(b)
	a.used, a.session = true, []byte(secret)
	close(a.spent)
	return secret, tokenExchanged, nil
}

// sessionOK reports, in constant time, whether v is the session secret.
func (a *auth) sessionOK(v string) bool {
	a.mu.Lock()
	session := a.session
	a.mu.Unlock()
	return session != nil && subtle.ConstantTimeCompare([]byte(v), session) == 1
}

// signedIn reports whether the request carries the valid session cookie.
func (s *Server) signedIn(r *http.Request) bool {
	c, err := r.Cookie(s.cookie)
	return err == nil && s.auth.sessionOK(c.Value)
}

// signIn handles a GET with ?token=: a signed-in browser is sent on (the
// token authorises nothing; it only leaves the address bar), the valid
// unused token is exchanged, and anything else is a failed attempt.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request, token string) {
	target := sameOriginTarget(r.URL)
	if s.signedIn(r) {
		s.sendOn(w, target)
		return
	}
	secret, res, err := s.auth.exchange(token)
	switch {
	case err != nil:
		s.log.Error("make a session secret", "err", err)
		writeError(w, http.StatusInternalServerError, "could not sign in; restart the workbook")
	case res == tokenExchanged:
		http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		s.sendOn(w, target)
	default:
		s.unauthorized(w, r, res == tokenUsed)
	}
}

// sendOn answers the sign-in with a page that moves on to target itself
// (meta refresh, and a link) rather than with a 303. A browser that came
// from elsewhere (the launcher file, another site) would not send a
// SameSite=Strict cookie on a redirect in that same navigation, and would
// land on the sign-in page with its token spent; a navigation this
// server's own page starts does send it.
func (s *Server) sendOn(w http.ResponseWriter, target string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	t := html.EscapeString(target)
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=%s">
<title>Signed in · CQRS Workbook</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="%s">
</head>
<body class="home">
<main><p>Signed in. <a href="%s">Open the workbook</a> if it does not open by itself.</p></main>
</body>
</html>
`, t, assetURL("app.css"), t)
}

// sameOriginTarget is where the sign-in sends the browser on: the request's
// path and query without the token, as a path that can only name this
// server. It uses the escaped path (so %09, %2f or %5c stay escaped rather
// than becoming a tab, a slash or a backslash), drops any control
// character, and collapses leading slashes and backslashes into one "/":
// the answer always starts with exactly one "/" followed by neither "/"
// nor "\", which a browser cannot read as another host (it strips tabs and
// newlines from URLs, and reads "\" as "/").
func sameOriginTarget(u *url.URL) string {
	p := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, u.EscapedPath())
	target := "/" + strings.TrimLeft(p, "/\\")
	q := u.Query()
	q.Del("token")
	if enc := q.Encode(); enc != "" {
		target += "?" + enc
	}
	return target
}

// unauthorized answers a request without a valid session, or with a wrong
// or spent token, after the backoff's delay. used says the token was this
// server's and is spent.
func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request, used bool) {
	if err := s.backoff.fail(r.Context()); err != nil {
		return // the client gave up waiting
	}
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		msg := "no valid session: open the link the workbook printed in your terminal"
		if used {
			msg = "this link was already used; stop the workbook (Ctrl-C) and start it again for a new one"
		}
		writeError(w, http.StatusUnauthorized, msg)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	_ = s.tmpl.ExecuteTemplate(w, "unauthorized.html", struct{ Used bool }{used})
}

// CookieName is the name of the session cookie: workbook_session_ and the
// port the server listens on.
func (s *Server) CookieName() string { return s.cookie }

func cookieNameFor(port int) string { return cookiePrefix + strconv.Itoa(port) }

// Failed attempts (a wrong or spent token, a missing or wrong session
// cookie) are slowed down, never refused: each waits longer the more
// failures came recently, doubling from backoffBase up to backoffMax, and
// the count of recent failures halves every backoffHalfLife. The wait is a
// timer in the request's own goroutine that ends early when the client
// goes, so it holds up nothing else; a request with the valid session
// cookie, and the valid token, never meet it.
const (
	backoffBase     = 50 * time.Millisecond
	backoffMax      = 2 * time.Second
	backoffHalfLife = 30 * time.Second
	// backoffMaxScore bounds the count of recent failures: enough for the
	// longest delay, so that after a flood the delay decays within
	// minutes rather than hours.
	backoffMaxScore = 8
)

type backoff struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error

	mu    sync.Mutex
	score float64   // recent failures, decayed
	at    time.Time // when score was last brought up to date
}

func newBackoff() *backoff {
	return &backoff{now: time.Now, sleep: sleepCtx}
}

// recent is the count of recent failures at now. Call with mu held.
func (b *backoff) recent(now time.Time) float64 {
	if b.score == 0 {
		return 0
	}
	elapsed := now.Sub(b.at)
	if elapsed <= 0 {
		return b.score
	}
	n := b.score * math.Exp2(-float64(elapsed)/float64(backoffHalfLife))
	if n < 0.01 {
		return 0
	}
	return n
}

// fail records a failed attempt and waits as long as its answer must, or
// until ctx is done (then it returns ctx's error).
func (b *backoff) fail(ctx context.Context) error {
	b.mu.Lock()
	now := b.now()
	n := b.recent(now)
	b.score, b.at = math.Min(n+1, backoffMaxScore), now
	sleep := b.sleep
	b.mu.Unlock()
	return sleep(ctx, delayFor(n))
}

// next is the delay the next failed attempt would wait.
func (b *backoff) next() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	return delayFor(b.recent(b.now()))
}

// delayFor is the wait after n recent failures: none for the first,
// backoffBase for the second, doubling up to backoffMax.
func delayFor(n float64) time.Duration {
	if n < 1 {
		return 0
	}
	d := float64(backoffBase) * math.Exp2(n-1)
	if d >= float64(backoffMax) {
		return backoffMax
	}
	return time.Duration(d)
}

// sleepCtx waits d, or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
