package examples

import (
	"errors"
	"sync"
)

// ErrStale: the sign changed since the caller read it.
var ErrStale = errors.New("the sign moved on")

// ErrGoalReached: the fundraising goal is met; no more pledges.
var ErrGoalReached = errors.New("goal reached")

// Sign is the fundraising thermometer in the bank's window: a total and a
// version that counts the changes. Set changes it only if the caller read
// the version it is at now, as an event store's Append does.
type Sign struct {
	mu      sync.Mutex
	total   int
	version int
}

// Read returns the total and the version it is at.
func (s *Sign) Read() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total, s.version
}

// Set writes a new total, if the sign is still at version expected.
func (s *Sign) Set(expected, total int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.version != expected {
		return ErrStale
	}
	s.total = total
	s.version++
	return nil
}

// Pledge adds an amount to the sign, unless the goal is reached: read,
// decide, write expecting the version read, and on ErrStale read again and
// decide again. It returns how many times it had to start over.
func Pledge(s *Sign, amount, goal int) (int, error) {
	retries := 0
	for {
		total, version := s.Read()
		if total >= goal {
			return retries, ErrGoalReached // decided on what is true now
		}
		err := s.Set(version, total+amount)
		if !errors.Is(err, ErrStale) {
			return retries, err
		}
		retries++
	}
}
