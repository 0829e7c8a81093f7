package interp

import (
	"strings"
	"testing"
)

func TestCrashReason(t *testing.T) {
	tests := []struct {
		stderr string
		want   string // the start of the reason
	}{
		{"runtime: goroutine stack exceeds 67108864-byte limit\nfatal error: stack overflow", "stack overflow"},
		{"fatal error: runtime: out of memory", "out of memory"},
		{"==1573==ERROR: ThreadSanitizer failed to allocate 0x40000000 (1073741824) bytes at address 218008000000 (errno: 12)\n", "out of memory"},
		{"fatal error: too many address space collisions for -race mode\n", "out of memory"},
		{"fatal error: all goroutines are asleep - deadlock!", "deadlock"},
		{"panic: boom\n\ngoroutine 7 [running]:", "a goroutine panicked"},
		{"fatal error: concurrent map writes", "the program crashed: fatal error: concurrent map writes"},
	}
	for _, tt := range tests {
		if got := crashReason(tt.stderr, nil); !strings.HasPrefix(got, tt.want) {
			t.Errorf("crashReason(%q, nil) = %q, want it to start %q", tt.stderr, got, tt.want)
		}
	}
}
