package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"sort"
	"time"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/progress"
	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// writeJSONBody answers 200 with v as JSON, gzipped to a browser that
// accepts it: for the answers that carry prose.
func writeJSONBody(w http.ResponseWriter, r *http.Request, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	writeBody(w, r, buf.Bytes())
}

// apiError is the body of every error answer.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

// BodyTimeout is how long a request body may take to arrive: a client that
// trickles one byte at a time is cut off with 408 rather than holding a
// connection for as long as it likes.
var BodyTimeout = 30 * time.Second

// decode reads a JSON body, answering 413, 408 or 400 itself when it
// cannot.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	// The deadline covers the body only, and is lifted once it has been
	// read: an expired read deadline would end a long run's context. After
	// a timeout it stays, so that the server gives up on the rest of the
	// body rather than waiting for it to drain.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(BodyTimeout))
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", tooBig.Limit))
			return false
		}
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			w.Header().Set("Connection", "close")
			writeError(w, http.StatusRequestTimeout, fmt.Sprintf("the body took longer than %s to arrive", BodyTimeout))
			return false
		}
		writeError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		return false
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "bad JSON: one value, please, and nothing after it")
		return false
	}
	_ = rc.SetReadDeadline(time.Time{})
	return true
}

// chapterOf finds the chapter named in the path, answering 404 itself.
func (s *Server) chapterOf(w http.ResponseWriter, r *http.Request) *chapter.Chapter {
	id := r.PathValue("id")
	for _, ch := range s.cfg.Chapters {
		if ch.ID == id {
			return ch
		}
	}
	writeError(w, http.StatusNotFound, fmt.Sprintf("no chapter %q", id))
	return nil
}

// fileKind says what a file of a chapter is: learner, given or test; "" if
// the chapter has no such file.
func fileKind(ch *chapter.Chapter, name string) string {
	switch {
	case ch.IsLearnerFile(name):
		return "learner"
	case ch.Exercise[name] == nil:
		return ""
	case chapter.IsTestFile(name):
		return "test"
	}
	return "given"
}

// FileInfo describes one file of a chapter for the page.
type FileInfo struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"` // learner, given, test
	ReadOnly bool   `json:"read_only"`
	ETag     string `json:"etag,omitempty"`
}

// ChapterView is GET /api/chapters/{id}.
type ChapterView struct {
	ID      string         `json:"id"`
	Number  int            `json:"number"`
	Title   string         `json:"title"`
	Summary string         `json:"summary"`
	Goals   []string       `json:"goals"`
	Files   []FileInfo     `json:"files"`
	Tests   []chapter.Test `json:"tests"`
	Stars   [2]bool        `json:"stars"`
	// StarCount and StarTotal are the learner's stars in all chapters.
	StarCount int `json:"star_count"`
	StarTotal int `json:"star_total"`
	// Hints are the hints revealed so far, per part, rendered from their
	// Markdown; HintCounts how many there are.
	Hints      [2][]template.HTML `json:"hints"`
	HintCounts [2]int             `json:"hint_counts"`
	// Sections are the rendered prose; Part2 is empty until Part 1 has its
	// star.
	Sections Sections `json:"sections"`
	Prev     string   `json:"prev,omitempty"`
	Next     string   `json:"next,omitempty"`
}

// Sections are the chapter's prose as HTML.
type Sections struct {
	// Title is the chapter's heading and Intro the story and the idea.
	Title template.HTML `json:"title"`
	Intro template.HTML `json:"intro"`
	Part1 template.HTML `json:"part1"`
	Part2 template.HTML `json:"part2"`
	Wild  template.HTML `json:"wild"`
}

