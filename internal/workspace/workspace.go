// Package workspace is the learner's folder on disk: their files, every
// version they saved, and their progress (stars, hints revealed). Every
// write is atomic — a temporary file, fsync, rename, fsync of the folder —
// so a crash at any moment leaves each file whole, old or new, and nothing
// outside the folder is ever touched: all access goes through an os.Root.
package workspace

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors a caller maps to answers.
var (
	// ErrConflict: the file changed since the version the caller last saw.
	ErrConflict = errors.New("the file changed since you loaded it")
	// ErrBadName: a chapter or file name that could leave its folder.
	ErrBadName = errors.New("bad name")
	// ErrNotFound: no such file or version.
	ErrNotFound = errors.New("not found")
)

// stateDir holds the workbook's own files inside the workspace; the go tool
// ignores folders whose names start with a dot.
const stateDir = ".workbook"

// DefaultKeep is how many earlier versions of a file are kept.
const DefaultKeep = 50

// Workspace is one learner's folder.
type Workspace struct {
	dir  string
	root *os.Root
	keep int
	mu   sync.Mutex // one writer at a time
}

// Open opens the workspace in dir, which must exist.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("open workspace: %w", err)
	}
	w := &Workspace{dir: abs, root: root, keep: DefaultKeep}
	w.removeLeftovers()
	return w, nil
}

var leftover = regexp.MustCompile(`^\..+\.tmp-[0-9a-f]{12}$`)

// removeLeftovers deletes the temporary files of saves that a crash cut
// short; the files they were meant to replace are whole.
func (w *Workspace) removeLeftovers() {
	_ = fs.WalkDir(w.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && leftover.MatchString(d.Name()) {
			_ = w.root.Remove(p)
		}
		return nil
	})
}

// LearnerFiles reads the files a chapter's learner edits, by name.
func (w *Workspace) LearnerFiles(chapterID string, names []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, name := range names {
		data, _, err := w.Read(chapterID, name)
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	return out, nil
}

// Dir is the workspace's folder.
func (w *Workspace) Dir() string { return w.dir }

// Close releases the workspace.
func (w *Workspace) Close() error { return w.root.Close() }

var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// filePath checks a chapter id and a file name and joins them.
func filePath(chapterID, name string) (string, error) {
	for _, s := range []string{chapterID, name} {
		if !safeName.MatchString(s) || strings.Contains(s, "..") {
			return "", fmt.Errorf("%w: %q", ErrBadName, s)
		}
	}
	return path.Join(chapterID, name), nil
}

// escaped turns the os.Root refusal of a path that leaves the workspace
// (through a symlink planted in it, say) into ErrBadName.
func escaped(err error) error {
	if err != nil && strings.Contains(err.Error(), "escapes") {
		return fmt.Errorf("%w: %v", ErrBadName, err)
	}
	return err
}

// ETag is the entity tag of a file's content.
func ETag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// Read returns a learner file and its ETag.
func (w *Workspace) Read(chapterID, name string) ([]byte, string, error) {
	p, err := filePath(chapterID, name)
	if err != nil {
		return nil, "", err
	}
	data, err := w.root.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", fmt.Errorf("%w: %s", ErrNotFound, p)
	}
	if err != nil {
		return nil, "", escaped(err)
	}
	return data, ETag(data), nil
}

// Save writes a learner file atomically and keeps the version it replaces
// in the history. With ifMatch set, it refuses with ErrConflict unless the
// file on disk still has that ETag; the refused content is kept in the
// history too, so neither version is lost.
func (w *Workspace) Save(chapterID, name string, data []byte, ifMatch string) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p, err := filePath(chapterID, name)
	if err != nil {
		return "", err
	}
	old, err := w.root.ReadFile(p)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", escaped(err)
	}
	if ifMatch != "" && ifMatch != "*" && (!exists || ETag(old) != ifMatch) {
		if err := w.remember(chapterID, name, data, "conflict"); err != nil {
			return "", err
		}
		return "", ErrConflict
	}
	if exists {
		data = matchLineEnds(old, data)
	}
	if exists && string(old) == string(data) {
		return ETag(data), nil
	}
	if exists {
		if err := w.remember(chapterID, name, old, "save"); err != nil {
			return "", err
		}
	}
	if err := w.writeAtomic(p, data); err != nil {
		return "", err
	}
	return ETag(data), nil
}

