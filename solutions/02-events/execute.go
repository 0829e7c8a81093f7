//go:build ignore

package bank

// Execute decides a command against the state of its account and returns
// the events that record the decision, or the error that refuses it.
func Execute(state Account, cmd Command) ([]Event, error) {
	if err := Validate(cmd); err != nil {
		return nil, err
	}
	switch c := cmd.(type) {
	case OpenAccount:
		if state.Opened {
			return nil, ErrAccountExists
		}
		return []Event{AccountOpened{Account: c.Account, Owner: c.Owner}}, nil
	case DepositMoney:
		if err := checkOpen(state); err != nil {
			return nil, err
		}
		return []Event{MoneyDeposited{Account: c.Account, Amount: c.Amount}}, nil
	// Part 2: withdrawals and closing.
	case WithdrawMoney:
		if err := checkOpen(state); err != nil {
			return nil, err
		}
		if c.Amount > state.Balance {
			return nil, ErrInsufficientFunds
		}
		return []Event{MoneyWithdrawn{Account: c.Account, Amount: c.Amount}}, nil
	case CloseAccount:
		if err := checkOpen(state); err != nil {
			return nil, err
		}
		if state.Balance != 0 {
			return nil, ErrBalanceNotZero
		}
		return []Event{AccountClosed{Account: c.Account}}, nil
		// End of Part 2.
	}
	return nil, ErrUnknownCommand
}

// checkOpen refuses money and closing on an account that is not open.
func checkOpen(state Account) error {
	if !state.Opened {
		return ErrAccountNotOpen
	}
	if state.Closed {
		return ErrAccountClosed
	}
	return nil
}
