package examples

import "fmt"

func ExampleReplay() {
	history := []QueueEvent{
		TicketTaken{Customer: "Mrs Okafor"},
		TicketTaken{Customer: "Mr Brandt"},
		CustomerCalled{Customer: "Mrs Okafor"},
		TicketTaken{Customer: "Ms Ito"},
	}
	q := Replay(history)
	fmt.Println("waiting:", q.Waiting)
	fmt.Println("served:", q.Served)
	// Output:
	// waiting: [Mr Brandt Ms Ito]
	// served: 1
}

func ExampleQueue_Apply() {
	// A fact the rules would have refused is still recorded.
	var q Queue
	q.Apply(CounterShut{})
	q.Apply(TicketTaken{Customer: "a latecomer"})
	fmt.Println(q.Shut, q.Waiting)
	// Output:
	// true [a latecomer]
}

func ExampleCallNext() {
	q := Replay([]QueueEvent{TicketTaken{Customer: "Mr Brandt"}})
	for i := 0; i < 2; i++ {
		events, err := CallNext(q) // decide against the current state
		if err != nil {
			fmt.Println("refused:", err)
			continue
		}
		for _, e := range events {
			q.Apply(e) // then fold the decision in
		}
		fmt.Println("decided:", events, "served:", q.Served)
	}
	// Output:
	// decided: [{Mr Brandt}] served: 1
	// refused: nobody is waiting
}
