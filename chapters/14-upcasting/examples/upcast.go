// Package examples holds the code that chapter 14's prose shows: upcasting
// the harbour's stored mooring events, one schema at a time.
package examples

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Stored is an event as the harbour's store keeps it: its type, the schema
// its JSON was written in, and the JSON.
type Stored struct {
	Type   string
	Schema int
	Data   string
}

// MooringBooked is the event in its current shape, schema 3.
type MooringBooked struct {
	Boat     string `json:"boat"`
	LengthCM int    `json:"length_cm"`
	Berth    string `json:"berth"`
}

// ErrUnknownSchema: a schema this code does not know, such as one written
// by newer code.
var ErrUnknownSchema = errors.New("unknown schema")

// Step turns a JSON document of one schema into the next schema.
type Step func(doc map[string]any) error

// Upcaster knows the current schema of each event type and a step from
// every older schema to the next.
type Upcaster struct {
	Current map[string]int
	Steps   map[string]Step // "MooringBooked/1": from schema 1 to 2
}

// Upcast brings a stored event to its type's current schema, step by step.
// The stored event itself is left as it was written.
func (u Upcaster) Upcast(s Stored) (Stored, error) {
	current := u.Current[s.Type]
	if s.Schema < 1 || s.Schema > current {
		return Stored{}, fmt.Errorf("%s schema %d: %w", s.Type, s.Schema, ErrUnknownSchema)
	}
	for s.Schema < current {
		step := u.Steps[fmt.Sprintf("%s/%d", s.Type, s.Schema)]
		var doc map[string]any
		if err := json.Unmarshal([]byte(s.Data), &doc); err != nil {
			return Stored{}, err
		}
		if err := step(doc); err != nil {
			return Stored{}, err
		}
		data, err := json.Marshal(doc)
		if err != nil {
			return Stored{}, err
		}
		s = Stored{Type: s.Type, Schema: s.Schema + 1, Data: string(data)}
	}
	return s, nil
}

// Harbour is the harbour office's upcaster. Schema 1 wrote a boat's
// length as text ("7.5m"), schema 2 as whole centimetres, and schema 3
// added the berth, which the first two schemas never assigned.
var Harbour = Upcaster{
	Current: map[string]int{"MooringBooked": 3},
	Steps: map[string]Step{
		"MooringBooked/1": func(doc map[string]any) error {
			text, _ := doc["length"].(string)
			metres, err := strconv.ParseFloat(strings.TrimSuffix(text, "m"), 64)
			if err != nil {
				return fmt.Errorf("length %q: %w", text, err)
			}
			delete(doc, "length")
			doc["length_cm"] = int(metres*100 + 0.5)
			return nil
		},
		"MooringBooked/2": func(doc map[string]any) error {
			doc["berth"] = "unassigned"
			return nil
		},
	},
}
