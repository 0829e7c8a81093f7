package render

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// kindCodeRef is the kind of a resolved code reference.
var kindCodeRef = ast.NewNodeKind("CodeRef")

// codeRef is a fenced code block that shows a file of the chapter, or one
// declaration in it, in place of its own (empty) body.
type codeRef struct {
	ast.BaseBlock
	Lang string
	File string // relative to the workbook root, for the caption
	Decl string // the declaration shown; empty for the whole file
	Code string
}

func (n *codeRef) Kind() ast.NodeKind { return kindCodeRef }

func (n *codeRef) IsRaw() bool { return true }

func (n *codeRef) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Lang": n.Lang, "File": n.File, "Decl": n.Decl}, nil)
}

// refKey holds a *refContext in the parser context: the chapter being
// parsed, and the references that did not resolve.
var refKey = parser.NewContextKey()

type refContext struct {
	dir  string // the chapter folder, e.g. "chapters/01-commands"
	line int    // the line of chapter.md on which the prose starts
	errs []error
}

// codeRefs is the extension that resolves code references: it replaces each
// fenced block whose info string names a file (chapter.ParseInfo) with a
// codeRef node holding the code, and renders that node highlighted under a
// caption naming the file.
type codeRefs struct {
	fsys fs.FS
}

func (e *codeRefs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRefRenderer{}, 100)))
}

// Transform implements parser.ASTTransformer.
func (e *codeRefs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	rc, _ := pc.Get(refKey).(*refContext)
	if rc == nil {
		rc = &refContext{line: 1}
		pc.Set(refKey, rc)
	}
	mdPath := path.Join(rc.dir, "chapter.md")
	type found struct {
		block *ast.FencedCodeBlock
		node  *codeRef
	}
	var refs []found
	// Collect first: replacing nodes would upset the walk.
	chapter.WalkCodeRefs(doc, reader.Source(), func(fc *ast.FencedCodeBlock, lang string, ref chapter.CodeRef) {
		line := ref.Line + rc.line - 1
		code, err := chapter.Resolve(e.fsys, rc.dir, ref)
		if err != nil {
			rc.errs = append(rc.errs, &chapter.Error{File: mdPath, Line: line, Msg: err.Error()})
			return
		}
		refs = append(refs, found{fc, &codeRef{Lang: lang, File: path.Join(rc.dir, path.Clean(ref.Path)), Decl: ref.Decl, Code: code}})
	})
	for _, f := range refs {
		f.block.Parent().ReplaceChild(f.block.Parent(), f.block, f.node)
	}
}

// codeRefRenderer renders codeRef nodes as a figure: the caption, then the
// highlighted code.
type codeRefRenderer struct{}

func (codeRefRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCodeRef, renderCodeRef)
}

func renderCodeRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*codeRef)
	fmt.Fprintf(w, `<figure class="code-ref"><figcaption><code class="file">%s</code>`, util.EscapeHTML([]byte(n.File)))
	if n.Decl != "" {
		fmt.Fprintf(w, ` <span class="decl">%s</span>`, util.EscapeHTML([]byte(n.Decl)))
	}
	_, _ = w.WriteString("</figcaption>\n")
	highlight(w, n.Lang, n.Code)
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}
