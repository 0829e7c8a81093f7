package harness

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	locPrefix  = regexp.MustCompile(`^([\w.-]+\.go):(\d+): ?`)
	traceFrame = regexp.MustCompile(`(\S+\.go):(\d+)`)
)

// CleanMessage tidies what a failing test logged, the same way for both
// engines: it drops the "file.go:12: " prefixes, rewrites testify's tabbed
// blocks as "Messages: Error" with the details indented under them (without
// the "Error Trace" and "Test" lines), and returns the first location that
// names one of the package's files (the go engine has them; the
// interpreter's point into reflect and are dropped).
func CleanMessage(msg string, files map[string][]byte) (clean, file string, line int) {
	var out []string
	var block *testifyBlock
	flush := func() {
		if block != nil {
			out = append(out, block.lines()...)
			block = nil
		}
	}
	for _, l := range strings.Split(msg, "\n") {
		if m := locPrefix.FindStringSubmatch(strings.TrimLeft(l, " \t")); m != nil {
			if _, ok := files[m[1]]; ok && file == "" {
				file = m[1]
				line, _ = strconv.Atoi(m[2])
			}
			l = strings.TrimLeft(l, " \t")[len(m[0]):]
		}
		if m := testifyLabel.FindStringSubmatch(l); m != nil {
			// A new assertion starts with its trace (the go engine's), or
			// with its Error where there is no trace (the interpreter's).
			if m[1] == "Error Trace" || block == nil || m[1] == "Error" && block.fields["Error"] != nil {
				flush()
				block = &testifyBlock{}
			}
			block.label = m[1]
			block.add(m[2])
			continue
		}
		if block != nil {
			if m := testifyCont.FindStringSubmatch(l); m != nil {
				block.add(m[1])
				continue
			}
			if strings.TrimSpace(l) == "" {
				continue
			}
			flush()
		}
		out = append(out, l)
	}
	flush()
	return strings.TrimSpace(strings.Join(out, "\n")), file, line
}

var (
	testifyLabel = regexp.MustCompile(`^\s*(Error Trace|Error|Test|Messages):\s*\t(.*)$`)
	testifyCont  = regexp.MustCompile(`^\s*\t\s*\t(.*)$`)
)

// testifyBlock is one failed testify assertion, by label.
type testifyBlock struct {
	label  string
	fields map[string][]string
}

func (b *testifyBlock) add(text string) {
	if b.fields == nil {
		b.fields = map[string][]string{}
	}
	b.fields[b.label] = append(b.fields[b.label], strings.TrimRight(text, " \t"))
}

// lines puts the call (testify's Messages) first, then what went wrong. A
// message of several lines (Given, When, Then) keeps them, and what went
// wrong follows its last.
func (b *testifyBlock) lines() []string {
	errLines := b.fields["Error"]
	msgLines := b.fields["Messages"]
	var out []string
	head := ""
	if len(msgLines) > 0 {
		out = append(out, msgLines[:len(msgLines)-1]...)
		head = msgLines[len(msgLines)-1]
	}
	if len(errLines) > 0 {
		if head != "" {
			head += ": "
		}
		head += strings.TrimSpace(errLines[0])
		errLines = errLines[1:]
	}
	out = append(out, head)
	for _, l := range errLines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		out = append(out, "    "+l)
	}
	return out
}

// StackLocation returns the first frame of a Go stack trace that is in one
// of the package's files, by base name.
func StackLocation(stack string, files map[string][]byte) (string, int) {
	for _, m := range traceFrame.FindAllStringSubmatch(stack, -1) {
		base := m[1][strings.LastIndex(m[1], "/")+1:]
		if _, ok := files[base]; ok && !strings.HasSuffix(base, "_test.go") {
			n, _ := strconv.Atoi(m[2])
			return base, n
		}
	}
	return "", 0
}
