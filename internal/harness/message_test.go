package harness

import "testing"

func TestCleanMessage(t *testing.T) {
	files := map[string][]byte{"parse_test.go": nil, "parse.go": nil}
	tests := []struct {
		name, in, want, file string
		line                 int
	}{
		{"plain t.Errorf (go)", "parse_test.go:42: ParseCommand(\"x\") = 1, want 2", "ParseCommand(\"x\") = 1, want 2", "parse_test.go", 42},
		{"plain t.Errorf (interpreter)", "value.go:586: ParseCommand(\"x\") = 1, want 2", "ParseCommand(\"x\") = 1, want 2", "", 0},
		{"testify block",
			"value.go:586: \n\tError Trace:\t/usr/local/go/src/reflect/value.go:586\n\t            \t/root/go/x.go:1\n\tError:      \tNot equal: \n\t            \texpected: 2\n\t            \tactual  : 1\n\tTest:       \tTestPart1Example\n\tMessages:   \tParseCommand(\"x\")",
			"ParseCommand(\"x\"): Not equal:\n    expected: 2\n    actual  : 1", "", 0},
		{"two testify blocks without a trace (interpreter)",
			"\n\tError:      \tNot equal: \n\t            \texpected: 2\n\tTest:       \tTestX\n\tMessages:   \tfirst\n\n\tError:      \tNot equal: \n\t            \texpected: 3\n\tTest:       \tTestX\n\tMessages:   \tsecond",
			"first: Not equal:\n    expected: 2\nsecond: Not equal:\n    expected: 3", "", 0},
		{"a message of several lines keeps them",
			"\n\tError:      \tNot equal: \n\t            \texpected: 2\n\tTest:       \tTestX\n\tMessages:   \tGiven: acc-1 holds 0\n\t            \tWhen: Handle(t-1)\n\t            \tThen: a rule — day 8, Part 1",
			"Given: acc-1 holds 0\nWhen: Handle(t-1)\nThen: a rule — day 8, Part 1: Not equal:\n    expected: 2", "", 0},
		{"testify block then a panic", "parse_test.go:7: \n\tError Trace:\tparse_test.go:7\n\tError:      \tShould be true\n\tTest:       \tTestX\npanic: boom", "Should be true\npanic: boom", "parse_test.go", 7},
	}
	for _, tt := range tests {
		got, file, line := CleanMessage(tt.in, files)
		if got != tt.want || file != tt.file || line != tt.line {
			t.Errorf("%s: CleanMessage(%q) = %q, %q, %d; want %q, %q, %d", tt.name, tt.in, got, file, line, tt.want, tt.file, tt.line)
		}
	}
}
