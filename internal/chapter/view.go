package chapter

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
)

// The day files (exercises/NN-*/ and solutions/NN-*/) live in the
// workbook's own module, so that one module holds and embeds everything,
// but they must stay out of its build: a stub fails its tests and a
// solution is only half a package. Each one says so in a build line. A
// learner's copy, and everything the engines run, has a header line of the
// same length in its place, so sizes and line numbers agree between the two.
const (
	buildLine   = "//go:build ignore"
	learnerLine = "// CQRS Workbook."
)

// LearnerModFile and learnerSum are the learner's module files as the
// repository keeps them, under names the go tool does not take for a
// nested module; View shows them as exercises/go.mod and go.sum.
const (
	LearnerModFile = "learner.mod"
	learnerSum     = "learner.sum"
)

// LearnerForm returns a day file as learners and engines see it: the build
// line that keeps it out of the workbook's own build, if any, replaced.
func LearnerForm(src []byte) []byte {
	return swapHeaderLine(src, buildLine, learnerLine)
}

// SourceForm is the inverse of LearnerForm: the file as the repository
// keeps it, with its build line. A Go file with neither line gets one.
func SourceForm(data []byte) []byte {
	if out := swapHeaderLine(data, learnerLine, buildLine); !bytes.Equal(out, data) || hasHeaderLine(data, buildLine) {
		return out
	}
	// After a generated-code header, which must stay first; else first.
	if loc := generatedHeader.FindIndex(data); loc != nil {
		return append(append(bytes.Clone(data[:loc[1]]), buildLine+"\n\n"...), data[loc[1]:]...)
	}
	return append([]byte(buildLine+"\n\n"), data...)
}

// swapHeaderLine replaces the line old, above the package clause, by new.
func swapHeaderLine(data []byte, old, new string) []byte {
	at := headerLine(data, old)
	if at < 0 {
		return data
	}
	out := bytes.Clone(data)
	copy(out[at:], new)
	return out
}

func hasHeaderLine(data []byte, line string) bool { return headerLine(data, line) >= 0 }

// headerLine is the offset of the line (without its end, \n or \r\n) among
// the comment and blank lines before the package clause, or -1.
func headerLine(data []byte, line string) int {
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		l := bytes.TrimSuffix(data[off:off+end], []byte("\r"))
		switch {
		case string(l) == line:
			return off
		case len(bytes.TrimSpace(l)) == 0, bytes.HasPrefix(l, []byte("//")):
		default:
			return -1
		}
		off += end + 1
	}
	return -1
}

// isDayFile reports whether p (slash-separated, from the workbook's root)
// is a Go file of a day folder, kept out of the workbook's own build.
func isDayFile(p string) bool {
	top, rest, ok := strings.Cut(p, "/")
	if !ok || (top != ExercisesDir && top != SolutionsDir) || !strings.HasSuffix(p, ".go") {
		return false
	}
	day, _, ok := strings.Cut(rest, "/")
	return ok && IsDayFolder(day)
}

// IsDayFolder reports whether a folder name is a day's, NN-slug.
func IsDayFolder(name string) bool {
	return len(name) > 3 && name[0] >= '0' && name[0] <= '9' && name[1] >= '0' && name[1] <= '9' && name[2] == '-'
}

// View returns the workbook's tree as learners and engines see it: day
// files in their learner form, each day's folder with the files it carries
// from an earlier day (see carry.go), and exercises/go.mod and go.sum, the
// learner's module, under those names. Every reader of the workbook goes
// through it.
func View(fsys fs.FS) fs.FS {
	if v, ok := fsys.(view); ok {
		return v
	}
	return view{base: fsys, carried: &carriedCache{}}
}

type view struct {
	base    fs.FS
	carried *carriedCache
}

// carriedCache composes the carried files once per view, at the first
// look into a day's folder.
type carriedCache struct {
	once  sync.Once
	files map[string][]byte
}

// carriedFile is the carried file at name (in the base's form), if any.
func (v view) carriedFile(name string) ([]byte, bool) {
	if !isDayFile(name) || !strings.HasPrefix(name, ExercisesDir+"/") {
		return nil, false
	}
	v.carried.once.Do(func() { v.carried.files = carriedFiles(v.base) })
	data, ok := v.carried.files[name]
	return data, ok
}

// carriedIn lists the carried files of the day folder dir, by name.
func (v view) carriedIn(dir string) []fs.DirEntry {
	top, day, ok := strings.Cut(dir, "/")
	if !ok || top != ExercisesDir || !IsDayFolder(day) || strings.Contains(day, "/") {
		return nil
	}
	v.carried.once.Do(func() { v.carried.files = carriedFiles(v.base) })
	var out []fs.DirEntry
	for p, data := range v.carried.files {
		if path.Dir(p) == dir {
			out = append(out, fs.FileInfoToDirEntry(carriedInfo{name: path.Base(p), size: int64(len(data))}))
		}
	}
	return out
}

// carriedInfo describes a carried file, which exists only in the view.
type carriedInfo struct {
	name string
	size int64
}

