package users

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
)

type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// q may be a *sql.DB or a *sql.Tx; the file does not say which, so nothing is reported.
func archive(ctx context.Context, q Querier, id uint64) {
	_, _ = q.ExecContext(ctx, "UPDATE users SET archived = true WHERE id = $1", id)
}

func transfer(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - 10 WHERE id = 1"); err != nil {
		return err
	}
	return tx.Commit()
}

func count(db *sql.DB) int {
	var n int
	_ = db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	rows, err := db.Query("SELECT 1")
	if err == nil {
		defer rows.Close()
		_ = rows.Err()
	}
	return n
}

func affected(res sql.Result) int64 {
	n, _ := res.RowsAffected()
	return n
}

type statementCache struct{}

func (statementCache) Prepare(query string) (string, error) { return query, nil }
func (statementCache) Close() error                         { return nil }

func cached(c statementCache) string {
	s, _ := c.Prepare("SELECT 1")
	_ = c.Close()
	return s
}

func stream(w io.Writer, v any) {
	_ = json.NewEncoder(w).Encode(v)
}

type codec struct{}

func (codec) Marshal(v any) ([]byte, error) { return nil, nil }

func shadowedJSON(v any) []byte {
	json := codec{}
	b, _ := json.Marshal(v)
	return b
}

func printed() {
	_, _ = fmt.Println("déjà vu")
}

func unknownOrigin(open func() (*sql.DB, error)) {
	db, _ := open()
	if db != nil {
		fmt.Println("opened")
	}
}

func valid(b []byte) bool {
	var v struct{}
	return json.Unmarshal(b, &v) == nil
}

// A string always marshals.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func flag(on bool) []byte {
	b, _ := json.Marshal(on)
	return b
}
