package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// colourConsole reports whether f is a console that shows ANSI colours:
// it turns on the console's virtual terminal processing (Windows 10 and
// later), and says no where that fails (an older console, or not a
// console at all, such as a pipe or a file).
func colourConsole(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
