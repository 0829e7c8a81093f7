//go:build ignore

package bank

// Part 2: the whole file.

import (
	"regexp"
	"strings"
)

// accountIDPattern is what every account id looks like.
var accountIDPattern = regexp.MustCompile(`^acc-[0-9]+$`)

// Validate checks a command on its own, without looking at any account.
// It returns nil when the command is valid.
func Validate(cmd Command) error {
	switch c := cmd.(type) {
	case OpenAccount:
		if !accountIDPattern.MatchString(c.Account) {
			return ErrAccountIDInvalid
		}
		if strings.TrimSpace(c.Owner) == "" {
			return ErrOwnerRequired
		}
	case DepositMoney:
		if !accountIDPattern.MatchString(c.Account) {
			return ErrAccountIDInvalid
		}
		return validateAmount(c.Amount)
	case WithdrawMoney:
		if !accountIDPattern.MatchString(c.Account) {
			return ErrAccountIDInvalid
		}
		return validateAmount(c.Amount)
	case CloseAccount:
		if !accountIDPattern.MatchString(c.Account) {
			return ErrAccountIDInvalid
		}
	default:
		return ErrUnknownCommand
	}
	return nil
}

// validateAmount checks the amount of a deposit or a withdrawal.
func validateAmount(amount int) error {
	if amount <= 0 {
		return ErrAmountNotPositive
	}
	if amount > MaxAmount {
		return ErrAmountTooLarge
	}
	return nil
}

// End of Part 2.
