package preflight

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		interp bool
		want   string // "line:col substring", or "" for no diagnostic
	}{
		{"plain code", "package p\n\nimport \"strings\"\n\nfunc F(s string) []string { return strings.Fields(s) }\n", true, ""},
		{"range over int literal", "package p\n\nfunc F() {\n\tfor i := range 10 {\n\t\t_ = i\n\t}\n}\n", true, "4:17 range over an integer"},
		{"range over int variable", "package p\n\nfunc F(n int) {\n\tfor range n {\n\t}\n}\n", true, "4:12 range over an integer"},
		{"range over len of an imported value", "package p\n\nimport \"strings\"\n\nfunc F(s string) {\n\trest, _ := strings.CutPrefix(s, \"x\")\n\tn := len(rest)\n\tfor i := range n {\n\t\t_ = i\n\t}\n}\n", true, "8:17 range over an integer"},
		{"range over len directly", "package p\n\nimport \"strings\"\n\nfunc F(s string) {\n\tfor i := range len(strings.Fields(s)) {\n\t\t_ = i\n\t}\n}\n", true, "6:17 range over an integer"},
		{"range over a slice is fine", "package p\n\nfunc F(xs []int) {\n\tfor i := range xs {\n\t\t_ = i\n\t}\n}\n", true, ""},
		{"range over func", "package p\n\nfunc F(seq func(func(int) bool)) {\n\tfor x := range seq {\n\t\t_ = x\n\t}\n}\n", true, "4:17 range over a function"},
		{"min builtin", "package p\n\nfunc F(a, b int) int { return min(a, b) }\n", true, "3:31 no min builtin"},
		{"max builtin", "package p\n\nfunc F(a, b int) int { return max(a, b) }\n", true, "3:31 no max builtin"},
		{"own min is fine", "package p\n\nfunc min(a, b int) int { return a }\n\nfunc F(a, b int) int { return min(a, b) }\n", true, ""},
		{"clear builtin", "package p\n\nfunc F(m map[string]int) { clear(m) }\n", true, "3:28 no clear builtin"},
		{"return receive", "package p\n\nfunc F(c chan int) int { return <-c }\n", true, "3:33 cannot return a receive"},
		{"two inferred type parameters", "package p\n\nfunc Map[K comparable, V any](k K, v V) map[K]V { return map[K]V{k: v} }\n\nfunc F() { _ = Map(\"a\", 1) }\n", true, "5:16 cannot infer 2 type arguments"},
		{"explicit type arguments are fine", "package p\n\nfunc Map[K comparable, V any](k K, v V) map[K]V { return map[K]V{k: v} }\n\nfunc F() { _ = Map[string, int](\"a\", 1) }\n", true, ""},
		{"symbol newer than Go 1.22", "package p\n\nimport \"strings\"\n\nfunc F(s string) { _ = strings.Lines(s) }\n", true, "5:32 strings.Lines is not available"},
		{"forbidden import", "package p\n\nimport \"os/exec\"\n\nvar _ = exec.Command\n", true, "3:8 import \"os/exec\" is not allowed"},
		{"forbidden import, go engine too", "package p\n\nimport \"net/http\"\n\nvar _ = http.Get\n", false, "3:8 import \"net/http\" is not allowed"},
		{"unsafe", "package p\n\nimport \"unsafe\"\n\nvar _ = unsafe.Sizeof(1)\n", false, "3:8 import \"unsafe\" is not allowed"},
		{"gaps are fine in the go engine", "package p\n\nfunc F() { for i := range 10 { _ = i } }\n", false, ""},
		{"comma-ok assertion on a same-shaped struct", "package p\n\ntype A struct{ N int }\ntype B struct{ N int }\n\nfunc F(x any) bool { _, ok := x.(B); return ok }\n", true, "6:34 cannot tell B from A"},
		{"assertion on a struct without a twin is fine", "package p\n\ntype A struct{ N int }\ntype B struct{ S string }\n\nfunc F(x any) bool { _, ok := x.(B); return ok }\n", true, ""},
		{"type switch on twins is fine", "package p\n\ntype A struct{ N int }\ntype B struct{ N int }\n\nfunc F(x any) int {\n\tswitch x.(type) {\n\tcase A:\n\t\treturn 1\n\t}\n\treturn 0\n}\n", true, ""},
		{"struct and len in one return", "package p\n\ntype A struct{ N int }\n\nfunc F(xs []int) (A, int) { return A{N: 1}, len(xs) }\n", true, "5:45 cannot return a struct and len"},
		{"len first is fine", "package p\n\ntype A struct{ N int }\n\nfunc F(xs []int) (A, int) {\n\tn := len(xs)\n\treturn A{N: 1}, n\n}\n", true, ""},
		{"len and an int are fine", "package p\n\nfunc F(xs []int) (int, int) { return 1, len(xs) }\n", true, ""},
		{"parallel assignment with a call", "package p\n\nimport \"strconv\"\n\nfunc F(n int) (string, string) {\n\tvar a, b string\n\ta, b = \"x\", strconv.Itoa(n)\n\treturn a, b\n}\n", true, "7:2 loses values in a parallel assignment"},
		{"parallel declaration with a call is fine", "package p\n\nimport \"strconv\"\n\nfunc F(n int) (string, string) {\n\ta, b := \"x\", strconv.Itoa(n)\n\treturn a, b\n}\n", true, ""},
		{"a swap is fine", "package p\n\nfunc F(a, b int) (int, int) {\n\ta, b = b, a\n\treturn a, b\n}\n", true, ""},
		{"a generic function of slices", "package p\n\nimport \"slices\"\n\nfunc F(xs []int) { slices.Sort(xs) }\n", true, "5:27 none of the generic functions of slices"},
		{"testify is for the tests", "package p\n\nimport \"github.com/stretchr/testify/assert\"\n\nfunc F(t assert.TestingT) bool { return assert.FileExists(t, \"/etc/passwd\") }\n", false, "3:8 import \"github.com/stretchr/testify/assert\" is not allowed"},
		{"flag is for the tests", "package p\n\nimport \"flag\"\n\nfunc F() { flag.Set(\"test.cpuprofile\", \"/tmp/x\") }\n", false, "3:8 import \"flag\" is not allowed"},
		{"testing is for the tests", "package p\n\nimport \"testing\"\n\nfunc F() { testing.Init() }\n", false, "3:8 import \"testing\" is not allowed"},
		{"renamed import of a forbidden package", "package p\n\nimport f \"flag\"\n\nfunc F() { f.Parse() }\n", false, "3:8 import \"flag\" is not allowed"},
		{"dot import", "package p\n\nimport . \"database/sql\"\n\nfunc F() { Open(\"sqlite\", \"x\") }\n", false, "3:8 a dot import is not allowed"},
		{"renamed database/sql keeps its limits", "package p\n\nimport s \"database/sql\"\n\nfunc F() { s.Open(\"sqlite\", \"x\") }\n", false, "5:14 s.Open is not available"},
		{"no raw database handle", "package p\n\nimport \"database/sql\"\n\nfunc F(x any) { _ = x.(*sql.DB) }\n", false, "5:29 sql.DB is not available"},
		{"the values a store works with are fine", "package p\n\nimport \"database/sql\"\n\nfunc F(r *sql.Row) error { var n sql.NullInt64; return r.Scan(&n) }\n", false, ""},
		{"log prints only", "package p\n\nimport \"log\"\n\nfunc F() { log.SetFlags(log.Llongfile) }\n", false, "5:16 log.SetFlags is not available"},
		{"log.Print is fine", "package p\n\nimport \"log\"\n\nfunc F() { log.Print(\"x\") }\n", false, ""},
		{"a shadowing name is not the package", "package p\n\ntype T struct{}\n\nfunc (T) Open() {}\n\nfunc F(sql T) { sql.Open() }\n", false, ""},
		{"syntax error", "package p\n\nfunc F() {\n", true, "3:12 expected '}'"},
		{"unused import", "package p\n\nimport \"errors\"\n\nfunc F() {}\n", true, "3:8 \"errors\" imported and not used"},
		{"unused variable", "package p\n\nfunc F() {\n\tunused := 42\n}\n", true, "4:2 declared and not used: unused"},
		{"used import and variable are fine", "package p\n\nimport \"errors\"\n\nfunc F() error {\n\terr := errors.New(\"x\")\n\treturn err\n}\n", true, ""},
		{"several conditions in a tagless case", "package p\n\nfunc F(x int) bool {\n\tswitch {\n\tcase x == 1, x == 2:\n\t\treturn true\n\t}\n\treturn false\n}\n", true, "5:15 tests only the first condition"},
		{"several values in a tagged case are fine", "package p\n\nfunc F(x int) bool {\n\tswitch x {\n\tcase 1, 2:\n\t\treturn true\n\t}\n\treturn false\n}\n", true, ""},
		{"assignment in a select case", "package p\n\nfunc F(c chan error) (err error) {\n\tselect {\n\tcase err = <-c:\n\t}\n\treturn err\n}\n", true, "5:7 cannot assign to an existing variable in a select case"},
		{"declaration in a select case is fine", "package p\n\nfunc F(c chan error) error {\n\tselect {\n\tcase err := <-c:\n\t\treturn err\n\t}\n}\n", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"learner.go": []byte(tt.src), "given.go": []byte("package p\n\nimport \"os\"\n\nvar _ = os.Args\n")}
			diags := Check(files, []string{"learner.go"}, tt.interp)
			if tt.want == "" {
				if len(diags) > 0 {
					t.Errorf("Check(%q) = %v, want nothing", tt.src, diags)
				}
				return
			}
			loc, text, _ := strings.Cut(tt.want, " ")
			for _, d := range diags {
				if d.File == "learner.go" && strings.HasPrefix(d.String(), "learner.go:"+loc+":") && strings.Contains(d.Message, text) {
					return
				}
			}
			t.Errorf("Check(%q) = %v, want learner.go:%s containing %q", tt.src, diags, loc, text)
		})
	}
}

