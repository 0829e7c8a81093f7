package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/site"
)

// asset is one static file as it is served: its bytes, the same gzipped
// (once, the first time any server needs the assets), its type and a tag
// for revalidation.
type asset struct {
	raw, gz []byte
	ctype   string
	etag    string
	version string // of the content: pages ask for NAME?v=version
}

var (
	assetsOnce   sync.Once
	assetsByName map[string]*asset
)

// assets returns the embedded static files by name (app.js, editor.js,
// app.css, and code.css, the highlighter's styles), each compressed once.
func assets() map[string]*asset {
	assetsOnce.Do(func() {
		assetsByName = map[string]*asset{}
		static, _ := fs.Sub(site.FS, "static")
		entries, _ := fs.ReadDir(static, ".")
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			data, err := fs.ReadFile(static, e.Name())
			if err != nil {
				continue
			}
			assetsByName[e.Name()] = newAsset(e.Name(), data)
		}
		assetsByName["code.css"] = newAsset("code.css", []byte(render.CSS()))
	})
	return assetsByName
}

func newAsset(name string, data []byte) *asset {
	sum := sha256.Sum256(data)
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	v := hex.EncodeToString(sum[:12])
	return &asset{raw: data, gz: gzipped(data, gzip.BestCompression), ctype: ctype, etag: `"` + v + `"`, version: v}
}

// assetURL is the address pages use for the asset name: with its
// content's version, which lets the browser keep it until it changes.
func assetURL(name string) string {
	if a, ok := assets()[name]; ok {
		return "/static/" + name + "?v=" + a.version
	}
	return "/static/" + name
}

func gzipped(data []byte, level int) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, level)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}

// serveAsset answers GET and HEAD for /static/NAME: gzipped to a browser
// that accepts it, 304 to one that has this version, 404 for anything
// that is not an embedded asset. Asked for with its current version
// (assetURL), it may be kept for a year: a new workbook's pages ask for a
// new version. Without it, the browser revalidates every time.
func serveAsset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	a, ok := assets()[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("ETag", a.etag)
	h.Add("Vary", "Accept-Encoding")
	if etagMatches(r.Header.Get("If-None-Match"), a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.raw
	if acceptsGzip(r) {
		body = a.gz
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}

// etagMatches reports whether an If-None-Match header names tag (or is *).
func etagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == tag || t == "*" {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip:
// named (or *) without q=0.
func acceptsGzip(r *http.Request) bool {
	ok := false
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if coding == "gzip" {
			return q > 0 // an explicit gzip wins over *
		}
		ok = q > 0
	}
	return ok
}

// writeBody writes a response body that was made whole first (a page, a
// large JSON answer), gzipped when the browser accepts it and it is worth
// it.
func writeBody(w http.ResponseWriter, r *http.Request, body []byte) {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	if len(body) >= 1024 && acceptsGzip(r) {
		body = gzipped(body, gzip.DefaultCompression)
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}
