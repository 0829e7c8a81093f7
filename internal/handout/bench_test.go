package handout

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cqrsworkbook/workbook/internal/render"
)

// BenchmarkBuild measures building the handouts of every chapter: the
// static HTML of each edition, and printing the learner edition to PDF with
// headless Chromium, beside the baseline of rendering every chapter once for
// the web workbook in the same run:
//
//	go test -run '^$' -bench Build -benchtime 3x ./internal/handout/
func BenchmarkBuild(b *testing.B) {
	chs := chapters(b)
	fsys := os.DirFS("../..")
	b.Run("baseline/render-web", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			r := render.New()
			for _, ch := range chs {
				if _, err := r.Chapter(ch); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, ed := range []Edition{Learner, Facilitator} {
		b.Run("html/"+string(ed), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := Build(Options{Chapters: chs, FS: fsys, Date: testDate, Edition: ed, Out: b.TempDir()}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("pdf/learner", func(b *testing.B) {
		chromium, err := FindChromium()
		if err != nil {
			b.Skip(err)
		}
		for i := 0; i < b.N; i++ {
			site := b.TempDir()
			if err := Build(Options{Chapters: chs, FS: fsys, Date: testDate, Edition: Learner, Out: site}); err != nil {
				b.Fatal(err)
			}
			if err := PrintPDF(context.Background(), chromium, filepath.Join(site, PrintFile), filepath.Join(site, "learner.pdf")); err != nil {
				b.Fatal(err)
			}
		}
	})
}
