package supportsyms

import "testing"

func TestTable(t *testing.T) {
	table := Table()
	testdb, ok := table["github.com/cqrsworkbook/workbook/exercises/testdb/testdb"]
	if !ok {
		t.Fatalf("Table() has no testdb: %v", keys(table))
	}
	if _, ok := testdb["Open"]; !ok {
		t.Errorf("Table()'s testdb has no Open, which the capstone's tests call")
	}
	if _, ok := testdb["OpenDSN"]; ok {
		t.Errorf("Table()'s testdb has OpenDSN, which opens any database its caller names")
	}
	if _, ok := Symbols["github.com/cqrsworkbook/workbook/exercises/testdb/testdb"]["OpenDSN"]; !ok {
		t.Errorf("the generated table has no OpenDSN: the test above would prove nothing")
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
