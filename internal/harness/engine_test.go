package harness_test

import (
	"errors"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness"
)

func TestParseEngine(t *testing.T) {
	tests := []struct {
		in   string
		want harness.EngineName
		err  error
	}{
		{"", harness.Interp, nil},
		{"interp", harness.Interp, nil},
		{"go", harness.GoTest, nil},
		{"Go", "", harness.ErrEngine},
		{"jvm", "", harness.ErrEngine},
	}
	for _, tt := range tests {
		got, err := harness.ParseEngine(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ParseEngine(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	for _, e := range harness.EngineNames {
		if got, err := harness.ParseEngine(e.String()); got != e || err != nil {
			t.Errorf("ParseEngine(%q) = %q, %v; want it back", e, got, err)
		}
	}
}
