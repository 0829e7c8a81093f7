//go:build !windows

package workspace

import "os"

// renameIsTransient: on Unix a rename over an open file succeeds.
func renameIsTransient(error) bool { return false }

// syncDir makes a rename in dir durable.
func syncDir(root *os.Root, dir string) error {
	d, err := root.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
