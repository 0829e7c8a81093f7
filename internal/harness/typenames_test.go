package harness

import "testing"

func TestTypeNames(t *testing.T) {
	files := map[string][]byte{
		"account.go": []byte("package bank\n\ntype Account struct {\n\tID, Owner string\n\tBalance int\n}\n\ntype Twin struct{ A, B int }\n\ntype Other struct{ A, B int }\n\ntype Box[T any] struct{ V T }\n\ntype Wrap struct {\n\tKey string\n\tAcc Account\n}\n"),
		"note.txt":   []byte("not Go"),
	}
	name := TypeNames(files)
	tests := []struct{ in, want string }{
		{`expected: struct { ID string; Owner string; Balance int }{ID:"acc-1", Owner:"Ada", Balance:-40}`, `expected: bank.Account{ID:"acc-1", Owner:"Ada", Balance:-40}`},
		{`[]struct { ID string; Owner string; Balance int }{}`, `[]bank.Account{}`},
		{`struct { Key string; Acc struct { ID string; Owner string; Balance int } }{Key:"k"}`, `bank.Wrap{Key:"k"}`},
		{`two names for one shape: struct { A int; B int }{A:1, B:2}`, `two names for one shape: struct { A int; B int }{A:1, B:2}`},
		{`unknown: struct { X int }{X:1}`, `unknown: struct { X int }{X:1}`},
		{`already named: bank.Account{ID:"a"}`, `already named: bank.Account{ID:"a"}`},
	}
	for _, tt := range tests {
		if got := name(tt.in); got != tt.want {
			t.Errorf("TypeNames(files)(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
