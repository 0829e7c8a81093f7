//go:build ignore

package bank

import "errors"

// The refusals of a rebuild. The screen returns them, or errors that wrap
// them, when it is asked for something it must not do yet; test for them
// with errors.Is. A refusal changes nothing.
var (
	// ErrRebuilding: a rebuild was asked to start while another one is
	// still running.
	ErrRebuilding = errors.New("a rebuild is already running")
	// ErrNoRebuild: a swap was asked for with no rebuild running.
	ErrNoRebuild = errors.New("no rebuild is running")
	// ErrNotCaughtUp: a swap was asked for before the new view had caught
	// up with the store.
	ErrNotCaughtUp = errors.New("the new view has not caught up with the store")
)
