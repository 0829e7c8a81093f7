package server_test

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// TestFileChangesReachThePage saves a learner file the way editors do (a
// temporary file renamed over it) and expects the page's event stream to
// say so, with the new ETag.
func TestFileChangesReachThePage(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() { _ = f.srv.Watch(stop) }()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", f.ts.URL+"/api/events?chapter=01-tally", nil)
	req.AddCookie(f.cookie)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q", ct)
	}
	lines := bufio.NewReader(res.Body)
	if l, _ := lines.ReadString('\n'); !strings.HasPrefix(l, ": connected") {
		t.Fatalf("first line = %q", l)
	}
	select {
	case <-f.srv.Watching():
	case <-time.After(5 * time.Second):
		t.Fatal("the watch did not start within 5 s")
	}

	content := []byte("package tally // saved by the learner's own editor\n")
	file := filepath.Join(f.dir, "01-tally", "tally.go")
	tmp := filepath.Join(f.dir, "01-tally", ".tally.go.swp")
	if err := os.WriteFile(tmp, content, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	var data string
	for data == "" {
		l, err := lines.ReadString('\n')
		if err != nil {
			t.Fatalf("no event before the stream ended: %v", err)
		}
		if d, ok := strings.CutPrefix(l, "data: "); ok {
			data = d
		}
	}
	if !strings.Contains(data, `"file":"tally.go"`) || !strings.Contains(data, `"etag":"\"`+strings.Trim(workspace.ETag(content), `"`)+`\""`) {
		t.Errorf("event = %s, want tally.go with the new ETag %s", data, workspace.ETag(content))
	}
}
