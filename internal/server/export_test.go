package server

import (
	"context"
	"time"
)

// SetBackoff replaces the clock and the wait of the server's backoff of
// failed attempts; a nil argument keeps the one in place.
func SetBackoff(s *Server, now func() time.Time, sleep func(context.Context, time.Duration) error) {
	s.backoff.mu.Lock()
	defer s.backoff.mu.Unlock()
	if now != nil {
		s.backoff.now = now
	}
	if sleep != nil {
		s.backoff.sleep = sleep
	}
}

// NextFailureDelay is how long the next failed attempt would wait.
func NextFailureDelay(s *Server) time.Duration { return s.backoff.next() }

// SameOriginTarget exposes sameOriginTarget to the tests.
var SameOriginTarget = sameOriginTarget

// Watching is closed once Watch watches the workspace's folders: a change
// made after it reaches the pages.
func (s *Server) Watching() <-chan struct{} { return s.watching }

// RunsWaiting is the number of runs waiting for a free slot.
func (s *Server) RunsWaiting() int { return len(s.runs.waiting) }
