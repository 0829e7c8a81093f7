package examples

// TripEvent is an event of a trip's own history: how the process went.
type TripEvent interface {
	TripID() string
}

// TripRequested: a traveller asked for a trip. It starts the history.
type TripRequested struct {
	Trip      string
	Traveller string
	Fare      int
}

// TripBooked: the fare was taken and the cabin booked.
type TripBooked struct{ Trip string }

// TripCancelled: the trip did not happen, and whatever was taken has been
// given back.
type TripCancelled struct {
	Trip   string
	Reason string
}

// TripID returns the trip's id.
func (e TripRequested) TripID() string { return e.Trip }

// TripID returns the trip's id.
func (e TripBooked) TripID() string { return e.Trip }

// TripID returns the trip's id.
func (e TripCancelled) TripID() string { return e.Trip }

// Trip is the state of one trip, folded from its own history.
type Trip struct {
	ID        string
	Fare      int
	Requested bool
	Over      bool   // booked or cancelled: nothing left to do
	Reason    string // why it was cancelled
}

// Apply folds one event of the trip's history into its state.
func (t *Trip) Apply(e TripEvent) {
	switch e := e.(type) {
	case TripRequested:
		t.ID, t.Fare, t.Requested = e.Trip, e.Fare, true
	case TripBooked:
		t.Over = true
	case TripCancelled:
		t.Over, t.Reason = true, e.Reason
	}
}

// Continue takes a trip as far as it can go. It rebuilds the trip from
// its history, not from anything kept in memory, and returns the event
// that ends it: nil when the trip is over already, or nil and an error
// when a partner did not answer and the trip must wait.
func Continue(history []TripEvent, p Partner) (TripEvent, error) {
	var t Trip
	for _, e := range history {
		t.Apply(e)
	}
	if !t.Requested || t.Over {
		return nil, nil
	}
	reason, err := Run(t.ID, []Step{
		{Name: "charge", Action: "charge", Amount: t.Fare, Undo: "refund"},
		{Name: "cabin", Action: "cabin"},
	}, p)
	if err != nil {
		return nil, err
	}
	if reason != "" {
		return TripCancelled{Trip: t.ID, Reason: reason}, nil
	}
	return TripBooked{Trip: t.ID}, nil
}
