// Package site holds the web workbook's assets — page templates, styles,
// scripts and the CodeMirror bundle — embedded in the binary, so the
// workbook needs no network and no files beside it at run time.
package site

import "embed"

// FS holds templates/ and static/.
//
//go:embed templates static
var FS embed.FS
