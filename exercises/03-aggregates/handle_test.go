//go:build ignore

package bank

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPart2Example is the worked example of Part 2: a command log handled
// from an empty bank, with the events each line makes (or the error that
// refuses it) and the account's version after it.
func TestPart2Example(t *testing.T) {
	example := []struct {
		line        string
		want        []Event
		wantErr     error
		wantVersion int
	}{
		{"open acc-1 Ada Lovelace", []Event{AccountOpened{Account: "acc-1", Owner: "Ada Lovelace"}}, nil, 1},
		{"deposit acc-1 500", []Event{MoneyDeposited{Account: "acc-1", Amount: 500}}, nil, 2},
		{"withdraw acc-1 800", nil, ErrInsufficientFunds, 2},
		{"deposit acc-2 75", nil, ErrAccountNotOpen, 0},
		{"open acc-1 Ada Lovelace", nil, ErrAccountExists, 2},
		{"withdraw acc-1 120", []Event{MoneyWithdrawn{Account: "acc-1", Amount: 120}}, nil, 3},
		{"close acc-1", nil, ErrBalanceNotZero, 3},
	}
	accounts := map[string]*Account{}
	var lines []string
	var history []Event // the events of the lines before, for the messages
	for _, tt := range example {
		lines = append(lines, tt.line)
		cmd, err := ParseCommand(tt.line)
		require.NoError(t, err, "ParseCommand(%q): the line is in day 1's format, read by your ParseCommand — day 1, Part 1", tt.line)
		gw := givenWhen(history, cmd)
		got, err := Handle(accounts, cmd)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "%s\nThen: %s", gw, refusedRule(cmd))
			assert.Empty(t, DescribeEvents(got), "%s\nThen: if Execute refuses, Handle returns its error and no events — day 3, Part 2", gw)
		} else if assert.NoError(t, err, "%s\nThen: %s", gw, acceptedRule) {
			assertEvents(t, tt.want, got, gw+"\nThen: Handle returns the new events, so the caller can record them — day 3, Part 2")
		}
		history = append(history, tt.want...)
		version := 0
		if a, ok := accounts[cmd.AccountID()]; ok {
			version = a.Version
		}
		assert.Equal(t, tt.wantVersion, version, "%s\nThen: accounts[%q].Version is the number of its events; a refused command leaves it where it was, because nothing happened — day 3, Part 2", gw, cmd.AccountID())
	}
	want := map[string]*Account{
		"acc-1": {ID: "acc-1", Owner: "Ada Lovelace", Balance: 380, Opened: true, Version: 3},
	}
	assert.Equal(t, snapshot(want), snapshot(accounts), "the accounts after the example: the map holds a single account, acc-1; acc-2, never opened, does not appear in it — day 3, Part 2")
	// Refused at versions 2, 0, 2 and 3.
	assert.Equal(t, 7, part2Answer(lines), "part2Answer(%q)", lines)
}

// assertEvents checks that got, what the call described by what returned,
// holds the events of want. It compares them by DescribeEvents: type names
// and fields.
func assertEvents(t *testing.T, want, got []Event, what string) bool {
	t.Helper()
	return assert.Equal(t, DescribeEvents(want), DescribeEvents(got), "%s", what)
}

// givenWhen writes the first two lines of a failure: the past events, and
// the command Handle was given.
func givenWhen(given []Event, cmd Command) string {
	return fmt.Sprintf("Given: %s\nWhen: Handle(%s)", eventList(given), Describe(cmd))
}

// acceptedRule is what an accepted command checks first.
const acceptedRule = "Handle loads the account the command is about and decides with Execute, which accepts this command — day 3, Part 2"

// refusedRule is the rule a refused command checks first.
func refusedRule(cmd Command) string {
	if cmd == nil {
		return "a nil command has no account to load: it is refused with ErrUnknownCommand, as Execute refuses it — day 3, Part 2"
	}
	return "Handle loads the account the command is about (the zero Account with its ID set, when the map does not hold it) and returns the error Execute refuses it with — day 3, Part 2"
}

// snapshot copies the accounts, so a later change to them shows.
func snapshot(accounts map[string]*Account) map[string]Account {
	out := make(map[string]Account, len(accounts))
	for id, a := range accounts {
		out[id] = *a
	}
	return out
}

