package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// FileEvent tells pages that a learner file changed on disk (saved by the
// learner's own editor, say).
type FileEvent struct {
	Chapter string `json:"chapter"`
	File    string `json:"file"`
	ETag    string `json:"etag"`
}

// hub fans file events out to the pages listening.
type hub struct {
	mu     sync.Mutex
	subs   map[chan FileEvent]bool
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan FileEvent]bool{}} }

func (h *hub) subscribe() chan FileEvent {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := make(chan FileEvent, 16)
	if h.closed {
		close(c)
		return c
	}
	h.subs[c] = true
	return c
}

func (h *hub) unsubscribe(c chan FileEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[c] {
		delete(h.subs, c)
		close(c)
	}
}

func (h *hub) publish(e FileEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- e:
		default: // a slow page misses an event; it re-reads on focus
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.subs {
		close(c)
	}
	h.subs = map[chan FileEvent]bool{}
}

// Watch follows the learner files on disk and tells the pages when one
// changes, until stop is closed. Editors save by writing a temporary file
// and renaming it, so the watch is on the chapter folders, and a burst of
// events for one file is reported once.
func (s *Server) Watch(stop <-chan struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	dir := s.cfg.Workspace.Dir()
	learner := map[string]string{} // path → chapter id
	for _, ch := range s.cfg.Chapters {
		if err := w.Add(filepath.Join(dir, ch.ID)); err != nil {
			continue // a workspace may lack a chapter folder
		}
		for _, name := range ch.LearnerFiles {
			learner[filepath.Join(dir, ch.ID, name)] = ch.ID
		}
	}
	s.watchingOnce.Do(func() { close(s.watching) })
	pending := map[string]bool{}
	var timer <-chan time.Time
	last := map[string]string{}
	for {
		select {
		case <-stop:
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.log.Warn("watch", "err", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if _, ok := learner[ev.Name]; ok {
				pending[ev.Name] = true
				timer = time.After(100 * time.Millisecond)
			}
		case <-timer:
			for p := range pending {
				id := learner[p]
				name := filepath.Base(p)
				_, etag, err := s.cfg.Workspace.Read(id, name)
				if err != nil || last[p] == etag {
					continue
				}
				last[p] = etag
				s.hub.publish(FileEvent{Chapter: id, File: name, ETag: etag})
			}
			pending = map[string]bool{}
		}
	}
}

// apiEvents streams file events to a page (server-sent events).
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	chapterID := r.URL.Query().Get("chapter")
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := s.hub.subscribe()
	defer s.hub.unsubscribe(c)
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	ping := time.NewTicker(25 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		case e, ok := <-c:
			if !ok {
				return
			}
			if chapterID != "" && !strings.EqualFold(e.Chapter, chapterID) {
				continue
			}
			data, _ := json.Marshal(e)
			fmt.Fprintf(w, "event: file\ndata: %s\n\n", data)
			flusher.Flush()
		}
	}
}
