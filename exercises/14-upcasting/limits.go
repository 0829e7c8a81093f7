//go:build ignore

package blog

// The limits of a title, counted in characters (runes) after trimming the
// white space around it. They are rules for commands: Validate checks every
// new title against them. The titles in events already recorded are facts,
// and nothing checks them again.
const (
	MinTitle = 8 // it was 6 until this year: old posts may have shorter titles
	MaxTitle = 60
)
