//go:build ignore

package bank

// Validate checks a command on its own, without looking at any account:
//
//   - the account id is "acc-" followed by one or more digits, such as
//     "acc-7" or "acc-0042" (else ErrAccountIDInvalid);
//   - an OpenAccount's owner is not blank, that is, not empty and not
//     only whitespace such as spaces or tabs (else ErrOwnerRequired);
//   - a DepositMoney's or WithdrawMoney's amount is more than zero (else
//     ErrAmountNotPositive) and at most MaxAmount (else ErrAmountTooLarge);
//   - a CloseAccount needs only a good id.
//
// The account id is checked first. Any other command, nil included, is
// ErrUnknownCommand. Return nil when the command is valid, else the error
// (the sentinel itself, or wrapped with %w).
func Validate(cmd Command) error {
	panic("TODO(ch01): implement Validate")
}
