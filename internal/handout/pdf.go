package handout

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/cqrsworkbook/workbook/internal/browser"
)

// ErrNoChromium is returned by FindChromium when no Chromium or Chrome is
// installed.
var ErrNoChromium = fmt.Errorf("%w; install it to print PDFs", browser.ErrNotInstalled)

// FindChromium returns the path of a Chromium or Chrome executable on $PATH,
// or an error wrapping ErrNoChromium.
func FindChromium() (string, error) {
	p, err := browser.Find()
	if err != nil {
		return "", ErrNoChromium
	}
	return p, nil
}

// PrintPDF prints htmlFile (a print.html written by Build) to pdfFile with
// the headless browser at chromium. The page's CSS decides the paper size,
// the margins and the page numbers; the browser adds no header or footer of
// its own. It fails if the browser cannot start, load the file or print it
// within two minutes, or if ctx ends first.
func PrintPDF(ctx context.Context, chromium, htmlFile, pdfFile string) error {
	abs, err := filepath.Abs(htmlFile)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("print %s: %w", htmlFile, err)
	}
	profile, err := os.MkdirTemp("", "workbook-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)

	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, browser.Options(chromium, profile)...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(bctx, chromedp.Navigate(u.String())); err != nil {
		return fmt.Errorf("print %s: load it in Chromium: %w", htmlFile, err)
	}
	pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(
		chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(),
		// Empty templates and no header or footer: the page numbers come
		// from the CSS @page rule. Without the templates some versions print
		// the browser's own date and title.
		func(p *page.PrintToPDFParams) {
			off := false
			p.DisplayHeaderFooter = &off
			p.HeaderTemplate = "<span></span>"
			p.FooterTemplate = "<span></span>"
		},
		chromedp.PDFStream(),
	))
	if err != nil {
		return fmt.Errorf("print %s to PDF: %w", htmlFile, err)
	}
	return os.WriteFile(pdfFile, pdf, 0o644)
}
