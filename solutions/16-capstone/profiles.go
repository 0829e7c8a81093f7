//go:build ignore

package bank

// Part 2: the whole file.

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
)

// ProfileStore keeps members' profiles in the profiles table, the plain
// CRUD way: one row per member, changed in place.
type ProfileStore struct {
	db DB
}

// NewProfileStore returns a profile store on db, creating the bank's
// tables first when they are missing.
func NewProfileStore(db DB, dialect string) (*ProfileStore, error) {
	if err := CreateSchema(db, dialect); err != nil {
		return nil, err
	}
	return &ProfileStore{db: db}, nil
}

// Create adds a new profile.
func (s *ProfileStore) Create(p Profile) error {
	_, err := s.db.Exec(`INSERT INTO profiles (member_id, name, email) VALUES ($1, $2, $3)`, p.MemberID, p.Name, p.Email)
	if IsUniqueViolation(err) {
		return fmt.Errorf("create %s: %w", p.MemberID, ErrProfileExists)
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", p.MemberID, err)
	}
	return nil
}

// Get returns a member's profile.
func (s *ProfileStore) Get(member string) (Profile, error) {
	p := Profile{}
	err := s.db.QueryRow(`SELECT member_id, name, email FROM profiles WHERE member_id = $1`, member).Scan(&p.MemberID, &p.Name, &p.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return Profile{}, fmt.Errorf("get %s: %w", member, ErrProfileNotFound)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("get %s: %w", member, err)
	}
	return p, nil
}

// Update overwrites a member's name and email.
func (s *ProfileStore) Update(p Profile) error {
	res, err := s.db.Exec(`UPDATE profiles SET name = $1, email = $2 WHERE member_id = $3`, p.Name, p.Email, p.MemberID)
	return s.changed(res, err, "update "+p.MemberID)
}

// Delete removes a member's profile.
func (s *ProfileStore) Delete(member string) error {
	res, err := s.db.Exec(`DELETE FROM profiles WHERE member_id = $1`, member)
	return s.changed(res, err, "delete "+member)
}

// changed checks that a statement changed a row: none means no profile
// had the member id.
func (s *ProfileStore) changed(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrProfileNotFound)
	}
	return nil
}

// List returns every profile, sorted by member id in byte order.
func (s *ProfileStore) List() ([]Profile, error) {
	rows, err := s.db.Query(`SELECT member_id, name, email FROM profiles`)
	if err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	defer rows.Close()
	out := []Profile{}
	for rows.Next() {
		p := Profile{}
		if err := rows.Scan(&p.MemberID, &p.Name, &p.Email); err != nil {
			return nil, fmt.Errorf("list profiles: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	// ORDER BY would sort text by each database's own collation, and
	// PostgreSQL's may not be byte order: sort here, the same everywhere.
	sort.Slice(out, func(i, j int) bool { return out[i].MemberID < out[j].MemberID })
	return out, nil
}

// Join is one business action that writes both kinds of data: a new
// member's profile (a row) and their first account's AccountOpened (an
// event), in one transaction, so that both are committed or neither is.
func (s *ProfileStore) Join(events *SQLEventStore, p Profile, account string) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("join %s: %w", p.MemberID, err)
	}
	defer tx.Rollback() // undoes the profile when the append fails; nothing once committed

	_, err = tx.Exec(`INSERT INTO profiles (member_id, name, email) VALUES ($1, $2, $3)`, p.MemberID, p.Name, p.Email)
	if IsUniqueViolation(err) {
		return fmt.Errorf("join %s: %w", p.MemberID, ErrProfileExists)
	}
	if err != nil {
		return fmt.Errorf("join %s: %w", p.MemberID, err)
	}
	// Part 1's append, inside this transaction instead of its own.
	if _, err := events.appendTx(tx, account, NoStream, []Event{AccountOpened{Account: account, Owner: p.Name}}); err != nil {
		return fmt.Errorf("join %s: %w", p.MemberID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("join %s: %w", p.MemberID, err)
	}
	return nil
}

// End of Part 2.
