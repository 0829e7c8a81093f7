package symbols

import (
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// TestReadableAssertions: an interpreted test's failing assertion on a
// slice or map of an interpreted interface type shows the values, not the
// interpreter's boxes and their pointers; and the assertions still decide
// as before.
func TestReadableAssertions(t *testing.T) {
	i := interp.New(interp.Options{})
	if err := i.Use(Table(nil)); err != nil {
		t.Fatal(err)
	}
	_, err := i.Eval(`package bank

import (
	"fmt"

	"github.com/stretchr/testify/assert"
)

type Event interface{ isEvent() }

type Opened struct{ Account string }

func (Opened) isEvent() {}

type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...interface{}) { r.msgs = append(r.msgs, fmt.Sprintf(format, args...)) }

func Run() []string {
	r := &recorder{}
	events := []Event{Opened{Account: "acc-1"}}
	assert.Nil(r, events, "a refusal returns nil")
	assert.Empty(r, map[string]Event{"a": Opened{Account: "acc-2"}})
	assert.Equal(r, []Event{Opened{Account: "acc-1"}}, events, "equal slices stay equal")
	assert.Equal(r, []Event{Opened{Account: "acc-9"}}, events)
	var none []Event
	assert.Nil(r, none, "a nil slice stays nil")
	assert.Len(r, events, 1)
	assert.Contains(r, events, Opened{Account: "acc-1"})
	return r.msgs
}
`)
	if err != nil {
		t.Fatal(err)
	}
	v, err := i.Eval("bank.Run()")
	if err != nil {
		t.Fatal(err)
	}
	msgs := v.Interface().([]string)
	if len(msgs) != 3 {
		t.Fatalf("the interpreted assertions failed %d times, want 3 (Nil, Empty, the unequal Equal):\n%s", len(msgs), strings.Join(msgs, "\n---\n"))
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"acc-1", "acc-2", "acc-9", "a refusal returns nil"} {
		if !strings.Contains(all, want) {
			t.Errorf("the failures do not show %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"valueInterface", "interp.node", "0xc"} {
		if strings.Contains(all, bad) {
			t.Errorf("the failures show the interpreter's %q:\n%s", bad, all)
		}
	}
}
