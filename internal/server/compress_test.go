package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/site"
)

func gunzip(t *testing.T, body string) string {
	t.Helper()
	r, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return string(data)
}

// TestStaticAssetsCompressed: every embedded asset is served gzipped to a
// browser that accepts gzip, as is to one that does not (or refuses it
// with q=0), with an ETag that answers 304, and HEAD sends no body.
func TestStaticAssetsCompressed(t *testing.T) {
	f := newUnsignedFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	names, err := fs.Glob(site.FS, "static/*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no assets: %v", err)
	}
	for _, name := range names {
		want, _ := fs.ReadFile(site.FS, name)
		p := "/" + name
		status, body, hdr := f.do(t, "GET", p, "", map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
		if status != http.StatusOK || hdr.Get("Content-Encoding") != "gzip" {
			t.Errorf("GET %s with gzip accepted = %d, Content-Encoding %q; want 200 gzip", p, status, hdr.Get("Content-Encoding"))
			continue
		}
		if got := gunzip(t, body); got != string(want) {
			t.Errorf("GET %s: the gzipped body is not the embedded file", p)
		}
		if !strings.Contains(hdr.Get("Vary"), "Accept-Encoding") {
			t.Errorf("GET %s: Vary = %q, want Accept-Encoding", p, hdr.Get("Vary"))
		}
		for _, ae := range []string{"identity", "gzip;q=0", "*;q=0"} {
			status, body, hdr = f.do(t, "GET", p, "", map[string]string{"Accept-Encoding": ae})
			if status != http.StatusOK || hdr.Get("Content-Encoding") != "" || body != string(want) {
				t.Errorf("GET %s with Accept-Encoding %q = %d, Content-Encoding %q, %d bytes; want the file as is", p, ae, status, hdr.Get("Content-Encoding"), len(body))
			}
		}
		etag := hdr.Get("ETag")
		if status, body, _ := f.do(t, "GET", p, "", map[string]string{"If-None-Match": etag}); status != http.StatusNotModified || body != "" {
			t.Errorf("GET %s with If-None-Match %s = %d, %d bytes; want 304, empty", p, etag, status, len(body))
		}
		if status, body, hdr := f.do(t, "HEAD", p, "", map[string]string{"Accept-Encoding": "gzip"}); status != http.StatusOK || body != "" || hdr.Get("Content-Length") == "" {
			t.Errorf("HEAD %s = %d, %d bytes, Content-Length %q", p, status, len(body), hdr.Get("Content-Length"))
		}
	}
	if status, _, hdr := f.do(t, "GET", "/static/code.css", "", map[string]string{"Accept-Encoding": "gzip"}); status != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/css") {
		t.Errorf("GET /static/code.css = %d, %q", status, hdr.Get("Content-Type"))
	}
	for _, p := range []string{"/static/", "/static/nothing.js", "/static/templates/base.html"} {
		if status, _, _ := f.do(t, "GET", p, "", nil); status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, status)
		}
	}
}

var chapterDataRE = regexp.MustCompile(`(?s)<script type="application/json" id="chapter-data">(.*?)</script>`)

// TestChapterPageCompressedAndProseOnce: a day's page is gzipped to a
// browser that accepts it, and its prose is in the page once: the data for
// its script carries no sections.
func TestChapterPageCompressedAndProseOnce(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	status, body, hdr := f.do(t, "GET", "/chapters/01-tally", "", map[string]string{"Accept-Encoding": "gzip"})
	if status != http.StatusOK || hdr.Get("Content-Encoding") != "gzip" {
		t.Fatalf("GET the day's page = %d, Content-Encoding %q; want 200 gzip", status, hdr.Get("Content-Encoding"))
	}
	page := gunzip(t, body)
	m := chapterDataRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page has no chapter data")
	}
	var data struct {
		ID       string            `json:"id"`
		Sections map[string]string `json:"sections"`
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &data); err != nil {
		t.Fatalf("chapter data: %v", err)
	}
	if data.ID != "01-tally" {
		t.Errorf("chapter data id = %q", data.ID)
	}
	for k, v := range data.Sections {
		if v != "" {
			t.Errorf("the page's data carries the %s prose again (%d bytes)", k, len(v))
		}
	}
	// The API still carries the prose, for Part 2 when it opens.
	status, body, hdr = f.do(t, "GET", "/api/chapters/01-tally", "", map[string]string{"Accept-Encoding": "gzip"})
	if status != http.StatusOK || hdr.Get("Content-Encoding") != "gzip" {
		t.Fatalf("GET /api/chapters/01-tally = %d, Content-Encoding %q", status, hdr.Get("Content-Encoding"))
	}
	if err := json.NewDecoder(bytes.NewReader([]byte(gunzip(t, body)))).Decode(&data); err != nil || data.Sections["part1"] == "" {
		t.Errorf("the API's chapter has no Part 1 prose (%v)", err)
	}
}

// TestAssetVersions: pages ask for assets by their content's version, which
// the browser may keep for a year; without it (or with another), it
// revalidates.
func TestAssetVersions(t *testing.T) {
	f := newFixture(t, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}}, 1, 1)
	_, page, _ := f.do(t, "GET", "/chapters/01-tally", "", nil)
	urls := regexp.MustCompile(`(?:src|href)="(/static/[^"?]+)\?v=([0-9a-f]{24})"`).FindAllStringSubmatch(page, -1)
	if len(urls) != 4 {
		t.Fatalf("the day's page asks for %d versioned assets, want 4 (app.css, code.css, editor.js, app.js)", len(urls))
	}
	for _, u := range urls {
		p := html.UnescapeString(u[0][strings.Index(u[0], `"`)+1 : len(u[0])-1])
		status, _, hdr := f.do(t, "GET", p, "", nil)
		if status != http.StatusOK || hdr.Get("Cache-Control") != "public, max-age=31536000, immutable" {
			t.Errorf("GET %s = %d, Cache-Control %q; want 200, kept for a year", p, status, hdr.Get("Cache-Control"))
		}
		for _, other := range []string{u[1], u[1] + "?v=000000000000000000000000"} {
			if status, _, hdr := f.do(t, "GET", other, "", nil); status != http.StatusOK || hdr.Get("Cache-Control") != "no-cache" {
				t.Errorf("GET %s = %d, Cache-Control %q; want 200, no-cache", other, status, hdr.Get("Cache-Control"))
			}
		}
	}
}
