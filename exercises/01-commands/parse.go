//go:build ignore

package bank

// ParseCommand reads one line of the command log and returns the command
// it asks for. The lines look like this (fields are separated by any
// amount of whitespace):
//
//	open acc-1 Ada Lovelace    OpenAccount; the owner is the rest of the line,
//	                           its words joined by single spaces
//	deposit acc-1 50           DepositMoney
//	withdraw acc-1 20          WithdrawMoney
//	close acc-1                CloseAccount
//
// The verbs are lowercase. A blank line or any other verb ("transfer",
// "Deposit") is an error wrapping ErrUnknownCommand.
// A known verb with the wrong number of fields, or an amount that is not an
// integer, is an error wrapping ErrMalformed. Wrap them with the line, as in
// fmt.Errorf("parse %q: %w", line, ErrMalformed).
//
// Parsing only reads the line: it does not judge it. "deposit acc-1 -5"
// parses to DepositMoney{"acc-1", -5}, and "open acc-1" to an OpenAccount
// with no owner. Deciding whether a command makes sense is Validate's job.
func ParseCommand(line string) (Command, error) {
	panic("TODO(ch01): implement ParseCommand")
}
