package examples

import "fmt"

func ExampleValidateBoat() {
	fmt.Println(ValidateBoat(RegisterBoat{Name: "Puffin", Owner: "Ines", Length: 6}))
	fmt.Println(ValidateBoat(RegisterBoat{Name: " ", Owner: "", Length: 40}))
	fmt.Println(ValidateBoat(RegisterBoat{Name: "Jo", Owner: "Tomás", Length: 5}))
	// Output:
	// []
	// [{name can't be blank} {owner can't be blank} {length is out of range}]
	// [{name is too short}]
}

func ExampleHarbour_Register() {
	h := NewHarbour()
	fmt.Println(h.Register(RegisterBoat{Name: "Grey Heron", Owner: "Ines", Length: 7}))
	// The same name as painted on the pier: taken.
	fmt.Println(h.Register(RegisterBoat{Name: "grey  heron", Owner: "Olu", Length: 5}))
	// Broken on its own: refused before anyone looks at the pier.
	fmt.Println(h.Register(RegisterBoat{Name: "Grey Heron", Owner: "", Length: 90}))
	fmt.Println(h.Register(RegisterBoat{Name: "Little Heron", Owner: "Olu", Length: 5}))
	// Output:
	// []
	// [{name has already been taken}]
	// [{owner can't be blank} {length is out of range}]
	// []
}
