package examples

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNotAnAddress is returned by ReadAddress for text that does not look
// like "12 Harbour Lane".
var ErrNotAnAddress = errors.New("not an address")

// ReadAddress reads the address part of a slip, such as "12  Harbour Lane",
// into a ChangeAddress. It reads; it does not judge: "-3 Harbour Lane" gives
// house number -3, and refusing that is Check's job.
func ReadAddress(account, text string) (ChangeAddress, error) {
	fields := strings.Fields(text)
	if len(fields) < 2 {
		return ChangeAddress{}, fmt.Errorf("read %q: %w", text, ErrNotAnAddress)
	}
	number, err := strconv.Atoi(fields[0])
	if err != nil {
		return ChangeAddress{}, fmt.Errorf("read %q: %w", text, ErrNotAnAddress)
	}
	street := strings.Join(fields[1:], " ")
	return ChangeAddress{Account: account, Number: number, Street: street}, nil
}
