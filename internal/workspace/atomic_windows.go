package workspace

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// renameIsTransient reports the errors of a rename over a file that
// another process has open without FILE_SHARE_DELETE, which go away when
// it closes the file.
func renameIsTransient(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}

// syncDir does nothing: Windows has no fsync of a folder (a rename is
// recorded by NTFS's journal), and opening one to flush it fails.
func syncDir(*os.Root, string) error { return nil }