// writeAtomic replaces p (relative to the root) with data; see
// writeAtomic in atomic.go.
func (w *Workspace) writeAtomic(p string, data []byte) error {
	if err := writeAtomic(w.root, p, data); err != nil {
		return fmt.Errorf("save %s: %w", p, err)
	}
	return nil
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Version is one earlier content of a file.
type Version struct {
	ID     string    `json:"id"`
	Time   time.Time `json:"time"`
	Reason string    `json:"reason"` // save, conflict, reset, restore
	Size   int       `json:"size"`
	ETag   string    `json:"etag"`
}

func historyDir(chapterID, name string) string {
	return path.Join(stateDir, "history", chapterID, name)
}

var versionName = regexp.MustCompile(`^(\d+)-(\d+)-([a-z]+)\.go\.txt$`)

// remember adds content to a file's history and drops the oldest versions
// beyond the limit. Callers hold w.mu.
func (w *Workspace) remember(chapterID, name string, data []byte, reason string) error {
	dir := historyDir(chapterID, name)
	versions, err := w.versions(chapterID, name)
	if err != nil {
		return err
	}
	seq := 1
	if len(versions) > 0 {
		last, _ := strconv.Atoi(strings.SplitN(versions[len(versions)-1].ID, "-", 2)[0])
		seq = last + 1
	}
	id := fmt.Sprintf("%06d-%d-%s", seq, time.Now().UnixMilli(), reason)
	if err := w.writeAtomic(path.Join(dir, id+".go.txt"), data); err != nil {
		return err
	}
	for len(versions)+1 > w.keep {
		if err := w.root.Remove(path.Join(dir, versions[0].ID+".go.txt")); err != nil {
			return err
		}
		versions = versions[1:]
	}
	return nil
}

func (w *Workspace) versions(chapterID, name string) ([]Version, error) {
	entries, err := fs.ReadDir(w.root.FS(), historyDir(chapterID, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Version
	for _, e := range entries {
		m := versionName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		ms, _ := strconv.ParseInt(m[2], 10, 64)
		info, err := e.Info()
		if err != nil {
			continue
		}
		v := Version{ID: strings.TrimSuffix(e.Name(), ".go.txt"), Time: time.UnixMilli(ms).UTC(), Reason: m[3], Size: int(info.Size())}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// History lists a file's earlier versions, oldest first.
func (w *Workspace) History(chapterID, name string) ([]Version, error) {
	if _, err := filePath(chapterID, name); err != nil {
		return nil, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	vs, err := w.versions(chapterID, name)
	if err != nil {
		return nil, err
	}
	for i := range vs {
		data, err := w.root.ReadFile(path.Join(historyDir(chapterID, name), vs[i].ID+".go.txt"))
		if err == nil {
			vs[i].ETag = ETag(data)
		}
	}
	return vs, nil
}

// ReadVersion returns one earlier version of a file.
func (w *Workspace) ReadVersion(chapterID, name, id string) ([]byte, error) {
	if _, err := filePath(chapterID, name); err != nil {
		return nil, err
	}
	if !versionName.MatchString(id + ".go.txt") {
		return nil, fmt.Errorf("%w: version %q", ErrBadName, id)
	}
	data, err := w.root.ReadFile(path.Join(historyDir(chapterID, name), id+".go.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: version %s", ErrNotFound, id)
	}
	return data, err
}

// Replace writes content over a file for a reason other than an edit
// (reset to the stub, restore of a version), keeping the current content
// in the history first.
func (w *Workspace) Replace(chapterID, name string, data []byte, reason string) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p, err := filePath(chapterID, name)
	if err != nil {
		return "", err
	}
	if old, err := w.root.ReadFile(p); err == nil {
		if err := w.remember(chapterID, name, old, reason); err != nil {
			return "", err
		}
	}
	if err := w.writeAtomic(p, data); err != nil {
		return "", err
	}
	return ETag(data), nil
}

// matchLineEnds gives data the line ends of the file it replaces: an
// editor in the browser sends LF, and a file kept with CRLF by an editor on
// Windows stays CRLF, so saving from the workbook changes only the lines
// the learner changed.
func matchLineEnds(old, data []byte) []byte {
	crlf := bytes.Count(old, []byte("\r\n"))
	if crlf == 0 || crlf < bytes.Count(old, []byte("\n"))-crlf {
		return data
	}
	lf := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
}
