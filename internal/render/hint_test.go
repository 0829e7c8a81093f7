package render

import (
	"testing"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

func TestHint(t *testing.T) {
	r := New()
	tests := []struct{ md, want string }{
		{"Call `strings.Fields(line)` first.", "Call <code>strings.Fields(line)</code> first."},
		{"A *gentle* push.", "A <em>gentle</em> push."},
		{"<script>alert(1)</script>", "<!-- raw HTML omitted -->"},
		{"Text <b onclick=x>bold</b>", "Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->"},
		{"One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>"},
	}
	for _, tt := range tests {
		if got := string(r.Hint(chapter.ParseMarkdown(tt.md))); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}
