package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/harness"
)

// FuzzAPI sends fuzzed bodies and content types to the endpoints that
// decode JSON, through the real handler over a fresh workspace with an
// engine that runs nothing. No answer is a 500 or an unexpected status,
// and nothing outside the workspace changes.
func FuzzAPI(f *testing.F) {
	f.Add(uint8(0), "application/json", []byte(`{"suite":"example","files":{"tally.go":"package tally\n"}}`), "")
	f.Add(uint8(0), "application/json", []byte(`{"suite":"full","engine":"go","seed":"7","page":"p1"}`), "")
	f.Add(uint8(0), "application/json", []byte(`{"files":{"../../go.mod":"x","slips.go":"package tally"}}`), "")
	f.Add(uint8(0), "application/json; charset=utf-8", []byte(`{"suite":"all","seed":"42"}`), "")
	f.Add(uint8(1), "application/json", []byte(`{"content":"package tally // edited\n"}`), "")
	f.Add(uint8(1), "application/json", []byte(`{"content":"x","name":"../../go.mod"}`), `"000000000000000000000000"`)
	f.Add(uint8(1), "application/json", []byte(`{"content":`+"\"\\u0000\\ud800\""+`}`), "*")
	f.Add(uint8(1), "text/plain", []byte(`{"content":"x"}`), "")
	f.Add(uint8(2), "application/json", []byte(`{"part":1}`), "")
	f.Add(uint8(2), "application/json", []byte(`{"part":2}{"part":1}`), "")
	f.Add(uint8(2), "application/json", []byte(`{"part":-1,"admin":true}`), "")
	f.Add(uint8(2), "application/x-www-form-urlencoded", []byte("part=1"), "")
	f.Add(uint8(2), "application/json", []byte(`{"part":1e400}`), "")
	f.Add(uint8(2), "application/json", []byte(``), "")

	fx := newFixture(f, map[harness.EngineName]harness.Engine{"interp": &blockingEngine{release: closed()}, "go": &blockingEngine{release: closed()}}, 1, 1)
	h := fx.srv.Handler()
	// What the handlers could touch outside the learner's file: the folder
	// around the workspace, and the workspace's other files (the workbook
	// itself is embedded).
	watched := []string{filepath.Dir(fx.dir)}
	outside := func(rel string) bool {
		return rel == "work/01-tally/tally.go" || rel == "work/.workbook" || strings.HasPrefix(rel, "work/.workbook/")
	}
	before := hashTree(f, watched, outside)
	f.Cleanup(func() {
		if after := hashTree(f, watched, outside); after != before {
			f.Errorf("files outside the workspace changed:\n%s", diffLines(before, after))
		}
	})
	allowed := map[int]bool{200: true, 400: true, 403: true, 404: true, 409: true, 412: true, 413: true, 415: true, 429: true}
	endpoints := []struct{ method, path string }{
		{"POST", "/api/chapters/01-tally/run"},
		{"PUT", "/api/chapters/01-tally/files/tally.go"},
		{"POST", "/api/chapters/01-tally/hints"},
	}
	n := 0
	f.Fuzz(func(t *testing.T, which uint8, contentType string, body []byte, ifMatch string) {
		e := endpoints[int(which)%len(endpoints)]
		req := httptest.NewRequest(e.method, "http://127.0.0.1"+e.path, strings.NewReader(string(body)))
		req.Host = "127.0.0.1"
		req.Header.Set("Content-Type", contentType)
		if ifMatch != "" {
			req.Header.Set("If-Match", ifMatch)
		}
		req.AddCookie(fx.cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if !allowed[rec.Code] {
			t.Fatalf("%s %s (Content-Type %q, If-Match %q, body %q) = %d: %s", e.method, e.path, contentType, ifMatch, body, rec.Code, rec.Body)
		}
		if n++; n%200 == 0 {
			if after := hashTree(t, watched, outside); after != before {
				t.Fatalf("files outside the workspace changed:\n%s", diffLines(before, after))
			}
		}
	})
}

// hashTree lists every file under dirs with the hash of its content,
// skipping those under the workspace for which skip is true.
func hashTree(t testing.TB, dirs []string, skip func(rel string) bool) string {
	t.Helper()
	var b strings.Builder
	for i, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(d, p)
			rel = filepath.ToSlash(rel)
			if i == len(dirs)-1 && skip(rel) {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				b.WriteString(p + "/\n")
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			b.WriteString(p + " " + hex.EncodeToString(sum[:8]) + "\n")
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}
