package examples

import "strings"

// Painted is how a name looks on the pier: capitals, single spaces.
func Painted(name string) string {
	return strings.ToUpper(strings.Join(strings.Fields(name), " "))
}

// Harbour keeps the names painted on the pier, to know which are taken.
type Harbour struct {
	painted map[string]string // painted name → the owner
}

// NewHarbour returns a harbour with no boats.
func NewHarbour() *Harbour {
	return &Harbour{painted: map[string]string{}}
}

// Register validates a request first, without looking at the pier; only a
// request that passes is checked against the boats already moored.
func (h *Harbour) Register(cmd RegisterBoat) []Problem {
	if problems := ValidateBoat(cmd); len(problems) > 0 {
		return problems
	}
	name := Painted(cmd.Name)
	if _, taken := h.painted[name]; taken {
		return []Problem{{Field: "name", Msg: "has already been taken"}}
	}
	h.painted[name] = cmd.Owner
	return nil
}
