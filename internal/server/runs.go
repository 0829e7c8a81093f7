package server

import (
	"context"
	"errors"
)

var errBusy = errors.New("busy")

// runQueue lets a few runs go at once and a few more wait; the rest are
// turned away, so a room full of browsers cannot pile up workers.
type runQueue struct {
	slots   chan struct{} // a token per running run
	waiting chan struct{} // a token per waiting run
}

func newRunQueue(running, waiting int) *runQueue {
	return &runQueue{slots: make(chan struct{}, running), waiting: make(chan struct{}, waiting)}
}

// acquire waits for a slot; it returns errBusy at once when the queue is
// full, or the context's error if the caller gives up.
func (q *runQueue) acquire(ctx context.Context) (release func(), err error) {
	select {
	case q.slots <- struct{}{}:
		return func() { <-q.slots }, nil
	default:
	}
	select {
	case q.waiting <- struct{}{}:
	default:
		return nil, errBusy
	}
	defer func() { <-q.waiting }()
	select {
	case q.slots <- struct{}{}:
		return func() { <-q.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// pageRun is the run a page has going.
type pageRun struct{ cancel context.CancelFunc }

// claimPage cancels the page's previous run, if it is still going, and
// registers this one.
func (s *Server) claimPage(ctx context.Context, page string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	run := &pageRun{cancel: cancel}
	s.mu.Lock()
	if prev, ok := s.pages[page]; ok {
		prev.cancel()
	}
	s.pages[page] = run
	s.mu.Unlock()
	return ctx, func() {
		cancel()
		s.mu.Lock()
		if s.pages[page] == run {
			delete(s.pages, page)
		}
		s.mu.Unlock()
	}
}
