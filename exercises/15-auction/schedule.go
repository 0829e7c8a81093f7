//go:build ignore

package auction

import (
	"sync"
	"time"
)

// WarningBefore is how long before a lot closes its bidders are warned.
const WarningBefore = 2 * time.Minute

// Scheduler runs jobs at times of a fake clock, which moves only when
// AdvanceTo moves it: a test, or the puzzle, decides when time passes, so
// every run does the same things in the same order. It is also a Clock,
// so an event store can stamp its appends with the scheduler's time.
type Scheduler struct {
	mu   sync.Mutex
	now  time.Time
	jobs []job
	seq  int
}

// job is a function to run at a time; seq keeps jobs of the same time in
// the order they were scheduled.
type job struct {
	at   time.Time
	seq  int
	name string
	run  func()
}

// NewScheduler returns a scheduler whose clock reads start.
func NewScheduler(start time.Time) *Scheduler {
	return &Scheduler{now: start}
}

// Now returns the time on the scheduler's clock. Unlike StepClock's, it
// does not move when asked.
func (s *Scheduler) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// At schedules run to be called when the clock reaches at. name says what
// the job is, for Pending. A job scheduled at or before the current time
// runs at the next AdvanceTo.
func (s *Scheduler) At(at time.Time, name string, run func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.jobs = append(s.jobs, job{at: at, seq: s.seq, name: name, run: run})
}

// AdvanceTo moves the clock on to t, running every job due at or before t
// on the way, earliest first (jobs due at the same time in the order they
// were scheduled, jobs scheduled by a job included). While a job runs, Now
// returns the time it was due, or the current time if that is later: the
// clock never goes back. It returns how many jobs ran.
func (s *Scheduler) AdvanceTo(t time.Time) int {
	ran := 0
	for {
		s.mu.Lock()
		next := -1
		for i, j := range s.jobs {
			if j.at.After(t) {
				continue
			}
			if next < 0 || j.at.Before(s.jobs[next].at) || (j.at.Equal(s.jobs[next].at) && j.seq < s.jobs[next].seq) {
				next = i
			}
		}
		if next < 0 {
			if t.After(s.now) {
				s.now = t
			}
			s.mu.Unlock()
			return ran
		}
		due := s.jobs[next]
		rest := []job{}
		rest = append(rest, s.jobs[:next]...)
		rest = append(rest, s.jobs[next+1:]...)
		s.jobs = rest
		if due.at.After(s.now) {
			s.now = due.at
		}
		s.mu.Unlock()
		due.run() // without the lock: a job may schedule more jobs
		ran++
	}
}

// Pending returns the names of the jobs not run yet, soonest first.
func (s *Scheduler) Pending() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	order := []job{}
	for _, j := range s.jobs {
		k := len(order)
		for k > 0 && (j.at.Before(order[k-1].at) || (j.at.Equal(order[k-1].at) && j.seq < order[k-1].seq)) {
			k--
		}
		tail := append([]job{j}, order[k:]...)
		order = append(order[:k], tail...)
	}
	out := []string{}
	for _, j := range order {
		out = append(out, j.name+" at "+ClockTime(j.at))
	}
	return out
}

// Notifier is a fake of the auction's text-message gateway: it only
// writes down what it was asked to send. It is safe for concurrent use.
type Notifier struct {
	mu   sync.Mutex
	sent []string
}

// Warn sends a bidder the two-minute warning of a lot, written down as
// "ada: lot-1 closes at 20:00".
func (n *Notifier) Warn(bidder, lot string, closesAt time.Time) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sent = append(n.sent, bidder+": "+lot+" closes at "+ClockTime(closesAt))
}

// Sent returns a copy of the messages sent so far, in order.
func (n *Notifier) Sent() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string{}, n.sent...)
}
