//go:build ignore

package bank

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseCommand reads one line of the command log and returns the command
// it asks for, without judging it: see Validate for that.
func ParseCommand(line string) (Command, error) {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil, fmt.Errorf("parse %q: %w", line, ErrUnknownCommand)
	}
	switch fields[0] {
	case "open":
		if len(fields) < 2 {
			return nil, fmt.Errorf("parse %q: %w", line, ErrMalformed)
		}
		return OpenAccount{Account: fields[1], Owner: strings.Join(fields[2:], " ")}, nil
	case "deposit", "withdraw":
		if len(fields) != 3 {
			return nil, fmt.Errorf("parse %q: %w", line, ErrMalformed)
		}
		amount, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("parse %q: %w", line, ErrMalformed)
		}
		if fields[0] == "deposit" {
			return DepositMoney{Account: fields[1], Amount: amount}, nil
		}
		return WithdrawMoney{Account: fields[1], Amount: amount}, nil
	case "close":
		if len(fields) != 2 {
			return nil, fmt.Errorf("parse %q: %w", line, ErrMalformed)
		}
		return CloseAccount{Account: fields[1]}, nil
	}
	return nil, fmt.Errorf("parse %q: %w", line, ErrUnknownCommand)
}
