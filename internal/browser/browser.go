// Package browser finds the headless Chromium the workbook drives — to
// print handouts to PDF, and in the end-to-end test of the web workbook —
// and gives the options it runs with: headless, no sandbox (CI runs as
// root), and none of the background traffic a closed network refuses.
package browser

import (
	"errors"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNotInstalled is returned by Find when no Chromium or Chrome is on PATH.
var ErrNotInstalled = errors.New("Chromium is not installed (apt-get install chromium)")

// Find returns the path of a Chromium or Chrome executable on PATH.
func Find() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNotInstalled
}

// Options are the allocator options for the browser at exe with its profile
// in profileDir; callers may append more (a window size, say).
func Options(exe, profileDir string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profileDir),
	)
}
