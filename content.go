// Package workbook holds the CQRS Workbook's content: the chapters, the
// exercises (stubs, tests, given files and the support packages) and the
// reference solutions, embedded so that the workbook binary alone serves
// them. In a clone the command reads the same files from disk instead, so
// authors see their edits live.
package workbook

import (
	"embed"
	"io/fs"
)

//go:embed chapters exercises solutions
var content embed.FS

// Content is the workbook's tree as the repository holds it; read it
// through chapter.View, as the chapter package does.
func Content() fs.FS { return content }