func (i carriedInfo) Name() string       { return i.name }
func (i carriedInfo) Size() int64        { return i.size }
func (i carriedInfo) Mode() fs.FileMode  { return 0o444 }
func (i carriedInfo) ModTime() time.Time { return time.Time{} }
func (i carriedInfo) IsDir() bool        { return false }
func (i carriedInfo) Sys() any           { return nil }

// source maps a name in the view to the base's name.
func (v view) source(name string) (string, error) {
	switch name {
	case ExercisesDir + "/go.mod":
		return ExercisesDir + "/" + LearnerModFile, nil
	case ExercisesDir + "/go.sum":
		return ExercisesDir + "/" + learnerSum, nil
	case ExercisesDir + "/" + LearnerModFile, ExercisesDir + "/" + learnerSum:
		return "", fs.ErrNotExist
	}
	return name, nil
}

func (v view) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	src, err := v.source(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	f, err := v.base.Open(src)
	if errors.Is(err, fs.ErrNotExist) {
		if data, ok := v.carriedFile(name); ok {
			data = LearnerForm(data)
			return &memFile{Reader: bytes.NewReader(data), info: carriedInfo{name: path.Base(name), size: int64(len(data))}}, nil
		}
	}
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		return &viewDir{File: f, v: v, name: name}, nil
	}
	if src == name && !isDayFile(name) {
		return f, nil
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	if isDayFile(name) {
		data = LearnerForm(data)
	}
	return &memFile{Reader: bytes.NewReader(data), info: renamedInfo{st, path.Base(name)}}, nil
}

func (v view) ReadFile(name string) ([]byte, error) {
	f, err := v.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func (v view) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(v.base, name)
	if err != nil {
		return nil, err
	}
	return v.rename(name, entries), nil
}

func (v view) Stat(name string) (fs.FileInfo, error) {
	src, err := v.source(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	st, err := fs.Stat(v.base, src)
	if errors.Is(err, fs.ErrNotExist) {
		if data, ok := v.carriedFile(name); ok {
			return carriedInfo{name: path.Base(name), size: int64(len(LearnerForm(data)))}, nil
		}
	}
	if err != nil {
		return nil, err
	}
	return renamedInfo{st, path.Base(name)}, nil
}

// rename gives the entries of folder dir their names in the view, and a
// day's folder its carried files.
func (v view) rename(dir string, entries []fs.DirEntry) []fs.DirEntry {
	if carried := v.carriedIn(dir); len(carried) > 0 {
		have := map[string]bool{}
		for _, e := range entries {
			have[e.Name()] = true
		}
		for _, e := range carried {
			if !have[e.Name()] {
				entries = append(entries, e)
			}
		}
		sortEntries(entries)
		return entries
	}
	if dir != ExercisesDir {
		return entries
	}
	out := make([]fs.DirEntry, 0, len(entries))
	for _, e := range entries {
		switch e.Name() {
		case "go.mod", "go.sum":
			continue // a stray nested module file is not the learner's
		case LearnerModFile:
			e = renamedEntry{e, "go.mod"}
		case learnerSum:
			e = renamedEntry{e, "go.sum"}
		}
		out = append(out, e)
	}
	// Sorted by name, as fs.ReadDir promises: go.mod and go.sum moved.
	sortEntries(out)
	return out
}

func sortEntries(es []fs.DirEntry) {
	sort.Slice(es, func(i, j int) bool { return es[i].Name() < es[j].Name() })
}

type viewDir struct {
	fs.File
	v       view
	name    string
	entries []fs.DirEntry // the renamed listing, read at the first call
	read    bool
}

func (d *viewDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		rd, ok := d.File.(fs.ReadDirFile)
		if !ok {
			return nil, &fs.PathError{Op: "readdir", Path: d.name, Err: errors.New("not a directory")}
		}
		// The view renames within the whole listing, so it reads it at once.
		entries, err := rd.ReadDir(-1)
		if err != nil {
			return nil, err
		}
		sortEntries(entries)
		d.entries, d.read = d.v.rename(d.name, entries), true
	}
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n:n]
	d.entries = d.entries[n:]
	return out, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type renamedInfo struct {
	fs.FileInfo
	name string
}

func (i renamedInfo) Name() string { return i.name }

type renamedEntry struct {
	fs.DirEntry
	name string
}

func (e renamedEntry) Name() string { return e.name }
func (e renamedEntry) Info() (fs.FileInfo, error) {
	st, err := e.DirEntry.Info()
	if err != nil {
		return nil, err
	}
	return renamedInfo{st, e.name}, nil
}

// Printed returns a day file as a handout prints it: without the header
// line of its learner form (or its build line) and the blank line after.
func Printed(src []byte) []byte {
	for _, line := range []string{learnerLine, buildLine} {
		at := headerLine(src, line)
		if at < 0 {
			continue
		}
		end := at + len(line)
		for _, eol := range []string{"\r\n\r\n", "\n\n", "\r\n", "\n"} {
			if bytes.HasPrefix(src[end:], []byte(eol)) {
				end += len(eol)
				break
			}
		}
		return append(bytes.Clone(src[:at]), src[end:]...)
	}
	return src
}

// HasBuildLine reports whether a day file, as the repository keeps it,
// carries the build line that keeps it out of the workbook's own build.
func HasBuildLine(src []byte) bool { return hasHeaderLine(src, buildLine) }