func TestCheckKeepsTheTestsOutOfReach(t *testing.T) {
	files := map[string][]byte{
		"given.go":      []byte("package p\n\nfunc Given() int { return 1 }\n"),
		"store_test.go": []byte("package p\n\nimport \"testing\"\n\nvar testT *testing.T\n\nfunc openDB(t *testing.T) int { return 0 }\n\ntype fixture struct{}\n"),
	}
	tests := []struct {
		name, src, want string
	}{
		{"a test helper", "package p\n\nfunc F() int { return openDB(nil) }\n", "3:23 openDB is declared in store_test.go, a test file"},
		{"a test variable", "package p\n\nfunc F() any { return testT }\n", "3:23 testT is declared in store_test.go"},
		{"a test type", "package p\n\nfunc F() any { return fixture{} }\n", "3:23 fixture is declared in store_test.go"},
		{"a given function is fine", "package p\n\nfunc F() int { return Given() }\n", ""},
		{"a local of the same name is fine", "package p\n\nfunc F() int { openDB := 2; return openDB }\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := map[string][]byte{"learner.go": []byte(tt.src)}
			for k, v := range files {
				all[k] = v
			}
			diags := Check(all, []string{"learner.go"}, false)
			if tt.want == "" {
				if len(diags) > 0 {
					t.Errorf("Check(%q) = %v, want nothing", tt.src, diags)
				}
				return
			}
			pos, msg, _ := strings.Cut(tt.want, " ")
			for _, d := range diags {
				if strings.HasPrefix(d.String(), "learner.go:"+pos+":") && strings.Contains(d.Message, msg) {
					return
				}
			}
			t.Errorf("Check(%q) = %v, want learner.go:%s containing %q", tt.src, diags, pos, msg)
		})
	}
}

