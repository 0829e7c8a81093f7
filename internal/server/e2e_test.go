package server_test

// TestE2E drives the web workbook in a real, headless Chromium: it signs in
// with the token, types the reference solution of chapter 1 into the
// CodeMirror editors, runs the example and full suites, earns the stars,
// reloads, and then checks the unhappy paths a learner meets: code that
// does not compile, an endless loop, and output that looks like HTML.
// Last, it checks that no version of the learner's code is ever lost: the
// file edited in another editor (with and without unsaved changes in the
// page, choosing either version), the workbook stopped while the learner
// types (the draft waits in localStorage), and the reset to the stub undone
// from the Versions list.
//
// It needs Chromium (apt-get install chromium); without it the test skips,
// except on CI (CI=true), where it fails. Screenshots of each key state go
// to $WORKBOOK_E2E_OUT, else ../out/e2e.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	browsers "github.com/cqrsworkbook/workbook/internal/browser"

	"github.com/cqrsworkbook/workbook/internal/chapter"
	"github.com/cqrsworkbook/workbook/internal/harness"
	"github.com/cqrsworkbook/workbook/internal/harness/gotest"
	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/render"
	"github.com/cqrsworkbook/workbook/internal/server"
	"github.com/cqrsworkbook/workbook/internal/workspace"
)

// The package's TestMain (main_test.go) lets this test binary serve as
// the interpreter's worker.

const (
	e2eToken   = "e2e-test-token-5f0c2a9d"
	e2eChapter = "01-commands"
	// e2eSecondChapter is the day the flow is walked again, at phone width.
	e2eSecondChapter = "02-events"
	// e2eTestTimeout is each test's deadline in the harness, the
	// workbook's own. It is not stretched under -race: day 1's and day 2's
	// slowest tests take under a second there, and the endless loop of
	// step 6 holds a core until the deadline.
	e2eTestTimeout = 5 * time.Second
	// e2eDeadline bounds the whole browser session once it started.
	e2eDeadline = 120 * time.Second
	// e2eStartWait is how long one start of Chromium may take: on a fresh
	// machine its first start builds the font cache, and during a whole
	// "go test ./..." on two cores it shares them with every package.
	e2eStartWait = 60 * time.Second
)

// Learner code for the unhappy paths. brokenValidate refers to an undefined
// name on line brokenLine.
const (
	brokenValidate = `package bank

// Validate does not compile: it uses a name that does not exist.
func Validate(cmd Command) error {
	return errNoSuchThing
}
`
	brokenLine = 5

	endlessParse = `package bank

// ParseCommand never returns.
func ParseCommand(line string) (Command, error) {
	n := 0
	for {
		n++
		if n < 0 {
			return nil, nil
		}
	}
}
`
	htmlOutput = `<b id="injected">bold</b><img src=x onerror="document.title='pwned'">`

	htmlParse = `package bank

import "fmt"

// ParseCommand prints HTML and answers wrongly.
func ParseCommand(line string) (Command, error) {
	fmt.Println(` + "`" + htmlOutput + "`" + `)
	return nil, nil
}
`
)

