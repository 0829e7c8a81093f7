//go:build ignore

package bank

import "fmt"

// DescribeEvents writes each event as its type name and fields, such as
// MoneyDeposited{Account:acc-7 Amount:250}. It knows no event type by
// name, so it describes any Event, including those later chapters add. The
// tests compare events this way, by type name and fields, so two events of
// different types with the same fields (MoneyDeposited and MoneyWithdrawn)
// never look alike.
func DescribeEvents(events []Event) []string {
	out := []string{}
	for _, e := range events {
		if e == nil {
			out = append(out, "<nil>")
			continue
		}
		out = append(out, e.EventType()+fmt.Sprintf("%+v", e))
	}
	return out
}
