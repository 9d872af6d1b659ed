package users

import (
	"context"
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
)

type Repository struct {
	db *sql.DB
}

type Profile struct {
	Bio      string `json:"bio"`
	Location string `json:"location"` // « Genève »
}

func (r *Repository) Rename(ctx context.Context, id uint64, name string) error {
	tx, _ := r.db.BeginTx(ctx, nil) // want "ignored-error"
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	_ = tx.Commit() // want "ignored-error"
	return nil
}

func (r *Repository) Touch(id uint64) {
	res, _ := r.db.Exec("UPDATE users SET seen_at = now() WHERE id = $1", id) // want "ignored-error"
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		log.Printf("user %d not found", id)
	}
}

func (r *Repository) Names(ctx context.Context) ([]string, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer func() {
		_ = rows.Close() // want-advisory "ignored-error"
	}()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func (r *Repository) SaveProfile(id uint64, p Profile) error {
	blob, _ := json.Marshal(p) // a struct of strings: cannot fail, not reported
	stmt, err := r.db.Prepare("UPDATE users SET profile = $1 WHERE id = $2")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, _ = stmt.Exec(blob, id) // want "ignored-error"
	return nil
}

func (r *Repository) LoadProfile(id uint64) (Profile, error) {
	var raw []byte
	if err := r.db.QueryRow("SELECT profile FROM users WHERE id = $1", id).Scan(&raw); err != nil {
		return Profile{}, err
	}
	var p Profile
	_ = json.Unmarshal(raw, &p) // want "ignored-error"
	return p, nil
}

func openStore(dsn string) *Repository {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}
	tx, _ := db.Begin() // want "ignored-error"
	tx.Commit()
	return &Repository{db: db}
}

func (r *Repository) Shutdown() {
	_ = r.db.Close() // want "ignored-error"
}

func writeJSON(w http.ResponseWriter, v any) {
	body, _ := json.MarshalIndent(v, "", "  ") // want "ignored-error"
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

func pinned(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	stmt, _ := conn.PrepareContext(ctx, "DELETE FROM sessions WHERE user_id = $1") // want "ignored-error"
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, 42)
	return err
}

var globalDB *sql.DB

func purge() {
	_, _ = globalDB.Exec("DELETE FROM sessions WHERE expires_at < now()") // want "ignored-error"
}

func pair(a, b *sql.Stmt) {
	_, _ = a.Close(), b.Close() // want "ignored-error"
}

func (r *Repository) Disable(ids []uint64) {
	db := r.db
	for _, id := range ids {
		_, _ = db.Exec("UPDATE users SET disabled = true WHERE id = $1", id) // want "ignored-error"
	}
}
