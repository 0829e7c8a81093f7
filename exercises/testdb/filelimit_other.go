//go:build !unix

package testdb

// reachedFileLimit: no file-size limit here to reach (Windows has none for
// a process).
func reachedFileLimit(bool) bool { return false }