func TestPart2FullHandle(t *testing.T) {
	opened := AccountOpened{Account: "acc-1", Owner: "Ada"}
	tests := []struct {
		name    string
		given   []Event
		when    Command
		want    []Event
		wantErr error
	}{
		{"open a new account", nil,
			OpenAccount{Account: "acc-1", Owner: "Ada"},
			[]Event{opened}, nil},
		{"open it twice", []Event{opened},
			OpenAccount{Account: "acc-1", Owner: "Ada"},
			nil, ErrAccountExists},
		{"reopen a closed account", []Event{opened, AccountClosed{Account: "acc-1"}},
			OpenAccount{Account: "acc-1", Owner: "Ada"},
			nil, ErrAccountExists},
		{"deposit", []Event{opened},
			DepositMoney{Account: "acc-1", Amount: 50},
			[]Event{MoneyDeposited{Account: "acc-1", Amount: 50}}, nil},
		{"deposit to an unknown account", nil,
			DepositMoney{Account: "acc-1", Amount: 50},
			nil, ErrAccountNotOpen},
		{"deposit to an account only another account's history opens", []Event{opened},
			DepositMoney{Account: "acc-2", Amount: 50},
			nil, ErrAccountNotOpen},
		{"deposit to a closed account", []Event{opened, AccountClosed{Account: "acc-1"}},
			DepositMoney{Account: "acc-1", Amount: 50},
			nil, ErrAccountClosed},
		{"withdraw everything", []Event{opened, MoneyDeposited{Account: "acc-1", Amount: 300}},
			WithdrawMoney{Account: "acc-1", Amount: 300},
			[]Event{MoneyWithdrawn{Account: "acc-1", Amount: 300}}, nil},
		{"overdraw", []Event{opened, MoneyDeposited{Account: "acc-1", Amount: 300}, MoneyWithdrawn{Account: "acc-1", Amount: 100}},
			WithdrawMoney{Account: "acc-1", Amount: 201},
			nil, ErrInsufficientFunds},
		{"overdraw with another account's money", []Event{
			opened,
			AccountOpened{Account: "acc-2", Owner: "Alan"},
			MoneyDeposited{Account: "acc-2", Amount: 500},
			MoneyDeposited{Account: "acc-1", Amount: 20},
		},
			WithdrawMoney{Account: "acc-1", Amount: 100},
			nil, ErrInsufficientFunds},
		{"close an emptied account", []Event{opened, MoneyDeposited{Account: "acc-1", Amount: 300}, MoneyWithdrawn{Account: "acc-1", Amount: 300}},
			CloseAccount{Account: "acc-1"},
			[]Event{AccountClosed{Account: "acc-1"}}, nil},
		{"close an account with money", []Event{opened, MoneyDeposited{Account: "acc-1", Amount: 300}},
			CloseAccount{Account: "acc-1"},
			nil, ErrBalanceNotZero},
		{"an invalid amount", []Event{opened},
			DepositMoney{Account: "acc-1", Amount: -5},
			nil, ErrAmountNotPositive},
		{"an invalid account id", []Event{opened},
			DepositMoney{Account: "ACC-1", Amount: 5},
			nil, ErrAccountIDInvalid},
		{"a nil command", []Event{opened},
			nil,
			nil, ErrUnknownCommand},
	}
	for _, tt := range tests {
		accounts := Rebuild(tt.given)
		before := snapshot(accounts)
		got, err := Handle(accounts, tt.when)
		gw := tt.name + ":\n" + givenWhen(tt.given, tt.when)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "%s\nThen: %s", gw, refusedRule(tt.when))
			assert.Empty(t, DescribeEvents(got), "%s\nThen: if Execute refuses, Handle returns its error and no events — day 3, Part 2", gw)
			assert.Equal(t, before, snapshot(accounts), "%s\nThen: if Execute refuses, Handle changes nothing: no account added, none modified, no version bumped — day 3, Part 2", gw)
			continue
		}
		if !assert.NoError(t, err, "%s\nThen: %s", gw, acceptedRule) {
			continue
		}
		assertEvents(t, tt.want, got, gw+"\nThen: Handle returns the new events, so the caller can record them — day 3, Part 2")
		all := append(append([]Event{}, tt.given...), tt.want...)
		assert.Equal(t, snapshot(Rebuild(all)), snapshot(accounts), "%s\nThen: handling a command is the same as appending its events to history and folding: the accounts are now Rebuild([%s]) — day 3, Part 2", gw, eventList(all))
	}
}

func TestPart2FullHandleVersions(t *testing.T) {
	accounts := map[string]*Account{}
	log := []string{
		"open acc-1 Ada", "open acc-2 Alan", "deposit acc-1 10", "deposit acc-2 10",
		"withdraw acc-1 10", "close acc-1", "deposit acc-1 10", "withdraw acc-2 5",
	}
	for _, line := range log {
		cmd, err := ParseCommand(line)
		require.NoError(t, err, "ParseCommand(%q)", line)
		_, _ = Handle(accounts, cmd)
	}
	require.Len(t, snapshot(accounts), 2, "the accounts after handling %q: Handle adds an account to the map when it is being opened; loading only reads — day 3, Part 2", log)
	assert.Equal(t, 4, accounts["acc-1"].Version, "accounts[\"acc-1\"].Version after handling %q: after any sequence of commands, an account's version equals the number of its events; a refused command leaves it where it was — day 3, Part 2", log)
	assert.Equal(t, 3, accounts["acc-2"].Version, "accounts[\"acc-2\"].Version after handling %q: after any sequence of commands, an account's version equals the number of its events; a refused command leaves it where it was — day 3, Part 2", log)
	assert.Equal(t, 5, accounts["acc-2"].Balance, "accounts[\"acc-2\"].Balance after handling %q: Handle applies the new events to the stored account — day 3, Part 2", log)
}
