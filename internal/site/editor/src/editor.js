// WorkbookEditor: the CodeMirror 6 editor of the CQRS Workbook's web workbook.
//
// Built by ../build.sh into site/static/editor.js (one minified IIFE, no
// network use, no eval). Loading that file defines one global:
//
//   const ed = window.WorkbookEditor.create(parent, {
//     doc: "package bank\n",      // initial text (default "")
//     readOnly: false,            // default false
//     onChange: (text) => {},     // every change made in the editor (not by setText)
//     onRun: () => {},            // Ctrl-Enter / Cmd-Enter; wins over other Mod-Enter bindings
//     onEscape: () => {},         // Escape (when no panel takes it): the page moves focus out
//   });
//
//   ed.getText()                 -> string
//   ed.setText(text)             replaces the whole document without firing onChange;
//                                also clears undo history, diagnostics and the marked line
//   ed.replaceText(text)         replaces the whole document as one undoable edit
//                                (fires onChange), the cursor kept on its line
//   ed.setReadOnly(bool)
//   ed.setDiagnostics([{line, col, message, severity: "error"|"warning"}])
//                                1-based line and col, col in bytes as Go reports it
//                                (col optional: whole line); out-of-range values clamp;
//                                shown underlined, with a gutter marker, a hover
//                                tooltip and the message at the end of the line;
//                                [] clears
//   ed.markLine(line|null, kind) highlights one whole line (1-based) with the CSS class
//                                "cm-wb-<kind>-line", kind defaults to "failing"
//                                (so "cm-wb-failing-line"); null clears
//   ed.focus()
//   ed.destroy()
//   ed.view                      the underlying EditorView, for debugging
//
// Features: Go mode, line numbers, bracket matching, auto-indent with tabs as
// gofmt writes them, Tab indents (Escape hands focus back to the page), search (Mod-F), undo/redo,
// closeBrackets, active line highlight, light/dark theme that follows
// prefers-color-scheme live.
//
// Styles and CSP: CodeMirror's style-mod puts its CSS into a <style> element
// when the editor lives in a document, which a page CSP of style-src 'self'
// blocks. So create() appends a host <div class="wb-editor-host"> to parent
// and mounts the editor in an open shadow root on it: there style-mod uses a
// constructed CSSStyleSheet via adoptedStyleSheets, which that CSP allows.
// All editor styling (including cm-wb-failing-line) lives in the themes below;
// page CSS cannot reach inside the shadow root, only size the host element
// (it fills parent's height: give parent a height).

import { EditorState, Compartment, StateField, StateEffect, Annotation, Prec, RangeSetBuilder } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars, Decoration, WidgetType,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import {
  bracketMatching, indentOnInput, indentUnit, syntaxHighlighting, HighlightStyle, foldGutter, foldKeymap,
} from "@codemirror/language";
import { go } from "@codemirror/lang-go";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { lintGutter, setDiagnostics as lintSetDiagnostics, lintKeymap } from "@codemirror/lint";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { tags as t } from "@lezer/highlight";

// ---- themes ---------------------------------------------------------------

const common = {
  "&": { height: "100%", fontSize: "14px" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace",
    lineHeight: "1.5",
    overflow: "auto",
  },
  ".cm-content": { padding: "6px 0" },
  ".cm-wb-inline-diag": {
    marginLeft: "2em",
    fontFamily: "system-ui, sans-serif",
    fontSize: "0.85em",
    whiteSpace: "pre",
  },
};

// Shared by both colour schemes; colours are set in the two themes below.
const lintShapes = EditorView.theme({
  // @codemirror/lint draws its underlines and gutter markers with data: SVG
  // images, which a CSP without img-src data: blocks; redraw them with CSS.
  ".cm-lintRange": { paddingBottom: "0" },
  ".cm-lintRange-error, .cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint": {
    backgroundImage: "none",
    textDecorationLine: "underline",
    textDecorationStyle: "wavy",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "3px",
  },
  ".cm-lint-marker-error, .cm-lint-marker-warning, .cm-lint-marker-info": {
    content: "normal",
    display: "block",
    width: "0.8em",
    height: "0.8em",
    margin: "0.35em auto 0",
  },
  ".cm-lint-marker-error": { borderRadius: "50%" },
  ".cm-lint-marker-warning": { clipPath: "polygon(50% 0, 100% 100%, 0 100%)" },
});