func TestE2E(t *testing.T) {
	t.Parallel() // beside the other long tests; none of them counts workers
	chromium := findChromium(t)
	start := time.Now()

	// The workbook: the repository's chapters, a fresh workspace, a
	// harness with both engines, and the server over them.
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(root)
	chapters, err := chapter.Load(fsys)
	if err != nil {
		t.Fatalf("chapter.Load: %v", err)
	}
	ch := chapter.Find(chapters, e2eChapter)
	if ch == nil {
		t.Fatalf("no chapter %s", e2eChapter)
	}
	solution := map[string]string{}
	for _, name := range ch.LearnerFiles {
		solution[name] = string(ch.Solution[name])
	}
	wsDir := t.TempDir()
	if _, err := workspace.Prepare(wsDir, fsys, chapters); err != nil {
		t.Fatalf("workspace.Prepare: %v", err)
	}
	ws, err := workspace.Open(wsDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	h := &harness.Harness{
		FS: fsys,
		Engines: map[harness.EngineName]harness.Engine{
			"interp": &interp.Engine{},
			"go":     &gotest.Engine{},
		},
		Limits: harness.Limits{TestTimeout: e2eTestTimeout},
	}
	live := listenLive(t)
	srv, err := server.New(server.Config{Chapters: chapters, Harness: h, Workspace: ws, Renderer: render.New(), Token: e2eToken, Port: live.port()})
	if err != nil {
		live.stop()
		t.Fatalf("server.New: %v", err)
	}
	live.handler = srv.Handler()
	live.start(t)
	defer live.stop()
	defer srv.Shutdown() // before live.stop: ends the page's event stream
	base := live.url()
	// Changes made on disk reach the page only through the watch.
	stopWatch := make(chan struct{})
	defer close(stopWatch)
	go func() {
		if err := srv.Watch(stopWatch); err != nil {
			t.Errorf("watch: %v", err)
		}
	}()

	// The browser.
	bctx, stopBrowser := startBrowser(t, chromium)
	defer stopBrowser()
	b := &browser{t: t, ctx: bctx, out: outDir(t)}
	t.Logf("server and Chromium ready after %v", time.Since(start).Round(time.Millisecond))
	b.watch()
	defer b.report()

	step := func(name string, f func(t *testing.T)) {
		t0 := time.Now()
		ok := t.Run(name, func(t *testing.T) {
			b.t = t
			defer func() { b.t = nil }()
			f(t)
		})
		t.Logf("%s: %v", name, time.Since(t0).Round(time.Millisecond))
		if !ok {
			t.FailNow() // later steps build on this one
		}
	}

	// The learner's session cookie, read from the browser once it signed
	// in, for the test's own API requests.
	api := &apiClient{base: base}

	step("1-sign-in", func(t *testing.T) {
		// As the workbook does: the desktop opens a launcher file, which
		// sends the browser on to the link with the token (a navigation
		// from a file: page, so from another site).
		l, err := server.NewLauncher(base + "/?token=" + e2eToken)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Remove()
		b.do("open the launcher file", 10*time.Second, chromedp.Navigate("file://"+filepath.ToSlash(l.Path)))
		b.waitAcross("the home page lists day 1", `location.origin === `+js(base)+` && document.querySelector(".calendar") !== null && document.querySelector(".calendar").textContent.includes("Commands are intentions")`, 10*time.Second)
		if got := b.str("location.search", "location.search"); strings.Contains(got, "token") {
			t.Errorf("the address bar still has the token: search = %q", got)
		}
		if got := b.str("location.pathname", "location.pathname"); got != "/" {
			t.Errorf("after sign-in, the page is %q, want /", got)
		}
		b.shot("01-home")
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		defer cancel()
		res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base + "/"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Cookies {
			if c.Name == srv.CookieName() {
				api.cookie = &http.Cookie{Name: c.Name, Value: c.Value}
				if !c.HTTPOnly || c.SameSite != network.CookieSameSiteStrict || c.Path != "/" || c.Value == e2eToken {
					t.Errorf("the session cookie is %+v, want HttpOnly, SameSite=Strict, Path=/, and not the token", c)
				}
			}
		}
		if api.cookie == nil {
			t.Fatalf("the browser has no cookie %s after signing in: %+v", srv.CookieName(), res.Cookies)
		}
		if got := b.boolean("the cookie is out of script's reach", `!document.cookie.includes(`+js(srv.CookieName())+`)`); !got {
			t.Errorf("document.cookie shows the session cookie")
		}
	})

	step("1b-link-works-once", func(t *testing.T) {
		// The same link in the signed-in browser just drops the token.
		b.do("open the link again", 10*time.Second, chromedp.Navigate(base+"/chapters/"+e2eChapter+"?token="+e2eToken))
		b.waitAcross("the chapter without the token", `location.pathname === `+js("/chapters/"+e2eChapter)+` && location.search === "" && document.readyState === "complete"`, 10*time.Second)
		b.waitLoaded()
		if got := b.str("location", "location.pathname + location.search"); got != "/chapters/"+e2eChapter {
			t.Errorf("the link again in the signed-in browser ends at %q, want the chapter without the token", got)
		}
		// In another browser (a new profile, without the cookie) it is
		// spent, and the page says so.
		octx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
		defer cancel()
		// Its first action makes its tab and lives as long as the tab: no
		// timeout of its own (the browser's deadline bounds it).
		if err := chromedp.Do(octx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatalf("open another browser: %v", err)
		}
		other := &browser{t: t, ctx: octx, out: b.out}
		other.do("open the used link in another browser", 10*time.Second, chromedp.Navigate(base+"/?token="+e2eToken))
		other.waitAcross("the page says the link was used", `document.querySelector("h1") !== null && document.querySelector("h1").textContent.includes("already used")`, 5*time.Second)
		if got := other.str("the page", `document.body.textContent`); !strings.Contains(got, "start it again") {
			t.Errorf("the used-link page does not say to restart the workbook:\n%s", got)
		}
		other.shot("01b-link-already-used")
	})

	step("2-type-solution", func(t *testing.T) {
		b.openChapter(base)
		b.shot("02-chapter-opened")
		for _, name := range ch.LearnerFiles {
			b.typeInto(name, solution[name])
		}
	})

	step("3-run-and-earn-stars", func(t *testing.T) {
		b.startRun("#run-example")
		b.waitRun("the example suite passes", 15*time.Second)
		b.wait("every example test passes", `(() => {
			const items = document.querySelectorAll("#results details.test");
			return items.length > 0 && [...items].every((d) => d.classList.contains("pass"));
		})()`, time.Second)
		b.shot("03-example-passed")

		if got := b.str("the example's summary", `document.getElementById("run-state").textContent`); !strings.Contains(got, "locked") || strings.Contains(got, "failed") {
			t.Errorf("while Part 2 is locked, the summary says %q; want its tests locked, nothing failed", got)
		}
		if n := b.int("Part 2 results", `[...document.querySelectorAll("#results details.test .meta")].filter((m) => m.textContent.includes("part 2")).length`); n != 0 {
			t.Errorf("%d of Part 2's tests ran while it is locked", n)
		}

		b.startRun("#run-full")
		b.wait("the run shows it is running: spinner, elapsed time, Stop", `!document.getElementById("spinner").hidden && !document.getElementById("stop").hidden && document.getElementById("elapsed").textContent.endsWith(" s")`, 5*time.Second)
		b.waitRun("the full suite passes", 20*time.Second)
		b.wait("the success card with the learner's answer", fmt.Sprintf(`(() => {
			const c = document.querySelector("#results .success");
			return c && c.textContent.includes("That's the right answer!") && c.querySelector(".answer") && c.querySelector(".answer").textContent === %s;
		})()`, js(strconv.FormatInt(e2eAnswer(t, ch, 1), 10))), time.Second)
		b.wait("Part 2 opens", `document.getElementById("part2").textContent.includes("Worked example") && !document.getElementById("part2-locked")`, 5*time.Second)
		b.wait("the contents gain Part 2 without a reload", `[...document.querySelectorAll("#toc-list a")].some((a) => a.textContent === "Part 2")`, 2*time.Second)
		b.shot("04-star-earned-part2")
		b.click("#continue-part2")
		b.wait("Continue to Part 2 brings Part 2 into view", `(() => { const r = document.querySelector("#part2 h2").getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight / 2; })()`, 3*time.Second)
		b.shot("04b-continued-to-part2")

		b.startRun("#run-full")
		b.waitRun("the full suite passes with Part 2", 20*time.Second)
		b.wait("the second star and the next day", `(() => {
			const c = document.querySelector("#results .success");
			const next = c && c.querySelector('a[href="/chapters/02-events"]');
			return next && next.textContent.includes("Next day") && document.getElementById("day-stars").textContent.includes("Part 2 ★ solved");
		})()`, time.Second)
		if got := b.str("the summary", `document.getElementById("run-state").textContent`); strings.Contains(got, "failed") || strings.Contains(got, "locked") {
			t.Errorf("after both stars the summary says %q", got)
		}
		b.shot("04c-both-stars")
	})

	step("4-saved-and-reloaded", func(t *testing.T) {
		b.waitSaved(10 * time.Second)
		b.do("reload the chapter", 10*time.Second, chromedp.Reload())
		b.waitLoaded()
		for _, name := range ch.LearnerFiles {
			b.wait(name+" shows the solution after the reload", fmt.Sprintf(`window.workbookPage.text(%s) === %s`, js(name), js(solution[name])), 5*time.Second)
			data, err := os.ReadFile(filepath.Join(wsDir, e2eChapter, name))
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != solution[name] {
				t.Errorf("%s on disk is not the solution:\n%s", name, data)
			}
		}
		b.wait("the day's stars show Part 1 solved", `document.getElementById("day-stars").textContent.includes("Part 1 ★ solved")`, 2*time.Second)
		b.shot("05-after-reload")
	})

	step("5-compile-error", func(t *testing.T) {
		b.typeInto("validate.go", brokenValidate)
		b.startRun("#run-example")
		b.waitRun("the run reports the compile error", 15*time.Second)
		where := fmt.Sprintf("validate.go:%d", brokenLine)
		b.wait("the results say where it does not compile", fmt.Sprintf(`(() => {
			const c = document.querySelector("#results .compile-errors");
			return c && c.textContent.includes("Does not compile") && c.textContent.includes(%s);
		})()`, js(where)), time.Second)
		b.wait("the editor underlines the error", fmt.Sprintf(`%s.querySelectorAll(".cm-lintRange-error, .cm-diagnostic").length > 0`, shadow("validate.go")), 2*time.Second)
		b.shot("06-compile-error")
		b.typeInto("validate.go", solution["validate.go"])
	})

	step("6-endless-loop", func(t *testing.T) {
		b.typeInto("parse.go", endlessParse)
		_ = b.boolean("open the hints", `(document.getElementById("hint-panel").open = true, true)`)
		hints := b.int("hints shown", `document.querySelectorAll('.hints[data-part="1"] .hint-list li').length`)
		t0 := time.Now()
		b.startRun("#run-example")
		b.wait("the run starts", `document.getElementById("run-example").disabled && document.getElementById("run-state").textContent.startsWith("Running")`, 2*time.Second)
		// The loop runs in a worker: the page must stay responsive.
		b.click(`.hints[data-part="1"] .hint-button`)
		b.wait("a hint appears within 1s while the loop runs", fmt.Sprintf(`document.querySelectorAll('.hints[data-part="1"] .hint-list li').length > %d`, hints), time.Second)
		if running := b.boolean("still running", `document.getElementById("run-example").disabled`); !running {
			t.Errorf("the run ended before the hint check (after %v); the responsiveness check proved nothing", time.Since(t0))
		}
		b.waitRun("the run ends", e2eTestTimeout+10*time.Second)
		b.wait("a test timed out", `document.querySelector("#results details.test.timeout") !== null`, time.Second)
		t.Logf("the endless loop was stopped after %v", time.Since(t0).Round(time.Millisecond))
		b.shot("07-timeout")
	})

	step("7-html-output", func(t *testing.T) {
		b.typeInto("parse.go", htmlParse)
		b.startRun("#run-example")
		b.waitRun("the run ends", 15*time.Second)
		b.wait("the output shows the HTML as text", fmt.Sprintf(`[...document.querySelectorAll("#results pre.output")].some((p) => p.textContent.includes(%s))`, js(htmlOutput)), time.Second)
		if b.boolean("injected element", `document.getElementById("injected") !== null`) {
			t.Errorf("the learner's output became HTML: #injected exists")
		}
		if title := b.str("title", "document.title"); title == "pwned" {
			t.Errorf("the learner's output ran script: document.title = %q", title)
		}
		_ = b.boolean("scroll the output into the results panel", `(() => {
			const r = document.getElementById("results"), p = r.querySelector("pre.output");
			r.scrollTop += p.getBoundingClientRect().top - r.getBoundingClientRect().top - 40;
			return true;
		})()`)
		b.shot("08-html-output")
		b.typeInto("parse.go", solution["parse.go"])
		b.waitSaved(10 * time.Second)
	})

	// The rest checks that the learner's work survives whatever happens
	// around the page: the file edited in another editor, with and without
	// unsaved changes in the page, the workbook stopped and started again,
	// and the reset to the stub.
	const learnerFile = "parse.go"
	diskPath := filepath.Join(wsDir, e2eChapter, learnerFile)
	onDisk := func(t *testing.T) string {
		t.Helper()
		data, err := os.ReadFile(diskPath)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	// version is a variant of the solution that still compiles.
	version := func(note string) string { return solution[learnerFile] + "\n// " + note + "\n" }
	// survives reports whether content is on disk or in the file's history.
	survives := func(t *testing.T, content string) bool {
		t.Helper()
		return onDisk(t) == content || api.inHistory(t, learnerFile, content)
	}

	step("8-edited-on-disk", func(t *testing.T) {
		b.waitSaved(10 * time.Second)
		edited := version("edited in the learner's own editor")
		t0 := time.Now()
		saveLikeAnEditor(t, diskPath, edited)
		b.wait("the editor shows the version on disk", fmt.Sprintf(`window.workbookPage.text(%s) === %s`, js(learnerFile), js(edited)), 2*time.Second)
		t.Logf("the change on disk reached the editor after %v", time.Since(t0).Round(time.Millisecond))
		b.wait("the page says the file changed on disk", `document.getElementById("save-state").textContent.includes("changed on disk")`, time.Second)
		if b.boolean("dirty", fmt.Sprintf(`window.workbookPage.dirty(%s)`, js(learnerFile))) {
			t.Errorf("the page counts the version on disk as an unsaved change")
		}
		if got := b.str("the draft", fmt.Sprintf(`localStorage.getItem(%s) || ""`, js(draftKey(learnerFile)))); got != "" {
			t.Errorf("the page keeps a draft of a file it has not changed: %s", got)
		}
		b.shot("09-changed-on-disk")
	})

	// conflict makes the page's buffer and the file on disk differ: it
	// types mine and, before the autosave (700 ms after the last change)
	// can send it, saves theirs on disk as another editor would. The page
	// then learns of the change twice, from the event stream and from the
	// 412 its autosave gets; either way it must offer the choice.
	conflict := func(t *testing.T, mine, theirs string) time.Time {
		b.typeInto(learnerFile, mine)
		typed := time.Now()
		saveLikeAnEditor(t, diskPath, theirs)
		if d := time.Since(typed); d > 500*time.Millisecond {
			t.Logf("the file on disk changed only %v after the typing; the autosave may have come first", d)
		}
		b.wait("the conflict box", `!document.getElementById("conflict").hidden`, 8*time.Second)
		b.wait("the page says both changed", `document.getElementById("save-state").textContent.includes("Both")`, time.Second)
		if got := b.str("the editor", fmt.Sprintf(`window.workbookPage.text(%s)`, js(learnerFile))); got != mine {
			t.Errorf("the conflict replaced the page's text:\n%s", got)
		}
		// A learner reads the box before choosing: let the autosave, which
		// gets a 412, run first.
		time.Sleep(time.Until(typed.Add(1500 * time.Millisecond)))
		return typed
	}

	step("9-conflict-keep-mine", func(t *testing.T) {
		mine, theirs := version("typed in the page, kept"), version("saved on disk meanwhile, replaced")
		conflict(t, mine, theirs)
		b.shot("10-conflict")
		b.click("#keep-mine")
		b.wait("the page saves its version", fmt.Sprintf(`document.getElementById("conflict").hidden && document.getElementById("save-state").textContent === "Saved" && !window.workbookPage.dirty(%s)`, js(learnerFile)), 8*time.Second)
		b.until("the file on disk is the page's version", 6*time.Second, func() bool { return onDisk(t) == mine })
		b.until("the version on disk is in the history", 6*time.Second, func() bool { return api.inHistory(t, learnerFile, theirs) })
		b.shot("11-kept-mine")
		// The page's own save must not come back as a change on disk.
		time.Sleep(500 * time.Millisecond)
		if b.boolean("the conflict box", `!document.getElementById("conflict").hidden`) {
			b.fatalf("the conflict box came back after Keep mine")
		}
		if got := onDisk(t); got != mine {
			t.Errorf("the file on disk changed after Keep mine:\n%s", got)
		}
	})

	step("10-conflict-take-theirs", func(t *testing.T) {
		mine, theirs := version("typed in the page, replaced"), version("saved on disk meanwhile, taken")
		conflict(t, mine, theirs)
		b.shot("12-conflict-again")
		b.click("#take-theirs")
		b.wait("the editor shows the version on disk", fmt.Sprintf(`document.getElementById("conflict").hidden && window.workbookPage.text(%s) === %s && !window.workbookPage.dirty(%[1]s)`, js(learnerFile), js(theirs)), 2*time.Second)
		b.wait("the page says it took the version on disk", `document.getElementById("save-state").textContent.includes("Took the version on disk")`, time.Second)
		b.until("the page's version is in the history", 6*time.Second, func() bool { return api.inHistory(t, learnerFile, mine) })
		b.shot("13-took-theirs")
		time.Sleep(500 * time.Millisecond)
		if got := onDisk(t); got != theirs {
			t.Errorf("the file on disk is not the version taken:\n%s", got)
		}
		if got := b.str("the draft", fmt.Sprintf(`localStorage.getItem(%s) || ""`, js(draftKey(learnerFile)))); got != "" {
			t.Errorf("a draft is left after Take the one on disk: %s", got)
		}
		for _, v := range []string{version("typed in the page, kept"), version("saved on disk meanwhile, replaced"), mine, theirs} {
			if !survives(t, v) {
				t.Errorf("a version was lost; neither on disk nor in the history:\n%s", v)
			}
		}
	})

	step("11-server-down-keeps-draft", func(t *testing.T) {
		b.wait("the page has nothing unsaved", fmt.Sprintf(`!window.workbookPage.dirty(%s)`, js(learnerFile)), 2*time.Second)
		before, exceptions := onDisk(t), b.uncaught()
		live.stop()
		typed := version("typed while the workbook was stopped")
		t0 := time.Now()
		b.typeInto(learnerFile, typed)
		b.wait("the page says it could not save", `document.getElementById("save-state").textContent.startsWith("Not saved")`, 8*time.Second)
		t.Logf("the page reported the failed save after %v", time.Since(t0).Round(time.Millisecond))
		var draft struct {
			Text string `json:"text"`
		}
		if raw := b.str("the draft", fmt.Sprintf(`localStorage.getItem(%s) || ""`, js(draftKey(learnerFile)))); raw == "" {
			b.fatalf("no draft in localStorage while the workbook is stopped")
		} else if err := json.Unmarshal([]byte(raw), &draft); err != nil || draft.Text != typed {
			b.fatalf("the draft in localStorage is not the typed text (%v): %s", err, raw)
		}
		b.shot("14-not-saved-server-down")
		if n := b.uncaught() - exceptions; n > 0 {
			t.Errorf("the page threw %d uncaught exceptions while the workbook was stopped", n)
		}
		// The learner reloads while the workbook is stopped (the browser
		// shows its error page), starts the workbook again, and reloads.
		// Reloading before the restart makes the draft, not the page's
		// retry, bring the typed text back.
		rctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
		if err := chromedp.Do(rctx, chromedp.Reload()); err != nil {
			t.Logf("reload while the workbook is stopped: %v", err) // the browser's error page
		}
		cancel()
		if got := onDisk(t); got != before {
			t.Fatalf("the file on disk changed while the workbook was stopped:\n%s", got)
		}
		live.start(t)
		b.do("reload the chapter", 10*time.Second, chromedp.Navigate(base+"/chapters/"+e2eChapter))
		b.waitLoaded()
		b.wait("the editor has the typed text back", fmt.Sprintf(`window.workbookPage.text(%s) === %s`, js(learnerFile), js(typed)), 2*time.Second)
		b.waitSaved(5 * time.Second)
		b.until("the file on disk has the typed text", 6*time.Second, func() bool { return onDisk(t) == typed })
		if got := b.str("the draft", fmt.Sprintf(`localStorage.getItem(%s) || ""`, js(draftKey(learnerFile)))); got != "" {
			t.Errorf("the draft is still in localStorage after the save: %s", got)
		}
		b.shot("15-draft-restored-and-saved")
	})

	step("12-server-back-autosave-retries", func(t *testing.T) {
		live.stop()
		typed := version("typed while the workbook was stopped, saved by the retry")
		b.typeInto(learnerFile, typed)
		b.wait("the page says it could not save", `document.getElementById("save-state").textContent.startsWith("Not saved")`, 8*time.Second)
		live.start(t)
		t0 := time.Now()
		// The page retries every 3 s without a reload.
		b.waitSaved(5 * time.Second)
		t.Logf("the page saved %v after the workbook came back", time.Since(t0).Round(time.Millisecond))
		b.until("the file on disk has the typed text", 6*time.Second, func() bool { return onDisk(t) == typed })
	})

	step("13-reset-and-restore", func(t *testing.T) {
		b.waitSaved(5 * time.Second)
		code := onDisk(t)
		stub := string(ch.Exercise[learnerFile])
		b.click("#reset")
		b.wait("the editor shows the stub", fmt.Sprintf(`window.workbookPage.text(%s) === %s && !window.workbookPage.dirty(%[1]s)`, js(learnerFile), js(stub)), 8*time.Second)
		b.wait("the page says the code is in Versions", `document.getElementById("save-state").textContent.startsWith("Reset to the stub")`, time.Second)
		if got := onDisk(t); got != stub {
			t.Errorf("after the reset the file on disk is not the stub:\n%s", got)
		}
		// The newest version, first in the list, is the code replaced.
		b.wait("the Versions list shows the reset", `(() => { const o = document.getElementById("history").options; return o.length > 1 && o[1].textContent.includes("reset"); })()`, 2*time.Second)
		id := b.str("the newest version", `document.getElementById("history").options[1].value`)
		if got := api.version(t, learnerFile, id); got != code {
			b.fatalf("the newest version %s is not the code replaced by the reset:\n%s", id, got)
		}
		b.shot("16-reset-to-stub")
		// Choose it from the list with the keyboard, as a learner can.
		b.do("focus the Versions list", 5*time.Second, chromedp.Focus(chromedp.CSS("#history")))
		b.do("choose the newest version", 5*time.Second, chromedp.KeyEvent(kb.ArrowDown))
		b.wait("the editor has the code back", fmt.Sprintf(`window.workbookPage.text(%s) === %s && !window.workbookPage.dirty(%[1]s)`, js(learnerFile), js(code)), 8*time.Second)
		b.wait("the page says it restored", `document.getElementById("save-state").textContent.startsWith("Restored an earlier version")`, time.Second)
		b.until("the file on disk has the code back", 6*time.Second, func() bool { return onDisk(t) == code })
		if !api.inHistory(t, learnerFile, stub) {
			t.Errorf("the stub the restore replaced is not in the history")
		}
		b.shot("17-version-restored")
	})

	step("14-stop-a-run", func(t *testing.T) {
		b.typeInto("parse.go", endlessParse)
		b.startRun("#run-example")
		b.wait("the run is on", `!document.getElementById("stop").hidden`, 3*time.Second)
		_ = b.boolean("the old results are gone", `document.querySelectorAll("#results details.test").length === 0 || (() => { throw new Error("old results still shown"); })()`)
		b.click("#stop")
		b.wait("Stop ends the run at once", `document.getElementById("run-state").textContent.startsWith("Stopped") && !document.getElementById("run-example").disabled && document.getElementById("stop").hidden`, 2*time.Second)
		b.shot("18-stopped")
		b.typeInto("parse.go", solution["parse.go"])
	})

	step("15-format", func(t *testing.T) {
		// The solution as a learner might type it: spaces for indentation.
		messy := strings.ReplaceAll(solution["parse.go"], "\t", "  ")
		b.typeInto("parse.go", messy)
		b.click("#format")
		b.wait("Format writes it as gofmt does", fmt.Sprintf(`window.workbookPage.text("parse.go") === %s`, js(solution["parse.go"])), 5*time.Second)
		b.shot("19-formatted")
		b.do("focus the editor", 5*time.Second, chromedp.Click(chromedp.CSS(`[id="tab-parse.go"]`)))
		b.do("undo the format", 5*time.Second, chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		b.wait("Ctrl-Z undoes the format", fmt.Sprintf(`window.workbookPage.text("parse.go") === %s`, js(messy)), 3*time.Second)
		b.typeInto("parse.go", solution["parse.go"])
	})

	step("16-keyboard", func(t *testing.T) {
		b.do("focus the editor", 5*time.Second, chromedp.Click(chromedp.CSS(`[id="tab-parse.go"]`)))
		b.wait("the editor has the focus", `document.activeElement && document.activeElement.classList.contains("wb-editor-host")`, 2*time.Second)
		b.do("press Escape", 5*time.Second, chromedp.KeyEvent(kb.Escape))
		b.wait("Escape leaves the editor for Run example", `document.activeElement === document.getElementById("run-example")`, 2*time.Second)
		b.do("press ?", 5*time.Second, chromedp.KeyEvent("?"))
		b.wait("? opens the shortcuts", `document.getElementById("help").open`, 2*time.Second)
		b.shot("20-shortcuts")
		b.do("press Escape", 5*time.Second, chromedp.KeyEvent(kb.Escape))
		b.wait("Escape closes them, focus back", `!document.getElementById("help").open && document.activeElement === document.getElementById("run-example")`, 2*time.Second)
		// On load the page does not put the focus in the editor.
		b.do("reload", 10*time.Second, chromedp.Reload())
		b.waitLoaded()
		if b.boolean("focus in the editor after load", `document.activeElement && document.activeElement.classList.contains("wb-editor-host")`) {
			t.Errorf("the page put the focus in the editor on load")
		}
	})

	step("17-accessibility", func(t *testing.T) {
		for _, page := range []struct{ name, path string }{{"home", "/"}, {"day", "/chapters/" + e2eChapter}} {
			b.do("open the "+page.name+" page", 10*time.Second, chromedp.Navigate(base+page.path))
			if page.name == "day" {
				b.waitLoaded()
			}
			for _, v := range b.axe(t) {
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("axe-core, %s page: %s (%s): %s; %d nodes, first %s", page.name, v.ID, v.Impact, v.Help, len(v.Nodes), v.first())
				} else {
					t.Logf("axe-core, %s page, %s: %s (%s)", page.name, v.Impact, v.ID, v.Help)
				}
			}
		}
	})

	step("18-phone", func(t *testing.T) {
		b.do("a phone-sized window", 5*time.Second, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		b.openChapter(base)
		b.shot("21-phone-day")
		b.wait("the Code button is on screen", `(() => { const r = document.getElementById("to-code").getBoundingClientRect(); return r.width > 0 && r.bottom <= innerHeight && r.top >= 0; })()`, 2*time.Second)
		b.click("#to-code")
		b.wait("one tap brings the editor into view", `(() => { const r = document.getElementById("editors").getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })()`, 3*time.Second)
		b.shotHere("22-phone-code")
		for _, v := range b.axe(t) {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("axe-core, day page on a phone: %s (%s): %s; first %s", v.ID, v.Impact, v.Help, v.first())
			}
		}
	})

	step("19-second-day-on-a-phone", func(t *testing.T) {
		// The flow again on another day, at phone width, from Part 1 alone:
		// the learner's files as they are with Part 1 solved.
		second := chapter.Find(chapters, e2eSecondChapter)
		if second == nil {
			t.Fatalf("no chapter %s", e2eSecondChapter)
		}
		part1, err := second.Solved(1)
		if err != nil {
			t.Fatalf("%s: Solved(1): %v", second.ID, err)
		}
		b.do("open day 2", 10*time.Second, chromedp.Navigate(base+"/chapters/"+second.ID))
		b.waitLoaded()
		b.click("#to-code")
		for _, name := range second.LearnerFiles {
			b.typeInto(name, string(part1[name]))
		}
		b.startRun("#run-full")
		b.waitRun("day 2's full suite with Part 1 solved", 20*time.Second)
		b.wait("the success card with day 2's answer", fmt.Sprintf(`(() => {
			const c = document.querySelector("#results .success");
			return c && c.textContent.includes("That's the right answer!") && c.querySelector(".answer").textContent === %s;
		})()`, js(strconv.FormatInt(e2eAnswer(t, second, 1), 10))), time.Second)
		if got := b.str("the summary", `document.getElementById("run-state").textContent`); strings.Contains(got, "failed") {
			t.Errorf("with Part 1 solved and its star earned, the summary says %q", got)
		}
		b.wait("the success card is on screen", `(() => { const r = document.querySelector("#results .success").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight && r.height > 0; })()`, 3*time.Second)
		b.shotHere("23-phone-second-day-star")
		b.click("#continue-part2")
		b.wait("Continue to Part 2 brings Part 2 into view on a phone", `(() => { const r = document.querySelector("#part2 h2").getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight / 2; })()`, 3*time.Second)
		b.shotHere("24-phone-second-day-part2")
		b.do("back to the desktop size", 5*time.Second, chromedp.EmulateViewport(1400, 1000))
	})
	t.Logf("the whole test took %v", time.Since(start).Round(time.Millisecond))
}

// findChromium finds the browser, skipping the test without one (failing
// it on CI).
func findChromium(t *testing.T) string {
	if path, err := browsers.Find(); err == nil {
		return path
	}
	msg := "Chromium is not installed; the browser test needs it (apt-get install chromium)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// outDir is where the screenshots go.
func outDir(t *testing.T) string {
	dir := os.Getenv("WORKBOOK_E2E_OUT")
	if dir == "" {
		dir = filepath.Join("..", "..", "out", "e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot folder: %v", err)
	}
	return dir
}

// js quotes a string as a JavaScript literal.
func js(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// shadow is a JavaScript expression for the shadow root of a file's editor.
func shadow(name string) string {
	return fmt.Sprintf(`document.getElementById(%s).querySelector(".wb-editor-host").shadowRoot`, js("pane-"+name))
}

// browser drives one tab; every action has its own deadline.
type browser struct {
	t   *testing.T // the running step
	ctx context.Context
	out string

	mu       sync.Mutex
	problems []string // uncaught exceptions, console errors, dialogs
}

// watch records what the page complains about, and answers dialogs so
// that none can block the test (a beforeunload dialog would stall a
// reload).
// startBrowser starts Chromium for the test and returns its context, which
// ends e2eDeadline after the start (past that every step fails at once
// rather than the test hanging). A start that takes longer than
// e2eStartWait is abandoned and tried once more with a fresh profile.
func startBrowser(t *testing.T, chromium string) (context.Context, func()) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		t0 := time.Now()
		opts := append(browsers.Options(chromium, t.TempDir()), chromedp.WindowSize(1400, 1000))
		deadline, cancelDeadline := context.WithTimeout(context.Background(), e2eStartWait+e2eDeadline)
		actx, cancelAlloc := chromedp.NewExecAllocator(deadline, opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		stop := func() { cancelBrowser(); cancelAlloc(); cancelDeadline() }
		// The first call starts the browser; it has no timeout of its own
		// (one there would stop the whole browser), so wait for it here.
		started := make(chan error, 1)
		go func() { started <- chromedp.Do(bctx, chromedp.Navigate("about:blank")) }()
		var err error
		select {
		case err = <-started:
		case <-time.After(e2eStartWait):
			err = fmt.Errorf("did not start within %v", e2eStartWait)
		}
		if err == nil {
			t.Logf("Chromium started in %v (attempt %d)", time.Since(t0).Round(time.Millisecond), attempt)
			return bctx, stop
		}
		stop()
		if attempt == 2 {
			t.Fatalf("start Chromium (%s), twice: %v", chromium, err)
		}
		t.Logf("start Chromium (%s): %v; trying once more", chromium, err)
	}
}

func (b *browser) watch() {
	dialogs := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.note(fmt.Sprintf("dialog %s: %q", ev.Type, ev.Message))
			_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	exceptions := chromedp.Events(b.ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil && ev.ExceptionDetails.Exception.Description != "" {
				msg = ev.ExceptionDetails.Exception.Description
			}
			b.note("uncaught exception: " + msg)
		}
	}()
	console := chromedp.Events(b.ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeWarning {
				continue
			}
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			b.note(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	}()
}

// uncaught counts the page's uncaught exceptions so far.
func (b *browser) uncaught() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, p := range b.problems {
		if strings.HasPrefix(p, "uncaught exception") {
			n++
		}
	}
	return n
}

func (b *browser) note(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, s)
}

// report logs what the page complained about during the test.
func (b *browser) report() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		fmt.Fprintln(os.Stderr, "e2e: page:", p)
	}
}

