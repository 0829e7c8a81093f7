package server

import (
	"net/http"
	"time"
)

// Timeouts bound how long the workbook waits for a client, so that a slow
// or stalled one (a tab whose machine went to sleep mid-request, or a
// deliberate trickle) cannot hold a connection and its goroutine forever.
// None bounds writing: the file-event stream stays open for as long as the
// page does, and a run's answer takes as long as the run.
type Timeouts struct {
	// ReadHeader is how long a request's headers may take to arrive.
	ReadHeader time.Duration
	// Idle is how long a kept-alive connection waits for its next request.
	Idle time.Duration
}

// DefaultTimeouts are generous for a person on the same machine and short
// for a stalled connection.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Idle: 2 * time.Minute}

// HTTPServer returns the http.Server the workbook serves h with. Its
// ReadTimeout stays unset on purpose: it would also cut off the file-event
// stream and long runs, so the body's deadline is set per request, around
// reading it (see BodyTimeout).
func HTTPServer(h http.Handler, t Timeouts) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, IdleTimeout: t.Idle}
}
