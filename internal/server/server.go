// Package server is the web workbook: a local HTTP server that shows a
// chapter beside an editor for the learner's files, runs the chapter's tests
// through the harness, saves every edit atomically with its history, and
// keeps the learner's stars. It is built to be safe to leave running: it
// listens on loopback, lets in only the browser that opened its link (a
// random token that works once, swapped for a session cookie), refuses
// foreign Host headers and cross-origin writes, caps bodies, sends a strict
// content security policy, and touches files only inside the workspace.
package server

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/site"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// Config is what a server serves.
type Config struct {
	// Chapters are the workbook's chapters, in order.
	Chapters []*chapter.Chapter
	// Harness runs tests; its engines are "interp" and "go".
	Harness *harness.Harness
	// Workspace holds the learner's files and progress.
	Workspace *workspace.Workspace
	// Renderer turns chapter prose into HTML.
	Renderer *render.Renderer
	// Token is the secret in the URL; empty makes a random one. It works
	// once: the first GET with it gets the session cookie.
	Token string
	// Port is the TCP port the server listens on (required). It names the
	// session cookie, so that workbooks on other ports do not share it.
	Port int
	// Runs is how many test runs may go at once (default: one per CPU);
	// Queue how many more may wait (default 8). Past that, 429.
	Runs, Queue int
	// Logger receives request errors; nil discards them.
	Logger *slog.Logger
}

// MaxBody caps request bodies (a learner file is a few KB).
const MaxBody = 1 << 20

// Server is the web workbook.
type Server struct {
	cfg     Config
	token   string
	auth    *auth
	cookie  string // the session cookie's name
	backoff *backoff
	tmpl    *template.Template
	mux     *http.ServeMux
	runs    *runQueue
	// watching is closed once Watch watches the workspace's folders.
	watching     chan struct{}
	watchingOnce sync.Once
	hub          *hub
	log          *slog.Logger

	mu    sync.Mutex
	pages map[string]*pageRun // the running run of each page
}

// New makes a server.
func New(cfg Config) (*Server, error) {
	if cfg.Port < 1 || cfg.Port > 65535 {
		return nil, fmt.Errorf("server: Config.Port is %d; it must be the port the server listens on", cfg.Port)
	}
	token := cfg.Token
	if token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		token = hex.EncodeToString(b)
	}
	if cfg.Runs <= 0 {
		cfg.Runs = runtime.NumCPU()
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 8
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	tmpl, err := template.New("").Funcs(funcs).ParseFS(site.FS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, token: token, auth: newAuth(token), cookie: cookieNameFor(cfg.Port), backoff: newBackoff(), tmpl: tmpl, runs: newRunQueue(cfg.Runs, cfg.Queue), hub: newHub(), log: log, pages: map[string]*pageRun{}, watching: make(chan struct{})}
	s.routes()
	return s, nil
}

// Token is the secret the learner's URL carries; it works once.
func (s *Server) Token() string { return s.token }

// TokenSpent is closed once the token was exchanged for a session: from
// then on it lets nobody in, and a launcher file that holds it can go.
func (s *Server) TokenSpent() <-chan struct{} { return s.auth.spent }

// Handler is the whole server, security checks first.
func (s *Server) Handler() http.Handler {
	cop := http.NewCrossOriginProtection()
	return s.secure(cop.Handler(s.mux))
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /static/", serveAsset)
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("GET /chapters/{id}", s.chapterPage)

	m.HandleFunc("GET /api/chapters", s.apiChapters)
	m.HandleFunc("GET /api/chapters/{id}", s.apiChapter)
	m.HandleFunc("GET /api/chapters/{id}/files/{name}", s.apiGetFile)
	m.HandleFunc("PUT /api/chapters/{id}/files/{name}", s.apiPutFile)
	m.HandleFunc("GET /api/chapters/{id}/files/{name}/history", s.apiHistory)
	m.HandleFunc("GET /api/chapters/{id}/files/{name}/history/{version}", s.apiVersion)
	m.HandleFunc("POST /api/chapters/{id}/files/{name}/restore", s.apiRestore)
	m.HandleFunc("POST /api/chapters/{id}/files/{name}/reset", s.apiReset)
	m.HandleFunc("POST /api/chapters/{id}/run", s.apiRun)
	m.HandleFunc("POST /api/chapters/{id}/hints", s.apiHint)
	m.HandleFunc("POST /api/chapters/{id}/solution", s.apiSolution)
	m.HandleFunc("POST /api/format", s.apiFormat)
	m.HandleFunc("GET /api/progress", s.apiProgress)
	m.HandleFunc("GET /api/events", s.apiEvents)
	s.mux = m
}

// secure applies the checks every request passes before any handler.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")

		for _, seg := range strings.Split(r.URL.Path, "/") {
			if seg == ".." || seg == "." || strings.ContainsRune(seg, 0) {
				writeError(w, http.StatusBadRequest, "bad path")
				return
			}
		}
		if !loopbackHost(r.Host) {
			http.Error(w, "forbidden: the workbook answers only to 127.0.0.1 and localhost", http.StatusForbidden)
			return
		}
		// The token in the URL is swapped, once, for a session cookie.
		if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet {
			s.signIn(w, r, t)
			return
		}
		// Static assets are the same for everyone and hold nothing private;
		// the sign-in page needs its stylesheet.
		public := (r.Method == http.MethodGet || r.Method == http.MethodHead) && strings.HasPrefix(r.URL.Path, "/static/")
		if !public && !s.signedIn(r) {
			s.unauthorized(w, r, false)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				writeError(w, http.StatusUnsupportedMediaType, "send JSON (Content-Type: application/json)")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine's loopback
// interface, the only names a page can legitimately use; anything else is
// a DNS-rebinding attempt.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	switch strings.ToLower(host) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// Shutdown ends every run and event stream.
func (s *Server) Shutdown() {
	s.mu.Lock()
	for _, run := range s.pages {
		run.cancel()
	}
	s.mu.Unlock()
	s.hub.close()
}

var funcs = template.FuncMap{
	"stars": func(n int) []int { return make([]int, n) },
	"add":   func(a, b int) int { return a + b },
	"since": func(t time.Time) string { return time.Since(t).Round(time.Second).String() },
	"asset": assetURL,
}