func (b *browser) fatalf(format string, args ...any) {
	b.t.Helper()
	b.shot("FAILED-" + strings.NewReplacer("/", "-", " ", "-").Replace(b.t.Name()))
	b.t.Fatalf(format+"\n%s", append(args, b.state())...)
}

// state describes the page for a failure message.
func (b *browser) state() string {
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const t = (id) => { const e = document.getElementById(id); return e ? e.textContent.trim().slice(0, 600) : "(none)"; };
		return "page: " + location.href + "\nrun-state: " + t("run-state") + "\nsave-state: " + t("save-state") + "\nresults: " + t("results");
	})()`))
	if err != nil {
		return "(could not read the page: " + err.Error() + ")"
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.problems) > 0 {
		s += "\npage problems:\n  " + strings.Join(b.problems, "\n  ")
	}
	return s
}

// do runs an action within timeout.
func (b *browser) do(what string, timeout time.Duration, a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, a); err != nil {
		b.fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression.
func eval[T any](b *browser, what, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fatalf("evaluate %s (%s): %v", what, expr, err)
	}
	return v
}

func (b *browser) str(what, expr string) string {
	b.t.Helper()
	return eval[string](b, what, expr)
}

func (b *browser) int(what, expr string) int {
	b.t.Helper()
	return eval[int](b, what, expr)
}

func (b *browser) boolean(what, expr string) bool {
	b.t.Helper()
	return eval[bool](b, what, expr)
}

// wait waits until a JavaScript expression is true.
func (b *browser) wait(what, expr string, timeout time.Duration) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout+2*time.Second)
	defer cancel()
	t0 := time.Now()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(25*time.Millisecond)))
	if err != nil {
		if errors.Is(err, chromedp.ErrPollingTimeout) || errors.Is(err, context.DeadlineExceeded) {
			b.fatalf("waited %v for %s: it did not happen", time.Since(t0).Round(time.Millisecond), what)
		}
		b.fatalf("waiting for %s: %v", what, err)
	}
}

// waitAcross waits until a JavaScript expression is true on a page that is
// still moving on (meta refreshes): a navigation ends the page the poll
// runs in, and the poll starts again on the next.
func (b *browser) waitAcross(what, expr string, timeout time.Duration) {
	b.t.Helper()
	t0 := time.Now()
	for {
		left := timeout - time.Since(t0)
		if left <= 0 {
			b.fatalf("waited %v for %s: it did not happen", timeout, what)
		}
		ctx, cancel := context.WithTimeout(b.ctx, left+2*time.Second)
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(left), chromedp.WithPollingInterval(25*time.Millisecond)))
		cancel()
		if err == nil {
			return
		}
		if errors.Is(err, chromedp.ErrPollingTimeout) || errors.Is(err, context.DeadlineExceeded) {
			b.fatalf("waited %v for %s: it did not happen", time.Since(t0).Round(time.Millisecond), what)
		}
		// The page navigated away under the poll: poll the next one.
	}
}

// click clicks an element with the mouse.
func (b *browser) click(sel string) {
	b.t.Helper()
	b.do("click "+sel, 5*time.Second, chromedp.Click(chromedp.CSS(sel)))
}

// shot saves a screenshot of the window, as the learner sees it.
func (b *browser) shot(name string) { b.capture(name, true) }

// shotHere saves a screenshot of the window where the page is scrolled to.
func (b *browser) shotHere(name string) { b.capture(name, false) }

func (b *browser) capture(name string, fromTop bool) {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	var err error
	if fromTop {
		// From the top, where the sticky contents and workbench are.
		_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	}
	var png []byte
	if err == nil {
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(b.out, name+".png"), png, 0o644)
	}
	if err != nil && b.t != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

// openChapter opens chapter 1 and waits until its editors are ready.
func (b *browser) openChapter(base string) {
	b.t.Helper()
	b.do("open the chapter", 10*time.Second, chromedp.Navigate(base+"/chapters/"+e2eChapter))
	b.waitLoaded()
}

// waitLoaded waits until the chapter page has every file in an editor and
// has selected the first learner file.
func (b *browser) waitLoaded() {
	b.t.Helper()
	b.wait("the chapter's editors", `(() => {
		if (!window.workbookPage) return false;
		const want = JSON.parse(document.getElementById("chapter-data").textContent).files.length;
		return window.workbookPage.files().length === want && document.querySelector('#tabs [aria-selected="true"]') !== null;
	})()`, 10*time.Second)
}

// typeInto replaces a learner file's text the way a learner would: a click
// into the editor, Ctrl+A, then the text as real input (CDP insertText, so
// CodeMirror adds no indentation or closing brackets).
func (b *browser) typeInto(name, text string) {
	b.t.Helper()
	b.do("select the tab of "+name, 5*time.Second, chromedp.Click(chromedp.CSS(`[id="tab-`+name+`"]`)))
	type rect struct{ X, Y float64 }
	r := eval[rect](b, "where the editor of "+name+" is", fmt.Sprintf(`(() => {
		const root = %s, c = root.querySelector(".cm-content");
		c.scrollIntoView({block: "nearest"});
		// The part of the text in view: the editor may be scrolled.
		const r = c.getBoundingClientRect(), s = root.querySelector(".cm-scroller").getBoundingClientRect();
		const top = Math.max(r.top, s.top), bottom = Math.min(r.bottom, s.bottom);
		return {X: Math.max(r.left, s.left) + Math.min(s.width / 2, 200), Y: top + Math.min((bottom - top) / 2, 40)};
	})()`, shadow(name)))
	b.do("click into the editor of "+name, 5*time.Second, chromedp.MouseClickXY(r.X, r.Y))
	b.wait("the editor of "+name+" has the focus", fmt.Sprintf(`%s.activeElement === %s.querySelector(".cm-content")`, shadow(name), shadow(name)), 2*time.Second)
	b.do("select all of "+name, 5*time.Second, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.do("type into "+name, 5*time.Second, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
	b.wait(name+" holds the typed text", fmt.Sprintf(`window.workbookPage.text(%s) === %s`, js(name), js(text)), 3*time.Second)
}

// startRun clears the run state, so that waitRun cannot mistake the last
// run's summary for this one's, and clicks a run button.
func (b *browser) startRun(sel string) {
	b.t.Helper()
	_ = b.boolean("clear the run state", `(document.getElementById("run-state").textContent = "", true)`)
	b.click(sel)
}

// waitRun waits until the run startRun started has ended: the page then
// shows its summary (or why it could not run) and enables the buttons.
func (b *browser) waitRun(what string, timeout time.Duration) {
	b.t.Helper()
	b.wait(what, `(() => {
		const s = document.getElementById("run-state").textContent;
		return s !== "" && !s.startsWith("Running") && !document.getElementById("run-example").disabled;
	})()`, timeout)
}

// waitSaved waits until the autosave has every learner file.
func (b *browser) waitSaved(timeout time.Duration) {
	b.t.Helper()
	b.wait("the autosave", `document.getElementById("save-state").textContent === "Saved" && window.workbookPage.files().every((n) => !window.workbookPage.dirty(n))`, timeout)
}

// until waits until cond holds, checking every 25 ms.
func (b *browser) until(what string, timeout time.Duration, cond func() bool) {
	b.t.Helper()
	t0 := time.Now()
	for !cond() {
		if time.Since(t0) > timeout {
			b.fatalf("waited %v for %s: it did not happen", timeout, what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// draftKey is where the page keeps the unsaved text of a file of the
// chapter (app.js).
func draftKey(name string) string { return "workbook-draft:" + e2eChapter + ":" + name }

// saveLikeAnEditor writes a file the way editors save: a temporary file in
// the same folder, renamed over it.
func saveLikeAnEditor(t *testing.T, path, content string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// apiClient reads the workbook's API with the browser's session cookie.
type apiClient struct {
	base   string
	cookie *http.Cookie
}

func (c *apiClient) get(t *testing.T, path string, v any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.AddCookie(c.cookie)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func (c *apiClient) filePath(name string) string {
	return "/api/chapters/" + e2eChapter + "/files/" + name
}

// version is the content of one version in a file's history.
func (c *apiClient) version(t *testing.T, name, id string) string {
	t.Helper()
	var body server.FileBody
	c.get(t, c.filePath(name)+"/history/"+id, &body)
	return body.Content
}

// inHistory reports whether a file's history holds content.
func (c *apiClient) inHistory(t *testing.T, name, content string) bool {
	t.Helper()
	var vs []workspace.Version
	c.get(t, c.filePath(name)+"/history", &vs)
	for _, v := range vs {
		if v.ETag == workspace.ETag([]byte(content)) && c.version(t, name, v.ID) == content {
			return true
		}
	}
	return false
}

// liveServer serves the workbook on a fixed loopback address and can be
// stopped and started again there, as when the learner stops the workbook
// and starts it anew: the page keeps its address and its cookie.
type liveServer struct {
	handler http.Handler
	addr    string
	hs      *http.Server
	ln      net.Listener // listenLive's, until the first start
}

// listenLive listens on a free loopback address (the server needs its
// port before it is made); start serves the handler there.
func listenLive(t *testing.T) *liveServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return &liveServer{addr: ln.Addr().String(), ln: ln}
}

func (s *liveServer) url() string { return "http://" + s.addr }

func (s *liveServer) port() int {
	_, p, _ := net.SplitHostPort(s.addr)
	n, _ := strconv.Atoi(p)
	return n
}

func (s *liveServer) serve(ln net.Listener) {
	s.hs = server.HTTPServer(s.handler, server.DefaultTimeouts)
	go func(hs *http.Server) { _ = hs.Serve(ln) }(s.hs)
}

// stop closes the listener and every connection: the page gets
// "connection refused" until start.
func (s *liveServer) stop() {
	if s.ln != nil {
		_ = s.ln.Close()
		s.ln = nil
	}
	if s.hs != nil {
		_ = s.hs.Close()
		s.hs = nil
	}
}

// start serves on the address: at first on listenLive's listener, after a
// stop again on the same address.
func (s *liveServer) start(t *testing.T) {
	t.Helper()
	if s.ln != nil {
		s.serve(s.ln)
		s.ln = nil
		return
	}
	var ln net.Listener
	var err error
	for i := 0; i < 100; i++ { // the port may take a moment to be free
		if ln, err = net.Listen("tcp", s.addr); err == nil {
			s.serve(ln)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("serve again on %s: %v", s.addr, err)
}

// axeViolation is one rule axe-core found broken on a page.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func (v axeViolation) first() string {
	if len(v.Nodes) == 0 {
		return "-"
	}
	return fmt.Sprint(v.Nodes[0].Target) + " " + v.Nodes[0].HTML
}

// axe runs axe-core (testdata/axe) on the page as it is, against WCAG 2.2
// A and AA, and returns what it found. DevTools evaluates the engine, so
// the page's content security policy stays as strict as it is.
func (b *browser) axe(t *testing.T) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+";\ntypeof axe === 'object'"))
	if err != nil || !loaded {
		b.fatalf("load axe-core: %v (loaded %v)", err, loaded)
	}
	run := `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then((r) => JSON.stringify(r.violations))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fatalf("run axe-core: %v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		b.fatalf("axe-core's answer: %v", err)
	}
	return vs
}

// e2eAnswer is the puzzle answer the day's puzzle test expects for part
// with the chapter's own input (the number in its puzzle.Check call).
func e2eAnswer(t *testing.T, ch *chapter.Chapter, part int) int64 {
	t.Helper()
	m := regexp.MustCompile(fmt.Sprintf(`puzzle\.Check\(t, "part%d", .*, (\d+)\)`, part)).FindStringSubmatch(string(ch.Exercise["puzzle_test.go"]))
	if m == nil {
		t.Fatalf("no puzzle.Check for part %d in %s's puzzle_test.go", part, ch.ID)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n
}
