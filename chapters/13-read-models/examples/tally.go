package examples

import "errors"

// Drawer stands in for another database: it saves a batch of numbers all
// or nothing, and it can fail.
type Drawer struct {
	numbers map[string]int
	left    int // saves left before it fails; -1: it never fails
}

// ErrJammed is what Save returns once the drawer has failed.
var ErrJammed = errors.New("the drawer is jammed")

// NewDrawer returns an empty drawer that fails after saves saves (-1:
// never).
func NewDrawer(saves int) *Drawer {
	return &Drawer{numbers: map[string]int{}, left: saves}
}

// Save stores every number of the batch, or none of them.
func (d *Drawer) Save(batch map[string]int) error {
	if d.left == 0 {
		return ErrJammed
	}
	if d.left > 0 {
		d.left--
	}
	for k, n := range batch {
		d.numbers[k] = n
	}
	return nil
}

// Mend makes a jammed drawer work again, keeping what it saved.
func (d *Drawer) Mend() { d.left = -1 }

// Tally counts the boats that came in, in a drawer. Its checkpoint lives
// in the drawer too, under "seen", so a new Tally over the same drawer
// carries on where the last one stopped.
type Tally struct {
	drawer *Drawer
	apart  bool // save the count and the checkpoint in two saves (wrong)
}

// Take counts one entry, or returns the drawer's error.
func (t *Tally) Take(e Entry) error {
	if e.Pos <= t.drawer.numbers["seen"] {
		return nil
	}
	count := t.drawer.numbers["boats in"]
	if e.In {
		count++
	}
	if t.apart {
		if err := t.drawer.Save(map[string]int{"boats in": count}); err != nil {
			return err
		}
		return t.drawer.Save(map[string]int{"seen": e.Pos})
	}
	return t.drawer.Save(map[string]int{"boats in": count, "seen": e.Pos})
}

// Run hands the tally every entry after its checkpoint, stopping at the
// first error.
func (t *Tally) Run(log *Log) error {
	for _, e := range log.From(t.drawer.numbers["seen"] + 1) {
		if err := t.Take(e); err != nil {
			return err
		}
	}
	return nil
}