// TestGoEngineRuns checks that what the interpreter cannot run, and the go
// engine can, says so by a field, and in words that name no flag of the
// terminal (the page shows them too); what go test refuses as well does not.
func TestGoEngineRuns(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"min builtin", "package p\n\nfunc F(a, b int) int { return min(a, b) }\n", true},
		{"range over an integer", "package p\n\nfunc F() {\n\tfor i := range 10 {\n\t\t_ = i\n\t}\n}\n", true},
		{"return receive", "package p\n\nfunc F(c chan int) int { return <-c }\n", true},
		{"a symbol newer than Go 1.22", "package p\n\nimport \"strings\"\n\nfunc F(s string) { _ = strings.Lines(s) }\n", true},
		{"unused variable", "package p\n\nfunc F() {\n\tunused := 42\n}\n", false},
		{"forbidden import", "package p\n\nimport \"os/exec\"\n\nvar _ = exec.Command\n", false},
	}
	for _, tt := range tests {
		diags := Check(map[string][]byte{"learner.go": []byte(tt.src)}, []string{"learner.go"}, true)
		if len(diags) != 1 {
			t.Errorf("%s: Check(%q) = %v, want one diagnostic", tt.name, tt.src, diags)
			continue
		}
		d := diags[0]
		if d.GoEngineRuns != tt.want {
			t.Errorf("%s: Check(%q).GoEngineRuns = %v, want %v (%s)", tt.name, tt.src, d.GoEngineRuns, tt.want, d)
		}
		if says := strings.HasSuffix(d.Message, " (the go engine runs it as is)"); says != tt.want {
			t.Errorf("%s: Check(%q) = %q: says the go engine runs it: %v, want %v", tt.name, tt.src, d.Message, says, tt.want)
		}
		if strings.Contains(d.Message, "--engine") {
			t.Errorf("%s: Check(%q) = %q, names a flag of the terminal", tt.name, tt.src, d.Message)
		}
	}
}
