package handout

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPDF prints both editions of every chapter with headless Chromium and
// reads the PDFs back with poppler-utils. It needs both; without them it is
// skipped, except on CI (CI=true), where it fails. The PDFs and an image of
// each page (at 50 dpi) stay in $WORKBOOK_HANDOUT_OUT, by default
// out/handouts at the workbook's root, to look at.
func TestPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("prints PDFs with Chromium; skipped with -short")
	}
	chromium := tools(t)
	chs := chapters(t)
	out := os.Getenv("WORKBOOK_HANDOUT_OUT")
	if out == "" {
		out = filepath.Join("..", "..", "out", "handouts")
	}
	out, err := filepath.Abs(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, ed := range []Edition{Learner, Facilitator} {
		t.Run(string(ed), func(t *testing.T) {
			site := filepath.Join(out, string(ed))
			pages := filepath.Join(out, string(ed)+"-pages")
			pdf := filepath.Join(out, string(ed)+".pdf")
			for _, stale := range []string{site, pages, pdf} {
				if err := os.RemoveAll(stale); err != nil {
					t.Fatal(err)
				}
			}
			if err := Build(Options{Chapters: chs, FS: fixtureFS, Date: testDate, Edition: ed, Out: site}); err != nil {
				t.Fatalf("Build(%s): %v", ed, err)
			}
			if err := PrintPDF(context.Background(), chromium, filepath.Join(site, PrintFile), pdf); err != nil {
				t.Fatalf("PrintPDF(%s): %v", ed, err)
			}

			info := command(t, "pdfinfo", pdf)
			m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
			if m == nil {
				t.Fatalf("pdfinfo %s: no page count in\n%s", pdf, info)
			}
			n, _ := strconv.Atoi(m[1])
			t.Logf("%s: %d pages", pdf, n)
			if n <= len(chs)+1 {
				t.Errorf("%s has %d pages, want more than %d (a cover and a page per chapter at least)", pdf, n, len(chs)+1)
			}
			if !strings.Contains(info, "(A4)") {
				t.Errorf("pdfinfo %s: the paper is not A4:\n%s", pdf, info)
			}

			// pdftotext ends every page with a form feed: one call gives
			// the text of each page.
			raw := command(t, "pdftotext", "-layout", pdf, "-")
			pageTexts := strings.Split(strings.TrimSuffix(raw, "\f"), "\f")
			if len(pageTexts) != n {
				t.Errorf("pdftotext %s gave %d pages, pdfinfo says %d", pdf, len(pageTexts), n)
			}
			text := squash(raw)
			// The browser's own header and footer would print the file's URL.
			if strings.Contains(text, "file://") || strings.Contains(text, PrintFile) {
				t.Errorf("%s: the browser printed its own header or footer", pdf)
			}
			if !regexp.MustCompile(fmt.Sprintf(`\b[12] ?/ ?%d\b`, n)).MatchString(text) {
				t.Errorf("%s: no page numbers like \"2 / %d\"", pdf, n)
			}
			for _, ch := range chs {
				title := fmt.Sprintf("Day %d: %s", ch.Number, ch.Title)
				if !strings.Contains(text, title) {
					t.Errorf("%s: no %q", pdf, title)
				}
				if !startsPage(pageTexts, title) {
					t.Errorf("%s: %q does not start a page", pdf, title)
				}
				for _, line := range distinctive(t, ch) {
					if got, want := strings.Contains(text, line), ed == Facilitator; got != want {
						t.Errorf("%s: contains the solution line %q = %v, want %v", pdf, line, got, want)
					}
				}
			}
			if got, want := strings.Contains(text, "For the facilitator"), ed == Facilitator; got != want {
				t.Errorf("%s: contains \"For the facilitator\" = %v, want %v", pdf, got, want)
			}

			if err := os.MkdirAll(pages, 0o755); err != nil {
				t.Fatal(err)
			}
			command(t, "pdftoppm", "-png", "-r", "50", pdf, filepath.Join(pages, "page"))
			t.Logf("page images in %s", pages)
		})
	}
}

// startsPage reports whether one of the pages (their text, as pdftotext
// gives it) begins with title.
func startsPage(pages []string, title string) bool {
	for _, page := range pages {
		if strings.HasPrefix(squash(strings.TrimSpace(page)), title) {
			return true
		}
	}
	return false
}

// tools returns the path of Chromium, and skips the test (fails it on CI)
// when it or poppler-utils is missing.
func tools(t *testing.T) string {
	t.Helper()
	var missing []string
	chromium, err := FindChromium()
	if err != nil {
		missing = append(missing, "Chromium")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool+" (poppler-utils)")
			break
		}
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("the PDF test needs %s: apt-get install chromium poppler-utils", strings.Join(missing, " and "))
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return chromium
}

// command runs a tool and returns its standard output.
func command(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}
