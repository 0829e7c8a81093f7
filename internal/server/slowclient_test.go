package server_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/server"
)

// TestSlowClients holds many connections open the way a stalled or hostile
// client would (headers that never finish, a body that trickles, a
// kept-alive connection that says nothing more) and checks that the server
// cuts each off after its timeout while answering an ordinary request
// promptly all along.
func TestSlowClients(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &interp.Engine{}}, 1, 1)
	timeouts := server.Timeouts{ReadHeader: 300 * time.Millisecond, Idle: 300 * time.Millisecond}
	defer func(d time.Duration) { server.BodyTimeout = d }(server.BodyTimeout)
	server.BodyTimeout = 300 * time.Millisecond

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := server.HTTPServer(f.srv.Handler(), timeouts)
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	addr := ln.Addr().String()

	dial := func(t *testing.T) net.Conn {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	// closedWithin reads until the server ends the connection and returns
	// what it sent; it fails the test if that takes longer than limit.
	closedWithin := func(t *testing.T, c net.Conn, limit time.Duration) string {
		t.Helper()
		c.SetReadDeadline(time.Now().Add(limit))
		b, err := io.ReadAll(c)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatalf("the server kept the connection open for more than %s (sent %q)", limit, b)
		}
		return string(b)
	}
	cookie := "Cookie: " + f.cookie.Name + "=" + f.cookie.Value + "\r\n"

	t.Run("headers that never finish", func(t *testing.T) {
		var conns []net.Conn
		for i := 0; i < 50; i++ {
			c := dial(t)
			fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\n", addr) // and never the blank line
			conns = append(conns, c)
		}
		// Meanwhile an ordinary request is answered at once.
		start := time.Now()
		req, _ := http.NewRequest("GET", "http://"+addr+"/api/chapters", nil)
		req.AddCookie(f.cookie)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET /api/chapters beside 50 stalled clients = %d, want 200", res.StatusCode)
		}
		if d := time.Since(start); d > 250*time.Millisecond {
			t.Errorf("GET /api/chapters beside 50 stalled clients took %s", d)
		}
		for _, c := range conns {
			closedWithin(t, c, 2*time.Second)
		}
	})

	t.Run("a body that trickles", func(t *testing.T) {
		c := dial(t)
		body := `{"suite":"example","engine":"interp"}`
		fmt.Fprintf(c, "POST /api/chapters/01-tally/run HTTP/1.1\r\nHost: %s\r\n%sContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", addr, cookie, len(body))
		start := time.Now()
		go func() {
			for i := 0; i < len(body); i++ {
				if _, err := c.Write([]byte{body[i]}); err != nil {
					return
				}
				time.Sleep(100 * time.Millisecond) // 3.7 s for the body
			}
		}()
		got := closedWithin(t, c, 3*time.Second)
		if !strings.HasPrefix(got, "HTTP/1.1 408") {
			t.Errorf("a trickled body got %q, want a 408 answer", firstLineOf([]byte(got)))
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("the server waited %s for the trickled body", d)
		}
	})

	t.Run("an idle kept-alive connection", func(t *testing.T) {
		c := dial(t)
		fmt.Fprintf(c, "GET /api/chapters HTTP/1.1\r\nHost: %s\r\n%s\r\n", addr, cookie)
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET /api/chapters = %d", res.StatusCode)
		}
		closedWithin(t, c, 2*time.Second) // after 300 ms of silence
	})

	t.Run("a long run outlives the body deadline", func(t *testing.T) {
		// A run that takes longer than the body's deadline (a learner's
		// Total that takes its time) still answers: the deadline covers
		// the body only.
		body := `{"suite":"example","engine":"interp","files":{"tally.go":"package tally\n\nimport \"time\"\n\nfunc Total(lines []string) int {\n\ttime.Sleep(500 * time.Millisecond)\n\treturn 7\n}\n"}}`
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/chapters/01-tally/run", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(f.cookie)
		start := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), `"tests"`) {
			t.Errorf("a run of %s = %d %.200s", time.Since(start).Round(time.Millisecond), res.StatusCode, b)
		}
		if time.Since(start) < server.BodyTimeout {
			t.Logf("the run took %s, less than the body deadline: this case proves little on a fast machine", time.Since(start))
		}
	})
}
