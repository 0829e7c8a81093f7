//go:build darwin || linux

package sandbox_test

import "syscall"

// alive reports whether a process exists (a zombie counts as gone once its
// parent, the killed child, is gone too).
func alive(pid int) bool { return syscall.Kill(pid, 0) == nil }
