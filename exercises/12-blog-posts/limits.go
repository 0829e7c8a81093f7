//go:build ignore

package blog

// The limits of a title, counted in characters (runes) after trimming the
// white space around it.
const (
	MinTitle = 6
	MaxTitle = 60
)
