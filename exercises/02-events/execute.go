//go:build ignore

package bank

// Execute decides a command against the state of its account and returns
// the events that record the decision, or the error that refuses it. It
// only decides: it does not change state (it gets a copy), and when it
// refuses it returns nil events (nil itself, not an empty slice).
//
// First the command must pass Validate; return Validate's error if not. A
// nil command is refused that way too, with ErrUnknownCommand.
//
// Part 1:
//   - OpenAccount: ErrAccountExists if the account has been opened (even if
//     it is closed now), else one AccountOpened.
//   - DepositMoney: ErrAccountNotOpen if the account was never opened,
//     ErrAccountClosed if it is closed, else one MoneyDeposited.
//
// Part 2:
//   - WithdrawMoney: ErrAccountNotOpen and ErrAccountClosed as for a
//     deposit, ErrInsufficientFunds if the amount is more than the balance,
//     else one MoneyWithdrawn.
//   - CloseAccount: ErrAccountNotOpen and ErrAccountClosed as for a deposit,
//     ErrBalanceNotZero if the balance is not zero, else one AccountClosed.
func Execute(state Account, cmd Command) ([]Event, error) {
	panic("TODO(ch02): implement Execute")
}
