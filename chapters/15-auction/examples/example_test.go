package examples

import (
	"fmt"
	"sync"
)

// Sixty buyers at once, thirty per book: each book's numbers run from 1
// to 30, every one sold once, whatever order the buyers came in.
func ExampleBooth() {
	booth := NewBooth()
	var mu sync.Mutex
	numbers := map[string]map[int]bool{"red": {}, "blue": {}}
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		for _, book := range []string{"red", "blue"} {
			wg.Add(1)
			go func(book string, i int) {
				defer wg.Done()
				n := booth.Buy(book, fmt.Sprintf("guest-%d", i))
				mu.Lock()
				numbers[book][n] = true
				mu.Unlock()
			}(book, i)
		}
	}
	wg.Wait()
	for _, book := range []string{"red", "blue"} {
		gaps := 0
		for n := 1; n <= 30; n++ {
			if !numbers[book][n] {
				gaps++
			}
		}
		fmt.Printf("%s: %d sold, %d gaps\n", book, booth.Sold(book), gaps)
	}
	// Output:
	// red: 30 sold, 0 gaps
	// blue: 30 sold, 0 gaps
}

// Two volunteers read the sign at version 0 and both write: the store of
// the sign lets one through, the other reads again and decides again.
func ExamplePledge() {
	sign := &Sign{}
	_, seenByA := sign.Read()
	_, seenByB := sign.Read()
	fmt.Println("A writes 50:", sign.Set(seenByA, 50))
	fmt.Println("B writes 80:", sign.Set(seenByB, 80))
	retries, err := Pledge(sign, 80, 1000) // B, the way it should
	total, version := sign.Read()
	fmt.Println("B pledges again:", err, "after", retries, "retries; total", total, "at version", version)
	// Output:
	// A writes 50: <nil>
	// B writes 80: the sign moved on
	// B pledges again: <nil> after 0 retries; total 130 at version 2
}

// Pledges from many goroutines at once: none is lost, however many
// retries it took.
func ExamplePledge_concurrent() {
	sign := &Sign{}
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = Pledge(sign, 25, 100000)
		}()
	}
	wg.Wait()
	total, version := sign.Read()
	fmt.Println(total, version)
	// Output:
	// 1000 40
}

// The scheduler fires the job twice (it restarted in between); the guest
// hears it once.
func ExampleReminder() {
	r := &Reminder{}
	fmt.Println(r.Run("ada"), r.Run("ada"))
	fmt.Println(r.Sent)
	// Output:
	// true false
	// [ada: your coat is still here]
}