// chapterView is the chapter as the learner sees it now, and its page.
func (s *Server) chapterView(ch *chapter.Chapter) (*ChapterView, *render.Page, error) {
	prog, err := s.cfg.Workspace.Progress()
	if err != nil {
		return nil, nil, err
	}
	cp := prog.Chapter(ch.ID)
	v := &ChapterView{ID: ch.ID, Number: ch.Number, Title: ch.Title, Summary: ch.Summary, Goals: ch.Goals, Tests: ch.Tests,
		StarCount: prog.StarCount(), StarTotal: progress.Total(len(s.cfg.Chapters))}
	for _, name := range ch.LearnerFiles {
		_, etag, err := s.cfg.Workspace.Read(ch.ID, name)
		if err != nil && !errors.Is(err, workspace.ErrNotFound) {
			return nil, nil, err
		}
		v.Files = append(v.Files, FileInfo{Name: name, Kind: "learner", ETag: etag})
	}
	for _, name := range ch.GivenFiles() {
		v.Files = append(v.Files, FileInfo{Name: name, Kind: "given", ReadOnly: true})
	}
	for _, name := range ch.TestFiles() {
		v.Files = append(v.Files, FileInfo{Name: name, Kind: "test", ReadOnly: true})
	}
	hints := [2][]string{ch.Hints.Part1, ch.Hints.Part2}
	v.Stars = cp.Starred()
	for i := range 2 {
		v.HintCounts[i] = len(hints[i])
		v.Hints[i] = s.cfg.Renderer.Hints(ch.Notes(hints[i][:cp.HintsShown(i+1, len(hints[i]))]))
	}
	page, err := s.cfg.Renderer.Chapter(ch)
	if err != nil {
		return nil, nil, err
	}
	v.Sections = Sections{Title: page.Title, Intro: page.IntroBody, Part1: page.Part1, Wild: page.Wild}
	if page.Title == "" {
		v.Sections.Intro = page.Intro
	}
	if cp.Open(2) {
		v.Sections.Part2 = page.Part2
	}
	for i, c := range s.cfg.Chapters {
		if c != ch {
			continue
		}
		if i > 0 {
			v.Prev = s.cfg.Chapters[i-1].ID
		}
		if i+1 < len(s.cfg.Chapters) {
			v.Next = s.cfg.Chapters[i+1].ID
		}
	}
	return v, page, nil
}

// ChapterSummary is one entry of GET /api/chapters.
type ChapterSummary struct {
	ID      string  `json:"id"`
	Number  int     `json:"number"`
	Title   string  `json:"title"`
	Summary string  `json:"summary"`
	Stars   [2]bool `json:"stars"`
}

func (s *Server) summaries() ([]ChapterSummary, *progress.Progress, error) {
	prog, err := s.cfg.Workspace.Progress()
	if err != nil {
		return nil, nil, err
	}
	out := []ChapterSummary{}
	for _, ch := range s.cfg.Chapters {
		cp := prog.Chapter(ch.ID)
		out = append(out, ChapterSummary{ID: ch.ID, Number: ch.Number, Title: ch.Title, Summary: ch.Summary, Stars: cp.Starred()})
	}
	return out, prog, nil
}

func (s *Server) apiChapters(w http.ResponseWriter, r *http.Request) {
	list, _, err := s.summaries()
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) apiChapter(w http.ResponseWriter, r *http.Request) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return
	}
	v, _, err := s.chapterView(ch)
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSONBody(w, r, v)
}

// FileBody is a file's content in requests and answers.
type FileBody struct {
	Name    string `json:"name,omitempty"`
	Content string `json:"content"`
	ETag    string `json:"etag,omitempty"`
}

func (s *Server) apiGetFile(w http.ResponseWriter, r *http.Request) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return
	}
	name := r.PathValue("name")
	switch fileKind(ch, name) {
	case "learner":
		data, etag, err := s.cfg.Workspace.Read(ch.ID, name)
		if err != nil {
			s.fail(w, err)
			return
		}
		w.Header().Set("ETag", etag)
		writeJSON(w, http.StatusOK, FileBody{Name: name, Content: string(data), ETag: etag})
	case "given", "test":
		data := ch.Exercise[name]
		w.Header().Set("ETag", workspace.ETag(data))
		writeJSON(w, http.StatusOK, FileBody{Name: name, Content: string(data), ETag: workspace.ETag(data)})
	default:
		writeError(w, http.StatusNotFound, fmt.Sprintf("chapter %s has no file %q", ch.ID, name))
	}
}

// learnerFile checks that the path names one of the chapter's learner
// files, answering 404 (or 403 for a read-only file) itself.
func (s *Server) learnerFile(w http.ResponseWriter, r *http.Request) (*chapter.Chapter, string) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return nil, ""
	}
	name := r.PathValue("name")
	switch fileKind(ch, name) {
	case "learner":
		return ch, name
	case "given", "test":
		writeError(w, http.StatusForbidden, fmt.Sprintf("%s is read-only: the learner files of %s are %v", name, ch.ID, ch.LearnerFiles))
	default:
		writeError(w, http.StatusNotFound, fmt.Sprintf("chapter %s has no file %q", ch.ID, name))
	}
	return nil, ""
}

// Conflict is the body of a 412: the version on disk, to offer beside the
// one the page holds.
type Conflict struct {
	Error   string `json:"error"`
	Current string `json:"current"`
	ETag    string `json:"etag"`
}

