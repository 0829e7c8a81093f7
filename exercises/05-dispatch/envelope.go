//go:build ignore

package bank

// Envelope is a command on its way to the bank, with the id its sender
// gave it. The id is the command's idempotency key: a sender that is not
// sure its command arrived sends it again under the same id, and the bank
// must not do it twice.
type Envelope struct {
	ID      string // unique per command, such as "cmd-17"
	Command Command
}

// Handled is what became of one command: the events it recorded, or the
// error that refused it.
type Handled struct {
	Envelope Envelope
	Events   []Event
	Err      error
}
