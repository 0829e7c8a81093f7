package main

import "testing"

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\n\tindented", "plain text\n\tindented"},
		{"\x1b]0;pwned\x07title", `\x1b]0;pwned\x07title`},
		{"\x1b[2J\x1b[32m✔ pass\x1b[0m", `\x1b[2J\x1b[32m✔ pass\x1b[0m`},
		{"fail\r✔ pass", `fail\x0d✔ pass`},
		{"del\x7f and C1 \u009b31m", `del\x7f and C1 \u009b31m`},
		{"bidi \u202eevil\u202c and zero\u200bwidth", `bidi \u202eevil\u202c and zero\u200bwidth`},
		{"bad utf-8 \xff", `bad utf-8 \xff`},
		{"ünïcödé and ★ stay", "ünïcödé and ★ stay"},
	}
	for _, tt := range tests {
		if got := visible(tt.in); got != tt.want {
			t.Errorf("visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