func (s *Server) apiPutFile(w http.ResponseWriter, r *http.Request) {
	ch, name := s.learnerFile(w, r)
	if ch == nil {
		return
	}
	var body FileBody
	if !decode(w, r, &body) {
		return
	}
	etag, err := s.cfg.Workspace.Save(ch.ID, name, []byte(body.Content), r.Header.Get("If-Match"))
	if errors.Is(err, workspace.ErrConflict) {
		cur, curTag, rerr := s.cfg.Workspace.Read(ch.ID, name)
		if rerr != nil {
			s.fail(w, rerr)
			return
		}
		writeJSON(w, http.StatusPreconditionFailed, Conflict{Error: "the file changed since you loaded it; both versions are kept in its history", Current: string(cur), ETag: curTag})
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("ETag", etag)
	writeJSON(w, http.StatusOK, FileBody{Name: name, ETag: etag})
}

func (s *Server) apiHistory(w http.ResponseWriter, r *http.Request) {
	ch, name := s.learnerFile(w, r)
	if ch == nil {
		return
	}
	vs, err := s.cfg.Workspace.History(ch.ID, name)
	if err != nil {
		s.fail(w, err)
		return
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].ID > vs[j].ID }) // newest first
	if vs == nil {
		vs = []workspace.Version{}
	}
	writeJSON(w, http.StatusOK, vs)
}

func (s *Server) apiVersion(w http.ResponseWriter, r *http.Request) {
	ch, name := s.learnerFile(w, r)
	if ch == nil {
		return
	}
	data, err := s.cfg.Workspace.ReadVersion(ch.ID, name, r.PathValue("version"))
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, FileBody{Name: name, Content: string(data), ETag: workspace.ETag(data)})
}

func (s *Server) apiRestore(w http.ResponseWriter, r *http.Request) {
	ch, name := s.learnerFile(w, r)
	if ch == nil {
		return
	}
	var body struct {
		Version string `json:"version"`
	}
	if !decode(w, r, &body) {
		return
	}
	data, err := s.cfg.Workspace.ReadVersion(ch.ID, name, body.Version)
	if err != nil {
		s.fail(w, err)
		return
	}
	etag, err := s.cfg.Workspace.Replace(ch.ID, name, data, "restore")
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, FileBody{Name: name, Content: string(data), ETag: etag})
}

func (s *Server) apiReset(w http.ResponseWriter, r *http.Request) {
	ch, name := s.learnerFile(w, r)
	if ch == nil {
		return
	}
	var body struct{}
	if !decode(w, r, &body) {
		return
	}
	stub := ch.Exercise[name]
	etag, err := s.cfg.Workspace.Replace(ch.ID, name, stub, "reset")
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, FileBody{Name: name, Content: string(stub), ETag: etag})
}

// RunRequest is POST /api/chapters/{id}/run.
type RunRequest struct {
	Suite  string            `json:"suite"`
	Engine string            `json:"engine"`
	Files  map[string]string `json:"files"`
	// Page identifies the browser tab: a new run from the same tab cancels
	// its previous one.
	Page string `json:"page"`
	Seed string `json:"seed"`
}

// RunAnswer is the harness report plus what the run earned.
type RunAnswer struct {
	*harness.Report
	Stars       [2]bool `json:"stars"`
	NewStars    []int   `json:"new_stars"`
	StarCount   int     `json:"star_count"`
	StarTotal   int     `json:"star_total"`
	Part2Opened bool    `json:"part2_opened"`
	// Locked counts the tests of the suite this run left out because
	// their part is not open yet (Part 2 before Part 1 has its star).
	Locked int `json:"locked"`
	// Next is the next day, once this run finished the day.
	Next string `json:"next,omitempty"`
}

func (s *Server) apiRun(w http.ResponseWriter, r *http.Request) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return
	}
	var req RunRequest
	if !decode(w, r, &req) {
		return
	}
	if req.Suite == "" {
		req.Suite = "example"
	}
	suite, err := chapter.ParseSuite(req.Suite)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	engine, err := harness.ParseEngine(req.Engine)
	if _, ok := s.cfg.Harness.Engines[engine]; err != nil || !ok {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown engine %q (want interp or go)", req.Engine))
		return
	}
	// The learner's files: the page's buffers, else what is on disk.
	files := map[string][]byte{}
	for _, name := range ch.LearnerFiles {
		if buf, ok := req.Files[name]; ok {
			files[name] = []byte(buf)
			continue
		}
		data, _, err := s.cfg.Workspace.Read(ch.ID, name)
		if err != nil {
			s.fail(w, err)
			return
		}
		files[name] = data
	}
	for name := range req.Files {
		if !ch.IsLearnerFile(name) {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("%s is not a learner file of %s", name, ch.ID))
			return
		}
	}

	ctx := r.Context()
	if req.Page != "" {
		var cancel func()
		ctx, cancel = s.claimPage(ctx, req.Page)
		defer cancel()
	}
	// While Part 2 is locked, only Part 1's tests run: Part 2's cannot be
	// failures of code the learner has not been asked to write yet.
	prog, err := s.cfg.Workspace.Progress()
	if err != nil {
		s.fail(w, err)
		return
	}
	part, locked := 0, 0
	if !prog.Chapter(ch.ID).Open(2) {
		part = 1
		for _, t := range ch.Select(suite) {
			if t.Part == 2 {
				locked++
			}
		}
	}
	release, err := s.runs.acquire(ctx)
	if errors.Is(err, errBusy) {
		w.Header().Set("Retry-After", "2")
		writeError(w, http.StatusTooManyRequests, "the workbook is busy running other tests; try again in a moment")
		return
	}
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "the run was cancelled")
		return
	}
	defer release()
	rep, err := s.cfg.Harness.Run(ctx, harness.Request{Chapter: ch, Suite: suite, Engine: engine, Files: files, Seed: req.Seed, Part: part})
	if err != nil {
		if errors.Is(err, harness.ErrUsage) {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		s.fail(w, err)
		return
	}
	ans, err := s.award(ch, rep)
	if err != nil {
		s.fail(w, err)
		return
	}
	ans.Locked = locked
	writeJSON(w, http.StatusOK, ans)
}