const lightTheme = EditorView.theme({
  ...common,
  "&": { ...common["&"], color: "#1f2328", backgroundColor: "#ffffff" },
  ".cm-content": { ...common[".cm-content"], caretColor: "#1f2328" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#1f2328" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "#b6d7ff" },
  ".cm-gutters": { backgroundColor: "#f6f8fa", color: "#57606a", borderRight: "1px solid #d0d7de" },
  ".cm-activeLine": { backgroundColor: "#f3f6fa" },
  ".cm-activeLineGutter": { backgroundColor: "#e7ecf2", color: "#1f2328" },
  ".cm-matchingBracket": { backgroundColor: "#c8e1ff", outline: "1px solid #8cb4e6" },
  ".cm-nonmatchingBracket": { backgroundColor: "#ffd7d5" },
  ".cm-searchMatch": { backgroundColor: "#fff3b0", outline: "1px solid #e3c800" },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "#ffd33d" },
  ".cm-selectionMatch": { backgroundColor: "#e6f0d8" },
  ".cm-wb-failing-line": { backgroundColor: "#ffe1e0", boxShadow: "inset 3px 0 0 #cf222e" },
  ".cm-wb-failing-line.cm-activeLine": { backgroundColor: "#ffd3d1" },
  ".cm-lintRange-error": { textDecorationColor: "#cf222e" },
  ".cm-lintRange-warning": { textDecorationColor: "#bf8700" },
  ".cm-lintRange-info, .cm-lintRange-hint": { textDecorationColor: "#6e7781" },
  ".cm-lint-marker-error": { backgroundColor: "#cf222e" },
  ".cm-lint-marker-warning": { backgroundColor: "#bf8700" },
  ".cm-lint-marker-info": { backgroundColor: "#6e7781" },
  ".cm-wb-inline-diag-error": { color: "#b3261e" },
  ".cm-wb-inline-diag-warning": { color: "#8a5a00" },
  ".cm-panels": { backgroundColor: "#f6f8fa", color: "#1f2328" },
  ".cm-tooltip": { backgroundColor: "#ffffff", color: "#1f2328", border: "1px solid #d0d7de" },
}, { dark: false });

const darkTheme = EditorView.theme({
  ...common,
  "&": { ...common["&"], color: "#e6edf3", backgroundColor: "#0d1117" },
  ".cm-content": { ...common[".cm-content"], caretColor: "#e6edf3" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#e6edf3" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "#264f78" },
  ".cm-gutters": { backgroundColor: "#161b22", color: "#8b949e", borderRight: "1px solid #30363d" },
  ".cm-activeLine": { backgroundColor: "#161b22" },
  ".cm-activeLineGutter": { backgroundColor: "#21262d", color: "#e6edf3" },
  ".cm-matchingBracket": { backgroundColor: "#1f3b5c", outline: "1px solid #3b6ea5" },
  ".cm-nonmatchingBracket": { backgroundColor: "#5c1f1f" },
  ".cm-searchMatch": { backgroundColor: "#5a4a00", outline: "1px solid #9e8600" },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "#8a6d00" },
  ".cm-selectionMatch": { backgroundColor: "#2d3b24" },
  ".cm-wb-failing-line": { backgroundColor: "#4a1c1f", boxShadow: "inset 3px 0 0 #f85149" },
  ".cm-wb-failing-line.cm-activeLine": { backgroundColor: "#5a2226" },
  ".cm-lintRange-error": { textDecorationColor: "#f85149" },
  ".cm-lintRange-warning": { textDecorationColor: "#d29922" },
  ".cm-lintRange-info, .cm-lintRange-hint": { textDecorationColor: "#8b949e" },
  ".cm-lint-marker-error": { backgroundColor: "#f85149" },
  ".cm-lint-marker-warning": { backgroundColor: "#d29922" },
  ".cm-lint-marker-info": { backgroundColor: "#8b949e" },
  ".cm-wb-inline-diag-error": { color: "#ff8a80" },
  ".cm-wb-inline-diag-warning": { color: "#e3b341" },
  ".cm-panels": { backgroundColor: "#161b22", color: "#e6edf3" },
  ".cm-panels input, .cm-panels button": { colorScheme: "dark" },
  ".cm-tooltip": { backgroundColor: "#161b22", color: "#e6edf3", border: "1px solid #30363d" },
}, { dark: true });

