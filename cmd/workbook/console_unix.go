//go:build !windows

package main

import "os"

// colourConsole reports whether f is a terminal that shows ANSI colours.
func colourConsole(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}
