//go:build ignore

package bank

import "errors"

// Profile is a member's contact details: a row of the profiles table,
// kept the plain CRUD way (Part 2). When a member moves or changes
// address, the row is overwritten and the old value is gone, and for
// this data that is fine.
type Profile struct {
	MemberID string // such as "m-7"; the primary key
	Name     string
	Email    string
}

// The errors of the profile repository.
var (
	// ErrProfileNotFound: no profile has that member id.
	ErrProfileNotFound = errors.New("profile not found")
	// ErrProfileExists: creating a profile whose member id is taken.
	ErrProfileExists = errors.New("profile already exists")
)