// Contrast checked against the backgrounds above (all >= 4.5:1).
const lightHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "#a0111f", fontWeight: "600" },
  { tag: [t.string, t.special(t.string), t.character], color: "#0a3069" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "#0550ae" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "#57606a", fontStyle: "italic" },
  { tag: [t.typeName, t.standard(t.typeName)], color: "#6f42c1" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: "#6639ba" },
  { tag: [t.definition(t.variableName), t.definition(t.propertyName)], color: "#953800" },
  { tag: [t.propertyName], color: "#0550ae" },
  { tag: [t.labelName], color: "#953800" },
  { tag: [t.escape], color: "#116329" },
  { tag: t.invalid, color: "#cf222e", textDecoration: "underline wavy" },
]);

const darkHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "#ff7b72", fontWeight: "600" },
  { tag: [t.string, t.special(t.string), t.character], color: "#a5d6ff" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "#79c0ff" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "#8b949e", fontStyle: "italic" },
  { tag: [t.typeName, t.standard(t.typeName)], color: "#ffa657" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: "#d2a8ff" },
  { tag: [t.definition(t.variableName), t.definition(t.propertyName)], color: "#ffa657" },
  { tag: [t.propertyName], color: "#79c0ff" },
  { tag: [t.labelName], color: "#ffa657" },
  { tag: [t.escape], color: "#7ee787" },
  { tag: t.invalid, color: "#ff7b72", textDecoration: "underline wavy" },
]);

const darkQuery = typeof matchMedia == "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
const isDark = () => !!(darkQuery && darkQuery.matches);
const themeFor = (dark) => dark
  ? [lintShapes, darkTheme, syntaxHighlighting(darkHighlight)]
  : [lintShapes, lightTheme, syntaxHighlighting(lightHighlight)];

// ---- marked line ----------------------------------------------------------

const setMark = StateEffect.define();
const markField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMark)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// ---- inline diagnostic messages (end of line) -----------------------------

class DiagWidget extends WidgetType {
  constructor(text, severity) { super(); this.text = text; this.severity = severity; }
  eq(o) { return o.text == this.text && o.severity == this.severity; }
  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-wb-inline-diag cm-wb-inline-diag-" + this.severity;
    span.textContent = this.text;
    return span;
  }
  ignoreEvent() { return false; }
}

const setInline = StateEffect.define();
const inlineField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setInline)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// ---- create ---------------------------------------------------------------

const External = Annotation.define();

function clampLine(doc, line) {
  const n = Math.max(1, Math.min(doc.lines, Math.floor(Number(line)) || 1));
  return doc.line(n);
}

