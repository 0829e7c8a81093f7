//go:build ignore

package bank

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrUnknownEventType: a row of the events table whose type this code
// does not know (written by a newer version of the bank, say).
var ErrUnknownEventType = errors.New("unknown event type")

// EncodeEvent turns an event into what a row of the events table keeps:
// its type name and its fields as JSON, such as "MoneyDeposited" and
// {"Account":"acc-7","Amount":250}.
func EncodeEvent(e Event) (string, string, error) {
	if e == nil {
		return "", "", fmt.Errorf("encode <nil>: %w", ErrUnknownEventType)
	}
	data, err := json.Marshal(e)
	if err != nil {
		return "", "", fmt.Errorf("encode %s: %w", e.EventType(), err)
	}
	return e.EventType(), string(data), nil
}

// DecodeEvent turns a row's type name and JSON data back into the event.
// The type name says which struct the data fills: that is why an event
// store keeps it beside the data.
func DecodeEvent(typ, data string) (Event, error) {
	var err error
	var e Event
	switch typ {
	case "AccountOpened":
		var v AccountOpened
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "MoneyDeposited":
		var v MoneyDeposited
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "MoneyWithdrawn":
		var v MoneyWithdrawn
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "AccountClosed":
		var v AccountClosed
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "TransferRequested":
		var v TransferRequested
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "TransferCompleted":
		var v TransferCompleted
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "TransferFailed":
		var v TransferFailed
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "StarGiven":
		var v StarGiven
		err = json.Unmarshal([]byte(data), &v)
		e = v
	case "StarTaken":
		var v StarTaken
		err = json.Unmarshal([]byte(data), &v)
		e = v
	default:
		return nil, fmt.Errorf("decode %q: %w", typ, ErrUnknownEventType)
	}
	if err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", typ, data, err)
	}
	return e, nil
}

// FormatTime writes a time as the at column keeps it: text in UTC with
// nanoseconds (RFC 3339), the same in both databases, which sorts in time
// order.
func FormatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// ParseTime reads a time that FormatTime wrote.
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse time %q: %w", s, err)
	}
	return t.UTC(), nil
}
