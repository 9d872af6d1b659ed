package users

import (
	"database/sql"
	"testing"
)

// A bug is a bug in a test too: error-severity rules keep their tier in test code.
func TestRename(t *testing.T) {
	db, err := sql.Open("postgres", "postgres://localhost/test")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, _ := db.Begin() // want "ignored-error"
	if _, err := tx.Exec("UPDATE users SET name = $1", "ada"); err != nil {
		t.Fatal(err)
	}
}
