package examples

import (
	"encoding/json"
	"errors"
	"fmt"
)

func ExampleUpcaster_Upcast() {
	history := []Stored{
		{Type: "MooringBooked", Schema: 1, Data: `{"boat":"Kittiwake","length":"7.5m"}`},
		{Type: "MooringBooked", Schema: 2, Data: `{"boat":"Puffin","length_cm":640}`},
		{Type: "MooringBooked", Schema: 3, Data: `{"boat":"Gannet","length_cm":910,"berth":"B4"}`},
	}
	for _, s := range history {
		now, err := Harbour.Upcast(s)
		fmt.Println(s.Schema, "→", now.Schema, now.Data, err)
	}
	fmt.Println("still stored as:", history[0].Data)
	// Output:
	// 1 → 3 {"berth":"unassigned","boat":"Kittiwake","length_cm":750} <nil>
	// 2 → 3 {"berth":"unassigned","boat":"Puffin","length_cm":640} <nil>
	// 3 → 3 {"boat":"Gannet","length_cm":910,"berth":"B4"} <nil>
	// still stored as: {"boat":"Kittiwake","length":"7.5m"}
}

func ExampleUpcaster_Upcast_future() {
	_, err := Harbour.Upcast(Stored{Type: "MooringBooked", Schema: 4, Data: `{"boat":"Tern","length_cm":580,"berth":"A1","fee":"paid"}`})
	fmt.Println(errors.Is(err, ErrUnknownSchema), err)
	// Output:
	// true MooringBooked schema 4: unknown schema
}

// A tolerant reader decodes whatever fields it finds and ignores the rest:
// enough when a field is added, silently wrong when one changes meaning.
func Example_tolerantReader() {
	var m MooringBooked
	err := json.Unmarshal([]byte(`{"boat":"Kittiwake","length":"7.5m"}`), &m)
	fmt.Printf("%+v %v\n", m, err)
	// Output:
	// {Boat:Kittiwake LengthCM:0 Berth:} <nil>
}