// award records the stars a run earned (harness.Earned says which).
func (s *Server) award(ch *chapter.Chapter, rep *harness.Report) (*RunAnswer, error) {
	newStars, prog, err := s.cfg.Workspace.Award(ch.ID, harness.Earned(ch, rep))
	if err != nil {
		return nil, err
	}
	cp := prog.Chapter(ch.ID)
	ans := &RunAnswer{Report: rep, NewStars: newStars, Stars: cp.Starred(), StarCount: prog.StarCount(), StarTotal: progress.Total(len(s.cfg.Chapters))}
	for _, p := range newStars {
		if p == 1 {
			ans.Part2Opened = true
		}
	}
	if ans.Stars == [2]bool{true, true} {
		for i, c := range s.cfg.Chapters {
			if c == ch && i+1 < len(s.cfg.Chapters) {
				ans.Next = s.cfg.Chapters[i+1].ID
			}
		}
	}
	return ans, nil
}

func (s *Server) apiHint(w http.ResponseWriter, r *http.Request) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return
	}
	var body struct {
		Part int `json:"part"`
	}
	if !decode(w, r, &body) {
		return
	}
	hints := map[int][]string{1: ch.Hints.Part1, 2: ch.Hints.Part2}[body.Part]
	if hints == nil {
		writeError(w, http.StatusBadRequest, "part must be 1 or 2")
		return
	}
	n := 0
	_, err := s.cfg.Workspace.UpdateProgress(func(p *progress.Progress) (err error) {
		n, err = p.Chapter(ch.ID).RevealHint(body.Part, len(hints))
		return err
	})
	if errors.Is(err, progress.ErrLocked) {
		writeError(w, http.StatusForbidden, "Part 2's hints open when Part 1 has its star")
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"part": body.Part, "hints": s.cfg.Renderer.Hints(ch.Notes(hints[:n])), "count": len(hints)})
}

func (s *Server) apiSolution(w http.ResponseWriter, r *http.Request) {
	ch := s.chapterOf(w, r)
	if ch == nil {
		return
	}
	var body struct {
		Part    int  `json:"part"`
		Confirm bool `json:"confirm"`
	}
	if !decode(w, r, &body) {
		return
	}
	if body.Part != 1 && body.Part != 2 {
		writeError(w, http.StatusBadRequest, "part must be 1 or 2")
		return
	}
	_, err := s.cfg.Workspace.UpdateProgress(func(p *progress.Progress) error {
		return p.Chapter(ch.ID).ShowSolution(body.Part, body.Confirm)
	})
	if errors.Is(err, progress.ErrNotConfirmed) {
		writeError(w, http.StatusForbidden, "the solution opens once the part passes, or when you confirm that you want to see it now")
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	// Only the part's own code: Part 1's solution leaves Part 2's out,
	// which needs Part 2's star or a confirmation of its own.
	solution, err := ch.SolutionFor(body.Part)
	if err != nil {
		s.fail(w, err)
		return
	}
	files := []FileBody{}
	for _, name := range ch.LearnerFiles {
		if data, ok := solution[name]; ok {
			files = append(files, FileBody{Name: name, Content: string(data)})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"part": body.Part, "files": files})
}

func (s *Server) apiProgress(w http.ResponseWriter, r *http.Request) {
	list, prog, err := s.summaries()
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"chapters": list, "stars": prog.StarCount(), "total": progress.Total(len(s.cfg.Chapters)), "last": prog.Last})
}

// fail answers an error from below: the learner's mistakes as 4xx, the
// rest as 500 with the details in the log only.
func (s *Server) fail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, workspace.ErrBadName):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, workspace.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	default:
		s.log.Error("request failed", "err", err)
		writeError(w, http.StatusInternalServerError, "the workbook could not do that: "+err.Error())
	}
}
