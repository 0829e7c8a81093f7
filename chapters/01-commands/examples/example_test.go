package examples

import (
	"errors"
	"fmt"
	"strings"
)

func ExampleAccountRow_SetBalance() {
	row := AccountRow{ID: "acc-3", Owner: "Odile Brandt", Balance: 100}
	row.SetBalance(350)
	fmt.Println(row)
	// Output: {acc-3 Odile Brandt 350}
}

func ExampleExplain() {
	fmt.Println(Explain(OrderCard{Account: "acc-3", Design: "kestrel"}))
	fmt.Println(Explain(ChangeAddress{Account: "acc-3", Number: 12, Street: "Harbour Lane"}))
	fmt.Println(Explain(nil))
	// Output:
	// post a kestrel card for acc-3
	// send the letters of acc-3 to 12 Harbour Lane
	// nothing at all
}

func ExampleChangeAddress_Check() {
	fmt.Println(ChangeAddress{Account: "acc-3", Number: 12, Street: "Harbour Lane"}.Check())
	fmt.Println(ChangeAddress{Account: "acc-3", Number: 12, Street: "  "}.Check())
	fmt.Println(ChangeAddress{Account: "acc-3", Number: -3, Street: "Harbour Lane"}.Check())
	// Output:
	// <nil>
	// street is required
	// house number must be positive
}

func ExampleReadAddress() {
	addr, err := ReadAddress("acc-3", "  12\tHarbour   Lane ")
	fmt.Printf("%q %v\n", addr.Street, err)

	addr, err = ReadAddress("acc-3", "-3 Harbour Lane")
	fmt.Println(addr.Number, err, addr.Check())

	_, err = ReadAddress("acc-3", "Harbour Lane twelve")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotAnAddress), strings.Contains(err.Error(), `"Harbour Lane twelve"`))
	// Output:
	// "Harbour Lane" <nil>
	// -3 <nil> house number must be positive
	// read "Harbour Lane twelve": not an address
	// true true
}

// freezeCard is a request this bank does not know.
type freezeCard struct{ Account string }

func (r freezeCard) AccountID() string   { return r.Account }
func (r freezeCard) RequestType() string { return "FreezeCard" }

func ExampleRequest() {
	for _, req := range []Request{OrderCard{Account: "acc-3"}, freezeCard{Account: "acc-3"}} {
		fmt.Println(req.RequestType(), req.AccountID())
	}
	fmt.Println(Explain(freezeCard{Account: "acc-3"}))
	// Output:
	// OrderCard acc-3
	// FreezeCard acc-3
	// a FreezeCard, which this bank does not do
}
