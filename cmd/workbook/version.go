package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is set by scripts/release.sh (-ldflags "-X main.version=v1.2.3");
// a go install of a tagged module reports the module's version instead.
var version = ""

// versionString is what "workbook version" prints: the release or module
// version, else the commit a clone was built from.
func versionString(info *debug.BuildInfo, ok bool) string {
	v := version
	if v == "" && ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if v == "" {
		v = "devel"
		if ok {
			var rev, modified string
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if rev != "" {
				v += " " + rev
				if modified == "true" {
					v += " (modified)"
				}
			}
		}
	}
	return fmt.Sprintf("workbook %s %s/%s", v, runtime.GOOS, runtime.GOARCH)
}

func cmdVersion(w io.Writer) {
	info, ok := debug.ReadBuildInfo()
	fmt.Fprintln(w, versionString(info, ok))
}
