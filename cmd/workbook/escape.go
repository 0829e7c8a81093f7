package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cqrsworkbook/workbook/internal/harness"
)

// visible makes text a terminal shows as text: every control character but
// newline and tab (ESC, which starts the sequences that retitle a window,
// move the cursor, hide or recolour text; CR, which overwrites a line;
// BEL, DEL and the C1 controls), and the Unicode marks that reorder or
// hide text (bidirectional overrides and isolates, zero-width joiners),
// become visible escapes such as \x1b and \u202e. Invalid UTF-8 becomes
// \xNN. Learner output and messages reach a terminal only through it.
func visible(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f, hidesText(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || hidesText(r) {
			return true
		}
		i += size
	}
	return false
}

// hidesText: the bidirectional controls and zero-width characters.
func hidesText(r rune) bool {
	return (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfeff
}

// visibleReport is rep with every text that learner code could have put
// in it made visible (see visible), for a terminal.
func visibleReport(rep *harness.Report) *harness.Report {
	out := *rep
	out.Problem = visible(rep.Problem)
	out.CompileErrors = make([]harness.CompileError, len(rep.CompileErrors))
	for i, ce := range rep.CompileErrors {
		ce.Message, ce.File = visible(ce.Message), visible(ce.File)
		out.CompileErrors[i] = ce
	}
	out.Tests = make([]harness.TestResult, len(rep.Tests))
	for i, t := range rep.Tests {
		t.Name, t.Message, t.Output, t.File = visible(t.Name), visible(t.Message), visible(t.Output), visible(t.File)
		out.Tests[i] = t
	}
	return &out
}
