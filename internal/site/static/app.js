// The chapter page of the CQRS Workbook: editors for the learner's files,
// autosave with drafts kept until the server has them, conflict handling,
// test runs and their results, hints, the solution and the version history.
// Learner output and messages are only ever set as text, never as HTML.
"use strict";

(function () {
  const dataEl = document.getElementById("chapter-data");
  if (!dataEl) return;
  const chapter = JSON.parse(dataEl.textContent);
  const pageID = Math.random().toString(36).slice(2) + Date.now().toString(36);

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  };

  // ---- API ---------------------------------------------------------------

  async function api(method, path, body, headers, signal) {
    const opts = { method, headers: Object.assign({}, headers || {}), credentials: "same-origin", signal };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    const res = await fetch(path, opts);
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    return { status: res.status, ok: res.ok, data, headers: res.headers };
  }
  const base = "/api/chapters/" + encodeURIComponent(chapter.id);
  const filePath = (name) => base + "/files/" + encodeURIComponent(name);

  // ---- Files and editors -------------------------------------------------

  const files = {}; // name → {info, editor, saved (text on server), etag, dirty, timer}
  let current = null;
  const draftKey = (name) => "workbook-draft:" + chapter.id + ":" + name;

  function setSaveState(text, kind) {
    const s = $("save-state");
    s.textContent = text;
    s.className = "save-state " + (kind || "");
  }

  // showTab shows a file; it takes the focus there only when asked (a
  // click on its tab), never when the page opens.
  function showTab(name, focus) {
    current = name;
    for (const [n, f] of Object.entries(files)) {
      const on = n === name;
      if (f.tab) {
        f.tab.setAttribute("aria-selected", on ? "true" : "false");
        f.tab.tabIndex = on ? 0 : -1;
      }
      f.pane.hidden = !on;
    }
    const f = files[name];
    $("other-files").value = f.tab ? "" : name;
    $("history").disabled = f.info.kind !== "learner";
    $("reset").disabled = f.info.kind !== "learner";
    $("format").disabled = f.info.kind !== "learner";
    if (f.info.kind === "learner") loadHistory(name);
    if (focus) f.editor.focus();
  }

  // Your files (and the reference solution, once shown) are tabs; the given
  // files and the tests, read-only and many by the later days, are behind
  // one menu.
  function addTab(info, text) {
    let tab = null;
    const pane = el("div", { class: "pane", id: "pane-" + info.name, role: "tabpanel" });
    if (info.kind === "learner" || info.kind === "solution") {
      tab = el("button", { role: "tab", class: "tab " + info.kind, id: "tab-" + info.name, type: "button", "aria-controls": "pane-" + info.name },
        el("span", { class: "tab-name", text: info.name }),
        el("span", { class: "tab-kind", text: info.kind === "solution" ? " (reference)" : "" }));
      tab.addEventListener("click", () => showTab(info.name, true));
      tab.addEventListener("keydown", (e) => {
        const names = Object.keys(files).filter((n) => files[n].tab);
        const i = names.indexOf(info.name);
        if (e.key === "ArrowRight") { showTab(names[(i + 1) % names.length]); files[current].tab.focus(); }
        if (e.key === "ArrowLeft") { showTab(names[(i + names.length - 1) % names.length]); files[current].tab.focus(); }
      });
      pane.setAttribute("aria-labelledby", "tab-" + info.name);
      $("tabs").append(tab);
    } else {
      pane.setAttribute("aria-label", info.name + (info.kind === "test" ? " (tests, read-only)" : " (given, read-only)"));
      $("other-files").append(el("option", { value: info.name, text: info.name + (info.kind === "test" ? " — tests" : " — given") }));
    }
    pane.hidden = true;
    $("editors").append(pane);
    const f = { info, tab, pane, saved: text, etag: info.etag, dirty: false, timer: null };
    f.editor = window.WorkbookEditor.create(pane, {
      doc: text,
      readOnly: info.kind !== "learner",
      onChange: (t) => changed(info.name, t),
      onRun: () => run("example"),
      onEscape: () => $("run-example").focus(),
    });
    files[info.name] = f;
    return f;
  }

  function changed(name, text) {
    const f = files[name];
    f.dirty = text !== f.saved;
    if (!f.dirty) { localStorage.removeItem(draftKey(name)); return; }
    // The draft stays in the browser until the server acknowledges it.
    localStorage.setItem(draftKey(name), JSON.stringify({ text, base: f.etag, at: Date.now() }));
    setSaveState("Editing…", "");
    clearTimeout(f.timer);
    f.timer = setTimeout(() => save(name), 700);
  }

  async function save(name, force) {
    const f = files[name];
    const text = f.editor.getText();
    if (!force && text === f.saved) return;
    setSaveState("Saving…", "");
    let res;
    try {
      res = await api("PUT", filePath(name), { content: text }, { "If-Match": force ? "*" : f.etag });
    } catch (e) {
      setSaveState("Not saved: the workbook is not answering. Your changes are kept in this browser and saved when it is back.", "bad");
      f.timer = setTimeout(() => save(name), 3000);
      return;
    }
    if (res.status === 200) {
      f.saved = text;
      f.etag = res.data.etag;
      f.dirty = f.editor.getText() !== f.saved;
      if (!f.dirty) localStorage.removeItem(draftKey(name));
      setSaveState("Saved", "good");
      if (name === current) loadHistory(name);
      return;
    }
    if (res.status === 412) {
      conflict(name, res.data.current, res.data.etag);
      return;
    }
    setSaveState("Not saved: " + ((res.data && res.data.error) || ("HTTP " + res.status)) + ". Your changes are kept in this browser.", "bad");
    if (res.status >= 500) f.timer = setTimeout(() => save(name), 3000);
  }

  // conflict offers the two versions; the one not chosen stays in history.
  function conflict(name, theirs, theirTag) {
    const f = files[name];
    if (theirs === f.editor.getText()) {
      // The disk already holds what the page shows (a save of ours crossed
      // another): nothing to choose.
      f.saved = theirs;
      f.etag = theirTag;
      f.dirty = false;
      localStorage.removeItem(draftKey(name));
      setSaveState("Saved", "good");
      return;
    }
    showTab(name);
    const box = $("conflict");
    box.hidden = false;
    setSaveState("Both this page and the file on disk changed.", "bad");
    $("keep-mine").onclick = async () => {
      box.hidden = true;
      f.etag = theirTag;
      await save(name, true);
    };
    $("take-theirs").onclick = () => {
      box.hidden = true;
      const mine = f.editor.getText();
      // Keep mine in history too before replacing it on screen.
      api("PUT", filePath(name), { content: mine }, { "If-Match": '"stale"' });
      f.saved = theirs;
      f.etag = theirTag;
      f.editor.setText(theirs);
      f.dirty = false;
      localStorage.removeItem(draftKey(name));
      setSaveState("Took the version on disk; yours is in Versions.", "good");
      loadHistory(name);
    };
  }

  // ---- Changes on disk ---------------------------------------------------

  function listen() {
    const es = new EventSource("/api/events?chapter=" + encodeURIComponent(chapter.id));
    es.addEventListener("file", async (ev) => {
      const e = JSON.parse(ev.data);
      const f = files[e.file];
      if (!f || f.info.kind !== "learner" || e.etag === f.etag) return;
      let res;
      try { res = await api("GET", filePath(e.file)); } catch (err) { return; }
      if (!res.ok) return;
      if (!f.dirty) {
        f.saved = res.data.content;
        f.etag = res.data.etag;
        f.editor.setText(res.data.content);
        setSaveState(e.file + " changed on disk; showing the new version.", "good");
      } else {
        conflict(e.file, res.data.content, res.data.etag);
      }
    });
  }

  // ---- History -----------------------------------------------------------

  async function loadHistory(name) {
    const sel = $("history");
    let res;
    try {
      res = await api("GET", filePath(name) + "/history");
    } catch (e) {
      return; // the workbook is not answering: keep the list as it is
    }
    sel.replaceChildren(el("option", { value: "", text: res.ok && res.data.length ? res.data.length + " earlier versions…" : "no earlier versions" }));
    if (!res.ok) return;
    for (const v of res.data) {
      const when = new Date(v.time).toLocaleString();
      sel.append(el("option", { value: v.id, text: when + " · " + v.reason + " · " + v.size + " bytes" }));
    }
  }

  $("other-files").addEventListener("change", (e) => {
    if (e.target.value && files[e.target.value]) showTab(e.target.value, true);
  });

  // Format: the file as gofmt writes it, as one edit the learner can undo.
  $("format").addEventListener("click", async () => {
    const name = current;
    const f = files[name];
    if (!f || f.info.kind !== "learner") return;
    let res;
    try {
      res = await api("POST", "/api/format", { content: f.editor.getText() });
    } catch (e) {
      setSaveState("Could not format: the workbook is not answering.", "bad");
      return;
    }
    if (res.status === 422 && res.data) {
      f.editor.setDiagnostics([{ line: res.data.line, col: res.data.col, message: res.data.error, severity: "error" }]);
      setSaveState("Not formatted: " + name + ":" + res.data.line + ":" + res.data.col + ": " + res.data.error, "bad");
      return;
    }
    if (!res.ok) { setSaveState("Could not format: " + ((res.data && res.data.error) || res.status), "bad"); return; }
    f.editor.setDiagnostics([]);
    f.editor.replaceText(res.data.content);
    setSaveState(name + " formatted.", "good");
  });

  $("history").addEventListener("change", async (e) => {
    const id = e.target.value;
    if (!id || !current) return;
    const name = current;
    if (!confirm("Restore this version of " + name + "? What you have now is kept in the history.")) { e.target.value = ""; return; }
    const f = files[name];
    if (f.dirty) await save(name);
    const res = await api("POST", filePath(name) + "/restore", { version: id });
    if (!res.ok) { setSaveState("Could not restore: " + (res.data && res.data.error), "bad"); return; }
    f.saved = res.data.content; f.etag = res.data.etag; f.dirty = false;
    f.editor.setText(res.data.content);
    localStorage.removeItem(draftKey(name));
    setSaveState("Restored an earlier version.", "good");
    loadHistory(name);
  });

  $("reset").addEventListener("click", async () => {
    const name = current;
    if (!name || files[name].info.kind !== "learner") return;
    if (!confirm("Reset " + name + " to the stub? Your code is kept in Versions.")) return;
    const f = files[name];
    if (f.dirty) await save(name);
    const res = await api("POST", filePath(name) + "/reset", {});
    if (!res.ok) { setSaveState("Could not reset: " + (res.data && res.data.error), "bad"); return; }
    f.saved = res.data.content; f.etag = res.data.etag; f.dirty = false;
    f.editor.setText(res.data.content);
    localStorage.removeItem(draftKey(name));
    setSaveState("Reset to the stub; your code is in Versions.", "good");
    loadHistory(name);
  });

  // ---- Runs --------------------------------------------------------------

  const STATUS = { pass: ["✔", "passed"], fail: ["✘", "failed"], error: ["⚠", "error"], timeout: ["⏱", "timed out"] };
  let running = null; // {controller, timer, started} while a run is on

  function setRunning(on, suite) {
    $("run-example").disabled = $("run-full").disabled = on;
    $("stop").hidden = !on;
    $("spinner").hidden = !on;
    $("results").setAttribute("aria-busy", on ? "true" : "false");
    if (!on) { $("elapsed").textContent = ""; return; }
    const started = Date.now();
    const say = () => {
      $("elapsed").textContent = ((Date.now() - started) / 1000).toFixed(1) + " s";
    };
    $("run-state").textContent = "Running the " + suite + " suite…";
    say();
    running.timer = setInterval(say, 100);
  }

  let lastSuite = "example";
  async function run(suite) {
    if (running) return;
    lastSuite = suite;
    const buffers = {};
    for (const [name, f] of Object.entries(files)) {
      if (f.info.kind === "learner") buffers[name] = f.editor.getText();
    }
    for (const name of Object.keys(buffers)) if (files[name].dirty) save(name);
    // The last run's results go at once: what shows is never stale.
    clearResults();
    running = { controller: new AbortController() };
    setRunning(true, suite);
    let res;
    try {
      res = await api("POST", base + "/run", { suite, engine: $("engine").value, files: buffers, page: pageID }, {}, running.controller.signal);
    } catch (e) {
      const stopped = running.controller.signal.aborted;
      $("run-state").textContent = stopped ? "Stopped. Nothing of that run is kept." : "The workbook is not answering; is it still running?";
      return;
    } finally {
      clearInterval(running.timer);
      running = null;
      setRunning(false);
    }
    if (res.status === 429) { $("run-state").textContent = "Busy with other runs; try again in a moment."; return; }
    if (!res.ok) { $("run-state").textContent = "Could not run: " + ((res.data && res.data.error) || res.status); return; }
    showReport(res.data);
  }

  $("stop").addEventListener("click", () => { if (running) running.controller.abort(); });

  function clearResults() {
    $("results").replaceChildren();
    $("splitter").hidden = true;
    for (const f of Object.values(files)) { f.editor.setDiagnostics([]); f.editor.markLine(null); }
  }

  // summaryOf is the one line a screen reader hears after a run: what
  // passed of what the learner is on, and what is locked.
  function summaryOf(rep) {
    let text;
    if (rep.compile_errors && rep.compile_errors.length) text = "Does not compile: " + rep.compile_errors.length + (rep.compile_errors.length === 1 ? " problem." : " problems.");
    else if (rep.status === "pass") text = rep.passed === 1 ? "The test passes." : "All " + rep.passed + " tests pass.";
    else text = rep.passed + " passed, " + rep.failed + " failed.";
    if (rep.locked) text += " Part 2's " + (rep.locked === 1 ? "test is" : rep.locked + " tests are") + " locked until Part 1 has its star.";
    return text + " (" + (rep.engine === "go" ? "go test" : "interpreter") + ", " + rep.duration_ms + " ms)";
  }

  function showReport(rep) {
    const box = $("results");
    clearResults();
    $("run-state").textContent = summaryOf(rep);
    if (rep.problem) box.append(el("p", { class: "problem", text: rep.problem }));
    if (rep.compile_errors && rep.compile_errors.length) {
      const list = el("ul", { class: "compile-errors" });
      const byFile = {};
      for (const ce of rep.compile_errors) {
        const where = ce.file ? ce.file + ":" + ce.line + ":" + ce.col : "";
        const item = el("li", {}, el("span", { class: "icon", "aria-hidden": "true", text: "⚠ " }), el("strong", { text: "Does not compile " }), el("code", { text: where }), " ", el("span", { text: ce.message }));
        if (ce.file && files[ce.file]) {
          item.classList.add("clickable");
          item.tabIndex = 0;
          item.addEventListener("click", () => { showTab(ce.file, true); });
          item.addEventListener("keydown", (e) => { if (e.key === "Enter") showTab(ce.file, true); });
          (byFile[ce.file] = byFile[ce.file] || []).push({ line: ce.line, col: ce.col, message: ce.message, severity: "error" });
        }
        list.append(item);
      }
      for (const [name, diags] of Object.entries(byFile)) files[name].editor.setDiagnostics(diags);
      box.append(list);
      if (rep.engine !== "go" && rep.compile_errors.some((c) => c.go_engine_runs)) {
        const again = el("button", { type: "button", id: "run-with-go", text: "Run with go test" });
        again.addEventListener("click", () => { $("engine").value = "go"; run(lastSuite); });
        box.append(el("p", { class: "go-engine" }, "The interpreter cannot run this Go yet; go test runs it as it is, when Go is installed on this computer. ", again));
      }
      const first = rep.compile_errors.find((c) => files[c.file]);
      if (first) showTab(first.file);
    }
    let marked = false;
    for (const t of rep.tests) {
      const [icon, word] = STATUS[t.status] || ["?", t.status];
      const head = el("summary", {},
        el("span", { class: "icon", "aria-hidden": "true", text: icon + " " }),
        el("span", { class: "status", text: word + " " }),
        el("code", { text: t.name }),
        el("span", { class: "meta", text: " part " + t.part + ", " + t.suite + ", " + t.duration_ms + " ms" }));
      const item = el("details", { class: "test " + t.status }, head);
      if (t.status !== "pass") item.open = true;
      if (t.file) {
        const loc = el("button", { type: "button", class: "link", text: "at " + t.file + ":" + t.line });
        loc.addEventListener("click", () => { if (files[t.file]) { showTab(t.file, true); files[t.file].editor.markLine(t.line); } });
        if (!files[t.file]) loc.disabled = true;
        item.append(el("p", { class: "where" }, loc));
        if (!marked && files[t.file] && t.status !== "pass") {
          files[t.file].editor.markLine(t.line);
          marked = true;
        }
      }
      if (t.message) item.append(el("pre", { class: "message", text: t.message }));
      if (t.output) item.append(el("p", { class: "label", text: "Output" }), el("pre", { class: "output", text: t.output }));
      box.append(item);
    }
    if (rep.locked) {
      box.append(el("p", { class: "locked-note", text: "🔒 Part 2's " + (rep.locked === 1 ? "test" : rep.locked + " tests") + " did not run: Part 2 opens when Part 1 has its star." }));
    }
    // What passing tests skipped (the capstone's PostgreSQL half without a
    // server) is said once, above the list, so a pass is not read as more.
    const skips = new Map();
    for (const t of rep.tests || []) {
      if (t.status !== "pass" || !t.message) continue;
      for (const line of t.message.split("\n")) {
        const l = line.trim();
        if (l.startsWith("skipped")) skips.set(l, (skips.get(l) || 0) + 1);
      }
    }
    for (const [l, n] of skips) {
      box.prepend(el("p", { class: "note", text: "Note: " + n + " passing tests " + l.replace("skipped:", "skipped a part:") }));
    }
    if (rep.stars) updateStars(rep.stars, rep.star_count, rep.star_total);
    let card = null;
    if (rep.new_stars && rep.new_stars.length) box.prepend(card = success(rep));
    if (box.childElementCount) $("splitter").hidden = false;
    const opened = rep.part2_opened ? openPart2() : Promise.resolve();
    // The card in view once Part 2's prose is in place above it (on a
    // phone the workbench comes after the chapter).
    if (card) opened.then(() => card.scrollIntoView({ behavior: "auto", block: "nearest" }));
  }

  // success is the moment a part gets its star: the right answer, the
  // learner's own number, and where to go next.
  function success(rep) {
    const parts = rep.new_stars;
    const card = el("div", { class: "success", id: "success" });
    card.append(el("p", { class: "big" }, el("span", { class: "star-pop", "aria-hidden": "true", text: "★ " }), "That's the right answer!"));
    for (const p of parts) {
      const a = (rep.answers || []).find((x) => x.part === p);
      const line = el("p", {}, "Part " + p + " has its star" + (a ? ". Your puzzle answer: " : "."));
      if (a) line.append(el("strong", { class: "answer", text: String(a.value) }));
      card.append(line);
    }
    if (parts.includes(2) || (chapter.stars[0] && chapter.stars[1])) {
      if (rep.next) card.append(el("a", { class: "button primary", href: "/chapters/" + encodeURIComponent(rep.next), text: "Next day →" }));
      else card.append(el("p", { text: "That was the last day. Every star is yours." }));
    } else if (parts.includes(1)) {
      const go = el("button", { type: "button", class: "primary", id: "continue-part2", text: "Continue to Part 2" });
      go.addEventListener("click", async () => {
        await part2Ready;
        const target = document.querySelector("#part2 h2") || $("part2");
        target.setAttribute("tabindex", "-1");
        target.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth", block: "start" });
        target.focus({ preventScroll: true });
      });
      card.append(go);
    }
    pop($("tally"));
    pop($("day-stars"));
    return card;
  }

  const reducedMotion = () => window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
  function pop(e) {
    if (!e) return;
    e.classList.remove("pop");
    void e.offsetWidth; // restart the animation
    e.classList.add("pop");
  }

  function updateStars(stars, count, total) {
    chapter.stars = stars;
    const s = $("day-stars");
    s.textContent = "Part 1 " + (stars[0] ? "★ solved" : "☆ not solved yet") + " · Part 2 " + (stars[1] ? "★ solved" : "☆ not solved yet");
    if (count !== undefined) $("tally").textContent = "★ " + count + "/" + total;
  }

  // openPart2 shows Part 2's prose and hints in place, and its headings in
  // the contents, without a reload.
  let part2Ready = Promise.resolve();
  function openPart2() {
    part2Ready = (async () => {
      const res = await api("GET", base);
      if (!res.ok || !res.data.sections.part2) return;
      const holder = $("part2");
      const doc = new DOMParser().parseFromString(res.data.sections.part2, "text/html");
      holder.replaceChildren(...doc.body.childNodes);
      document.querySelector('.hints[data-part="2"]').hidden = false;
      addToContents(holder);
    })();
    return part2Ready;
  }

  // addToContents puts the headings of a newly shown section into the
  // contents, in document order.
  function addToContents(section) {
    const list = $("toc-list");
    if (!list) return;
    const after = [...list.querySelectorAll("li")].find((li) => {
      const target = document.getElementById(decodeURIComponent(li.querySelector("a").hash.slice(1)));
      return target && (section.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) && !section.contains(target);
    });
    for (const h of section.querySelectorAll("h2[id], h3[id]")) {
      const text = h.cloneNode(true);
      for (const a of text.querySelectorAll(".anchor")) a.remove();
      const li = el("li", { class: "toc-" + h.tagName[1] }, el("a", { href: "#" + h.id, text: text.textContent.trim() }));
      list.insertBefore(li, after || null);
    }
  }

  // The split between the editor and the results: drag it, or focus it
  // and use the arrow keys.
  (function splitter() {
    const bar = $("splitter"), eds = $("editors");
    const set = (px) => {
      const max = $("code").clientHeight - 160;
      eds.style.flex = "0 0 " + Math.max(120, Math.min(max, px)) + "px";
      bar.setAttribute("aria-valuenow", String(Math.round(eds.getBoundingClientRect().height)));
    };
    bar.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      bar.setPointerCapture(e.pointerId);
      const top = eds.getBoundingClientRect().top;
      const move = (ev) => set(ev.clientY - top);
      const up = () => { bar.removeEventListener("pointermove", move); bar.removeEventListener("pointerup", up); };
      bar.addEventListener("pointermove", move);
      bar.addEventListener("pointerup", up);
    });
    bar.addEventListener("keydown", (e) => {
      const h = eds.getBoundingClientRect().height;
      if (e.key === "ArrowUp") { e.preventDefault(); set(h - 40); }
      if (e.key === "ArrowDown") { e.preventDefault(); set(h + 40); }
    });
  })();

  // ---- Hints and solutions ----------------------------------------------

  // A hint is the chapter author's Markdown, rendered by the workbook (raw
  // HTML in it is dropped there): never anything a learner wrote.
  const hintItem = (html) => {
    const li = el("li");
    li.replaceChildren(...new DOMParser().parseFromString(html, "text/html").body.childNodes);
    return li;
  };
  function showHints(part, hints, count) {
    const sec = document.querySelector('.hints[data-part="' + part + '"]');
    const list = sec.querySelector(".hint-list");
    list.replaceChildren(...hints.map(hintItem));
    const btn = sec.querySelector(".hint-button");
    btn.textContent = hints.length < count ? "Show hint " + (hints.length + 1) + " of " + count : "No more hints";
    btn.disabled = hints.length >= count;
  }

  for (const sec of document.querySelectorAll(".hints")) {
    const part = Number(sec.dataset.part);
    showHints(part, chapter.hints[part - 1], chapter.hint_counts[part - 1]);
    sec.querySelector(".hint-button").addEventListener("click", async () => {
      try {
        const res = await api("POST", base + "/hints", { part });
        if (res.ok) showHints(part, res.data.hints, res.data.count);
      } catch (err) {
        $("run-state").textContent = "The workbook is not answering; is it still running?";
      }
    });
    sec.querySelector(".solution-button").addEventListener("click", async () => {
      let confirmNow = false;
      if (!chapter.stars[part - 1]) {
        confirmNow = confirm("Part " + part + " has not passed yet. Show the reference solution anyway?");
        if (!confirmNow) return;
      }
      let res;
      try {
        res = await api("POST", base + "/solution", { part, confirm: confirmNow });
      } catch (err) {
        $("run-state").textContent = "The workbook is not answering; is it still running?";
        return;
      }
      if (!res.ok) { $("run-state").textContent = (res.data && res.data.error) || "Could not show the solution."; return; }
      let first = null;
      for (const file of res.data.files) {
        const name = "solution/" + file.name;
        if (files[name]) files[name].editor.setText(file.content);
        else addTab({ name, kind: "solution", read_only: true }, file.content);
        first = first || name;
      }
      if (first) showTab(first, true);
    });
  }

  // typing reports whether an element takes text, where "?" is a character.
  function typing(t) {
    if (!t || !t.closest) return false;
    return !!t.closest("input, textarea, select, [contenteditable], .wb-editor-host");
  }
  function openHelp() {
    const d = $("help");
    if (d.open) return;
    const back = document.activeElement;
    d.addEventListener("close", () => { if (back && back.focus) back.focus(); }, { once: true });
    d.showModal();
  }

  // A read-only view of the page for tests and for curious learners in the
  // console: the files and their current text.
  window.workbookPage = {
    files: () => Object.keys(files),
    text: (name) => files[name] && files[name].editor.getText(),
    dirty: (name) => files[name] && files[name].dirty,
  };

  // ---- Start -------------------------------------------------------------

  async function start() {
    updateStars(chapter.stars);
    for (const info of chapter.files) {
      const res = await api("GET", filePath(info.name));
      if (!res.ok) continue;
      const f = addTab(Object.assign({}, info, { etag: res.data.etag }), res.data.content);
      f.etag = res.data.etag;
      const draft = info.kind === "learner" && localStorage.getItem(draftKey(info.name));
      if (draft) {
        const d = JSON.parse(draft);
        if (d.text !== res.data.content) {
          if (d.base === res.data.etag) {
            f.editor.setText(d.text);
            f.dirty = true;
            setSaveState("Restored your unsaved changes to " + info.name + " from this browser; saving…", "");
            save(info.name);
          } else {
            f.editor.setText(d.text);
            f.dirty = true;
            conflict(info.name, res.data.content, res.data.etag);
          }
        } else {
          localStorage.removeItem(draftKey(info.name));
        }
      }
    }
    const first = chapter.files.find((f) => f.kind === "learner");
    if (first) showTab(first.name); // shown, not focused: the page starts at its top
    $("run-example").addEventListener("click", () => run("example"));
    $("run-full").addEventListener("click", () => run("full"));
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run("example"); }
      if (e.key === "?" && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) { e.preventDefault(); openHelp(); }
    });
    $("help-open").addEventListener("click", openHelp);
    // On a phone the Code button takes the learner to the editor; it steps
    // aside while the editor is on screen.
    if ("IntersectionObserver" in window) {
      new IntersectionObserver((entries) => {
        for (const e of entries) $("to-code").classList.toggle("away", e.isIntersecting);
      }).observe($("editors"));
    }
    window.addEventListener("beforeunload", (e) => {
      if (Object.values(files).some((f) => f.dirty)) { e.preventDefault(); }
    });
    listen();
  }
  start();
})();
