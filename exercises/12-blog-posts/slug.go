//go:build ignore

package blog

import (
	"strings"
	"unicode"
)

// Slugify turns a title into the slug of the post's address, as in
// kestrel.coop/quarterly/spring-picnic-at-the-harbour: the letters and
// digits of the title in lower case, every run of anything else (spaces,
// punctuation) made into one "-", and no "-" at either end. A title with
// no letter or digit has the empty slug.
//
//	Slugify("  Spring picnic -- at the Harbour!") == "spring-picnic-at-the-harbour"
//	Slugify("Café: 2 rates?") == "café-2-rates"
//	Slugify("!!! ??? !!!") == ""
//
// It is pure: the same title always gives the same slug.
func Slugify(title string) string {
	var b strings.Builder
	gap := false
	for _, r := range title {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		gap = true
	}
	return b.String()
}
