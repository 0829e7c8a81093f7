package examples

// FuelEvent is a fact in the log of the fuel pump on the quay.
type FuelEvent interface {
	fuelEvent()
}

// Delivered: the tanker filled the pump's tank with some litres.
type Delivered struct{ Litres int }

// Pumped: a boat took some litres.
type Pumped struct {
	Boat   string
	Litres int
}

func (Delivered) fuelEvent() {}
func (Pumped) fuelEvent()    {}

// Tank is the pump's tank, folded from its log.
type Tank struct {
	Litres  int // in the tank
	Version int // how many events of the log have been applied
}

// Apply folds one event into the tank.
func (t *Tank) Apply(e FuelEvent) {
	switch e := e.(type) {
	case Delivered:
		t.Litres += e.Litres
	case Pumped:
		t.Litres -= e.Litres
	}
	t.Version++
}

// Unit is the unit this code writes dip readings in, and the only one it
// can read.
const Unit = "litres"

// Reading is a dip reading: a snapshot of the tank as of Tank.Version,
// written down in Unit. It saves replaying the log up to that version; it
// proves nothing the log does not.
type Reading struct {
	Unit string
	Tank Tank
}

// TakeReading notes the tank as it is now.
func TakeReading(t Tank) Reading {
	return Reading{Unit: Unit, Tank: t}
}

// LoadTank rebuilds the tank from its log, starting at the reading when
// there is one it can read, and returns the tank with the number of events
// it replayed. A reading in another unit is no head start at all.
func LoadTank(log []FuelEvent, r *Reading) (Tank, int) {
	var t Tank
	if r != nil && r.Unit == Unit {
		t = r.Tank
	}
	replayed := 0
	for _, e := range log[t.Version:] { // the events after the reading
		t.Apply(e)
		replayed++
	}
	return t, replayed
}
