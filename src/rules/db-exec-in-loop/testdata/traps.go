package inventory

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// In one transaction through a prepared statement: the recommended shape.
func saveInTx(ctx context.Context, db *sql.DB, items []Item) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertItem)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, it := range items {
		if _, err := stmt.ExecContext(ctx, it.SKU, it.Name, it.Stock); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func onTransaction(ctx context.Context, db *sql.DB, skus []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, sku := range skus {
		if _, err := tx.ExecContext(ctx, "DELETE FROM items WHERE sku = $1", sku); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Reads in a loop are another rule's business.
func lookup(ctx context.Context, db *sql.DB, skus []string) (map[string]int, error) {
	out := make(map[string]int, len(skus))
	for _, sku := range skus {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT stock FROM items WHERE sku = $1", sku).Scan(&n); err != nil {
			return nil, err
		}
		out[sku] = n
	}
	return out, nil
}

// One multi-row statement per chunk: already batched (and not a constant statement).
func insertChunks(ctx context.Context, db *sql.DB, items []Item) error {
	for start := 0; start < len(items); start += 500 {
		end := start + 500
		if end > len(items) {
			end = len(items)
		}
		var b strings.Builder
		args := make([]any, 0, 3*(end-start))
		b.WriteString("INSERT INTO items (sku, name, stock) VALUES ")
		for i, it := range items[start:end] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "($%d, $%d, $%d)", 3*i+1, 3*i+2, 3*i+3)
			args = append(args, it.SKU, it.Name, it.Stock)
		}
		if _, err := db.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// Retrying one statement is not a loop over rows.
func insertWithRetry(ctx context.Context, db *sql.DB, it Item) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = db.ExecContext(ctx, insertItem, it.SKU, it.Name, it.Stock); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return err
}

// A worker handles items as they arrive.
func worker(ctx context.Context, db *sql.DB, in <-chan Item) {
	for it := range in {
		db.ExecContext(ctx, insertItem, it.SKU, it.Name, it.Stock)
	}
}

func eventLoop(ctx context.Context, db *sql.DB, in chan Item) {
	for {
		select {
		case it := <-in:
			db.ExecContext(ctx, insertItem, it.SKU, it.Name, it.Stock)
		case <-ctx.Done():
			return
		}
	}
}

// Periodic cleanup: the same statement each tick.
func janitor(ctx context.Context, db *sql.DB, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		db.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at < now()")
	}
}

type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// q may be a transaction: the file does not say.
func saveVia(ctx context.Context, q Execer, skus []string) error {
	for _, sku := range skus {
		if _, err := q.ExecContext(ctx, "DELETE FROM items WHERE sku = $1", sku); err != nil {
			return err
		}
	}
	return nil
}

// Not in a loop.
func saveOne(ctx context.Context, db *sql.DB, it Item) error {
	_, err := db.ExecContext(ctx, insertItem, it.SKU, it.Name, it.Stock)
	return err
}

// Concurrent per-item goroutines: the closure body is not the loop's.
func fanOut(ctx context.Context, db *sql.DB, items []Item) {
	for _, it := range items {
		go func(it Item) {
			db.ExecContext(ctx, insertItem, it.SKU, it.Name, it.Stock)
		}(it)
	}
}

// A per-table statement built at run time is not a constant statement.
func truncateAll(ctx context.Context, db *sql.DB, tables []string) error {
	for _, t := range tables {
		if _, err := db.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return err
		}
	}
	return nil
}
