package harness

import (
	"errors"
	"fmt"
)

// EngineName names an engine, in requests, reports and on the command line.
type EngineName string

// The workbook's two engines.
const (
	// Interp interprets the learner's Go (yaegi): no toolchain needed.
	Interp EngineName = "interp"
	// GoTest compiles and runs the tests with the learner's go command.
	GoTest EngineName = "go"
)

// EngineNames are the engines, the default first.
var EngineNames = []EngineName{Interp, GoTest}

// ErrEngine is a name that is not an engine's.
var ErrEngine = errors.New("unknown engine")

// ParseEngine is the engine named s: "interp" or "go"; empty is Interp.
func ParseEngine(s string) (EngineName, error) {
	switch EngineName(s) {
	case "":
		return Interp, nil
	case Interp, GoTest:
		return EngineName(s), nil
	}
	return "", fmt.Errorf("%w %q: the engines are interp and go", ErrEngine, s)
}

// String is the name as written.
func (e EngineName) String() string { return string(e) }

// Set parses s into e, for a command-line flag (flag.Value).
func (e *EngineName) Set(s string) error {
	v, err := ParseEngine(s)
	if err != nil {
		return err
	}
	*e = v
	return nil
}
