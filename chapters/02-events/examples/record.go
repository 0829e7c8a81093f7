package examples

import "encoding/json"

// Record is an event as an event store keeps it: the type's name beside
// the data, so a reader years later knows how to read the data back.
type Record struct {
	Type string
	Data string
}

// ToRecord turns an event into a record.
func ToRecord(e Event) (Record, error) {
	data, err := json.Marshal(e)
	if err != nil {
		return Record{}, err
	}
	return Record{Type: e.EventType(), Data: string(data)}, nil
}
