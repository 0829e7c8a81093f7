package harness

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	locPrefix  = regexp.MustCompile(`^([\w.-]+\.go):(\d+): ?`)
	traceLine  = regexp.MustCompile(`^\s*Error Trace:`)
	traceCont  = regexp.MustCompile(`^\s+\S+\.go:\d+\s*$`)
	testLine   = regexp.MustCompile(`^\s*Test:\s`)
	traceFrame = regexp.MustCompile(`(\S+\.go):(\d+)`)
)

// CleanMessage tidies what a failing test logged, the same way for both
// engines: it drops the "file.go:12: " prefixes and testify's "Error Trace"
// and "Test" lines, and returns the first location that names one of the
// package's files (the go engine has them; the interpreter's point into
// reflect and are dropped).
func CleanMessage(msg string, files map[string][]byte) (clean, file string, line int) {
	var out []string
	inTrace := false
	for _, l := range strings.Split(msg, "\n") {
		if m := locPrefix.FindStringSubmatch(l); m != nil {
			if _, ok := files[m[1]]; ok && file == "" {
				file = m[1]
				line, _ = strconv.Atoi(m[2])
			}
			l = l[len(m[0]):]
		}
		if traceLine.MatchString(l) {
			inTrace = true
			continue
		}
		if inTrace && traceCont.MatchString(l) {
			continue
		}
		inTrace = false
		if testLine.MatchString(l) {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n")), file, line
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
