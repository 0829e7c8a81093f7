package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	platform := " " + runtime.GOOS + "/" + runtime.GOARCH
	clone := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "80e6112aabbccddeeff00112233445566778899"},
		{Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name    string
		release string
		info    *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"release build", "v1.2.0", clone, true, "workbook v1.2.0" + platform},
		{"go install of a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, true, "workbook v1.3.0" + platform},
		{"built in a clone", "", clone, true, "workbook devel 80e6112aabbc (modified)" + platform},
		{"no build information", "", nil, false, "workbook devel" + platform},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := version
			version = tt.release
			defer func() { version = old }()
			if got := versionString(tt.info, tt.ok); got != tt.want {
				t.Errorf("versionString(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
