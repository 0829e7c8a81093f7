package examples

import "sync"

// sale asks a raffle book's seller for the next ticket, and where to send
// its number.
type sale struct {
	buyer string
	reply chan int
}

// Booth sells raffle tickets from several books at once. Each book has a
// seller of its own, a goroutine that reads its mailbox (a channel) and
// handles one sale at a time, so a book's numbers go out in one order with
// no gaps and no number twice, while the books sell side by side.
type Booth struct {
	mu    sync.Mutex
	books map[string]chan sale
	sold  map[string][]string // each book's buyers, by ticket number - 1
}

// NewBooth returns a booth with no books yet.
func NewBooth() *Booth {
	return &Booth{books: map[string]chan sale{}, sold: map[string][]string{}}
}

// Buy sells the next ticket of a book and returns its number. Call it from
// as many goroutines as you like.
func (b *Booth) Buy(book, buyer string) int {
	b.mu.Lock()
	box, ok := b.books[book]
	if !ok {
		box = make(chan sale)
		b.books[book] = box
		go b.sell(book, box) // the book's one seller
	}
	b.mu.Unlock()
	reply := make(chan int)
	box <- sale{buyer: buyer, reply: reply}
	number := <-reply
	return number
}

// sell is a book's seller: one sale at a time, in the order they arrive.
func (b *Booth) sell(book string, box chan sale) {
	next := 1
	for s := range box {
		b.mu.Lock()
		b.sold[book] = append(b.sold[book], s.buyer)
		b.mu.Unlock()
		s.reply <- next
		next++
	}
}

// Sold returns how many tickets of a book were sold.
func (b *Booth) Sold(book string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.sold[book])
}
