package render

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/cqrsworkbook/workbook/internal/chapter"
)

// codeRefRenderer renders the code references that chapter.Load resolved
// (chapter.CodeRefBlock) as a figure: a caption naming the file, then the
// highlighted code.
type codeRefRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (codeRefRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(chapter.KindCodeRef, renderCodeRef)
}

func renderCodeRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*chapter.CodeRefBlock)
	fmt.Fprintf(w, `<figure class="code-ref"><figcaption><code class="file">%s</code>`, util.EscapeHTML([]byte(n.File)))
	if n.Ref.Decl != "" {
		fmt.Fprintf(w, ` <span class="decl">%s</span>`, util.EscapeHTML([]byte(n.Ref.Decl)))
	}
	_, _ = w.WriteString("</figcaption>\n")
	highlight(w, n.Lang, n.Ref.Code)
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}
