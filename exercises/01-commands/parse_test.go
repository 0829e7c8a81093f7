//go:build ignore

package bank

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// parseCase is one line of the command log and what ParseCommand makes of it.
type parseCase struct {
	line    string
	want    Command
	wantErr error
}

// checkParse runs ParseCommand on each case. A failure names the line and
// the rule of Part 1 it breaks.
func checkParse(t *testing.T, tests []parseCase) {
	t.Helper()
	for _, tt := range tests {
		got, err := ParseCommand(tt.line)
		rule := parseRule(tt)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "ParseCommand(%q): %s", tt.line, rule)
			continue
		}
		if assert.NoError(t, err, "ParseCommand(%q): %s", tt.line, rule) {
			assert.Equal(t, Describe(tt.want), Describe(got), "ParseCommand(%q): %s", tt.line, rule)
		}
	}
}

// parseRule is the rule of Part 1 a case checks, in the chapter's words.
func parseRule(tt parseCase) string {
	switch tt.wantErr {
	case ErrUnknownCommand:
		return "a blank line, or any other verb (the verbs are lowercase), is an error wrapping ErrUnknownCommand — day 1, Part 1"
	case ErrMalformed:
		return "a known verb with the wrong number of fields, or an amount that is not an integer, is an error wrapping ErrMalformed — day 1, Part 1"
	}
	switch c := tt.want.(type) {
	case OpenAccount:
		if c.Owner == "" {
			return "a line with no owner still parses, with an empty Owner: whether an owner is missing is a question of meaning, which Part 2 answers — day 1, Part 1"
		}
		return "open <id> <owner…> gives an OpenAccount; the owner is the rest of the line, its words joined by single spaces — day 1, Part 1"
	case DepositMoney:
		return "deposit <id> <amount> gives a DepositMoney, its fields separated by any amount of whitespace; parsing reads, it does not judge — day 1, Part 1"
	case WithdrawMoney:
		return "withdraw <id> <amount> gives a WithdrawMoney, its fields separated by any amount of whitespace; parsing reads, it does not judge — day 1, Part 1"
	case CloseAccount:
		return "close <id> gives a CloseAccount, its fields separated by any amount of whitespace; parsing reads, it does not judge — day 1, Part 1"
	}
	return "ParseCommand turns a line into the command it asks for — day 1, Part 1"
}

// TestPart1Example is the worked example of Part 1.
func TestPart1Example(t *testing.T) {
	example := []parseCase{
		{"open acc-7 Ngozi Okafor", OpenAccount{Account: "acc-7", Owner: "Ngozi Okafor"}, nil},
		{"deposit acc-7 250", DepositMoney{Account: "acc-7", Amount: 250}, nil},
		{"withdraw acc-7 75", WithdrawMoney{Account: "acc-7", Amount: 75}, nil},
		{"transfer acc-7 acc-9 40", nil, ErrUnknownCommand},
		{"deposit acc-7 ten", nil, ErrMalformed},
		{"close acc-7", CloseAccount{Account: "acc-7"}, nil},
	}
	checkParse(t, example)

	var lines []string
	for _, tt := range example {
		lines = append(lines, tt.line)
	}
	// 250 deposited - 75 withdrawn = 175, times 2 lines that do not parse.
	assert.Equal(t, 350, part1Answer(lines), "part1Answer(%q): the net amount of the lines that parse (deposits minus withdrawals), times the number of lines that do not parse — day 1, Part 1", lines)
}

func TestPart1FullParseCommand(t *testing.T) {
	checkParse(t, []parseCase{
		{"open acc-1 Ada", OpenAccount{Account: "acc-1", Owner: "Ada"}, nil},
		{"open acc-1 Ada   Augusta\tKing ", OpenAccount{Account: "acc-1", Owner: "Ada Augusta King"}, nil},
		{"  deposit\tacc-1   50  ", DepositMoney{Account: "acc-1", Amount: 50}, nil},
		{"withdraw acc-2 20", WithdrawMoney{Account: "acc-2", Amount: 20}, nil},
		{"close acc-3", CloseAccount{Account: "acc-3"}, nil},
		// Parsing does not judge: Validate refuses these later.
		{"open acc-1", OpenAccount{Account: "acc-1", Owner: ""}, nil},
		{"deposit acc-1 -5", DepositMoney{Account: "acc-1", Amount: -5}, nil},
		{"withdraw acc-1 0", WithdrawMoney{Account: "acc-1", Amount: 0}, nil},
		{"deposit ACC-1 5000000", DepositMoney{Account: "ACC-1", Amount: 5000000}, nil},
		{"close savings", CloseAccount{Account: "savings"}, nil},
		// Unknown verbs.
		{"", nil, ErrUnknownCommand},
		{" \t ", nil, ErrUnknownCommand},
		{"transfer acc-1 acc-2 5", nil, ErrUnknownCommand},
		{"Deposit acc-1 5", nil, ErrUnknownCommand},
		{"acc-1 deposit 5", nil, ErrUnknownCommand},
		// Known verbs, wrong shape.
		{"open", nil, ErrMalformed},
		{"deposit", nil, ErrMalformed},
		{"deposit acc-1", nil, ErrMalformed},
		{"deposit acc-1 5 coins", nil, ErrMalformed},
		{"deposit acc-1 12.50", nil, ErrMalformed},
		{"withdraw acc-1 ten", nil, ErrMalformed},
		{"withdraw acc-1 5 5", nil, ErrMalformed},
		{"close", nil, ErrMalformed},
		{"close acc-1 now", nil, ErrMalformed},
	})
}

func TestPart1FullParseCommandErrorNamesTheLine(t *testing.T) {
	for _, line := range []string{"transfer acc-1 acc-2 5", "deposit acc-1 ten"} {
		_, err := ParseCommand(line)
		assert.ErrorContains(t, err, strconv.Quote(line), "ParseCommand(%q): wrap the error together with the quoted line, as in fmt.Errorf(\"parse %%q: %%w\", line, ErrMalformed), so a person reading the error can find the slip — day 1, Part 1", line)
	}
}
