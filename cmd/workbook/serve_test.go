package main

import (
	"net"
	"strings"
	"testing"
)

// TestListenFallsBackWhenTheDefaultPortIsBusy holds the default port (or
// finds it held already) and expects listen to pick another port on the
// same loopback host; an address the learner chose is never swapped.
func TestListenFallsBackWhenTheDefaultPortIsBusy(t *testing.T) {
	if held, err := net.Listen("tcp", defaultAddr); err == nil {
		defer held.Close()
	}
	ln, err := listen(defaultAddr)
	if err != nil {
		t.Fatalf("listen(%s) with the port busy: %v", defaultAddr, err)
	}
	defer ln.Close()
	if addr := ln.Addr().String(); addr == defaultAddr || !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("listen(%s) = %s, want another port on 127.0.0.1", defaultAddr, addr)
	}
	if _, err := listen(ln.Addr().String()); err == nil {
		t.Errorf("listen(%s), an address asked for and busy, succeeded; want an error", ln.Addr())
	}
}
