package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindHeadingAnchor is the kind of a heading's self-link.
var kindHeadingAnchor = ast.NewNodeKind("HeadingAnchor")

// headingAnchor is the "¶" link at the end of a ## or ### heading, pointing
// at the heading itself.
type headingAnchor struct {
	ast.BaseInline
	ID    []byte
	Label string // the heading's text, for screen readers
}

func (n *headingAnchor) Kind() ast.NodeKind { return kindHeadingAnchor }

func (n *headingAnchor) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": string(n.ID)}, nil)
}

// headingAnchors is the extension that appends a headingAnchor to every ##
// and ### heading that has an id (parser.WithAutoHeadingID gives them one).
type headingAnchors struct{}

func (headingAnchors) Extend(m goldmark.Markdown) {
	// After the other transformers, so that the heading's text is final.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingAnchors{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(headingAnchors{}, 100)))
}

// Transform implements parser.ASTTransformer.
func (headingAnchors) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if h.Level == 2 || h.Level == 3 {
				headings = append(headings, h)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, h := range headings {
		id, ok := h.AttributeString("id")
		if b, isBytes := id.([]byte); ok && isBytes && len(b) > 0 {
			h.AppendChild(h, &headingAnchor{ID: b, Label: plainText(h, reader.Source())})
		}
	}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (headingAnchors) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindHeadingAnchor, renderHeadingAnchor)
}

func renderHeadingAnchor(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*headingAnchor)
	_, _ = w.WriteString(` <a class="anchor" href="#`)
	_, _ = w.Write(util.EscapeHTML(n.ID))
	_, _ = w.WriteString(`" aria-label="Link to this section: `)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Label)))
	_, _ = w.WriteString(`">¶</a>`)
	return ast.WalkSkipChildren, nil
}