// Go reports 1-based columns in UTF-8 bytes; CodeMirror counts UTF-16 units.
function byteColToOffset(text, col) {
  let bytes = 0, i = 0;
  while (i < text.length && bytes < col - 1) {
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

function create(parent, opts = {}) {
  if (!parent || !parent.appendChild) throw new TypeError("WorkbookEditor.create: parent must be an element");
  const onChange = typeof opts.onChange == "function" ? opts.onChange : null;
  const onRun = typeof opts.onRun == "function" ? opts.onRun : null;
  const onEscape = typeof opts.onEscape == "function" ? opts.onEscape : null;
  let readOnly = !!opts.readOnly;

  const host = document.createElement("div");
  host.className = "wb-editor-host";
  host.style.display = "block";   // CSSOM, allowed by CSP (no style attribute markup)
  host.style.height = "100%";
  parent.appendChild(host);
  const root = host.attachShadow({ mode: "open" });

  const themeC = new Compartment();
  const readOnlyC = new Compartment();
  const roExt = (ro) => [EditorState.readOnly.of(ro), EditorView.contentAttributes.of({ "aria-readonly": String(ro) })];

  const extensions = () => [
    Prec.highest(keymap.of([
      { key: "Mod-Enter", preventDefault: true, run: () => { if (onRun) onRun(); return true; } },
      // Escape leaves the editor (after closing the search panel or a
      // completion, which take it first): Tab indents, so without this
      // a keyboard user would be trapped.
      { key: "Escape", run: () => { if (!onEscape) return false; onEscape(); return true; } },
    ])),
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    go(),
    EditorState.tabSize.of(4),
    indentUnit.of("\t"), // as gofmt indents
    EditorView.lineWrapping,
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    themeC.of(themeFor(isDark())),
    readOnlyC.of(roExt(readOnly)),
    markField,
    inlineField,
    EditorView.contentAttributes.of({ "aria-label": "Go code editor", tabindex: "0" }),
    EditorView.updateListener.of((u) => {
      if (!u.docChanged || !onChange) return;
      if (u.transactions.some((tr) => tr.annotation(External))) return;
      onChange(u.state.doc.toString());
    }),
  ];

  const makeState = (doc) => EditorState.create({ doc: String(doc ?? ""), extensions: extensions() });

  const view = new EditorView({ state: makeState(opts.doc), parent: root, root });

  const onScheme = () => view.dispatch({ effects: themeC.reconfigure(themeFor(isDark())) });
  if (darkQuery) darkQuery.addEventListener("change", onScheme);

  let destroyed = false;

  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      const scroll = view.scrollDOM.scrollTop;
      view.setState(makeState(text));
      view.scrollDOM.scrollTop = scroll;
    },
    // replaceText replaces the whole document as one edit the learner can
    // undo (the Format button), keeping the cursor's line where it can.
    replaceText(text) {
      const doc = view.state.doc;
      const line = doc.lineAt(view.state.selection.main.head).number;
      const next = String(text ?? "");
      if (next === doc.toString()) return;
      const lines = next.split("\n");
      let at = 0;
      for (let i = 0; i < Math.min(line - 1, lines.length - 1); i++) at += lines[i].length + 1;
      // Its own step in the history, whatever was typed just before.
      view.dispatch({ changes: { from: 0, to: doc.length, insert: next }, selection: { anchor: Math.min(at, next.length) }, scrollIntoView: true,
        annotations: [isolateHistory.of("full")], userEvent: "input.format" });
    },
    setReadOnly(ro) {
      readOnly = !!ro;
      view.dispatch({ effects: readOnlyC.reconfigure(roExt(readOnly)), annotations: External.of(true) });
    },
    setDiagnostics(list) {
      const doc = view.state.doc;
      const diags = [];
      for (const d of Array.isArray(list) ? list : []) {
        const ln = clampLine(doc, d.line);
        const severity = d.severity == "warning" ? "warning" : "error";
        let from, to;
        const col = Math.floor(Number(d.col)) || 0;
        if (col >= 1) {
          from = ln.from + byteColToOffset(ln.text, col);
          const rest = doc.sliceString(from, ln.to);
          const m = /^[\p{L}\p{N}_]+|^\S/u.exec(rest);
          to = from + (m ? m[0].length : 0);
        } else {
          const indent = /^\s*/.exec(ln.text)[0].length;
          from = Math.min(ln.from + indent, ln.to);
          to = ln.to;
        }
        diags.push({ from, to, severity, message: String(d.message ?? ""), line: ln.number });
      }
      // One end-of-line message per line: the first, "(+N more)" when there are more.
      const byLine = new Map();
      for (const d of diags) {
        const e = byLine.get(d.line);
        if (e) e.more++;
        else byLine.set(d.line, { d, more: 0 });
      }
      const b = new RangeSetBuilder();
      for (const n of [...byLine.keys()].sort((a, b) => a - b)) {
        const { d, more } = byLine.get(n);
        const first = d.message.split("\n")[0];
        const text = more ? `${first} (+${more} more)` : first;
        b.add(doc.line(n).to, doc.line(n).to, Decoration.widget({ widget: new DiagWidget(text, d.severity), side: 1 }));
      }
      const spec = lintSetDiagnostics(view.state, diags.map(({ line, ...rest }) => rest));
      view.dispatch({ ...spec, effects: [].concat(spec.effects || [], setInline.of(b.finish())), annotations: External.of(true) });
    },
    markLine(line, kind) {
      if (line == null || line === false) {
        view.dispatch({ effects: setMark.of(Decoration.none) });
        return;
      }
      const k = /^[a-z][a-z0-9-]*$/.test(kind || "") ? kind : "failing";
      const ln = clampLine(view.state.doc, line);
      const deco = Decoration.set([Decoration.line({ class: `cm-wb-${k}-line` }).range(ln.from)]);
      view.dispatch({ effects: [setMark.of(deco), EditorView.scrollIntoView(ln.from, { y: "center" })] });
    },
    focus: () => view.focus(),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (darkQuery) darkQuery.removeEventListener("change", onScheme);
      view.destroy();
      host.remove();
    },
  };
}

window.WorkbookEditor = { create, version: "1" };
