package inventory

import (
	"bufio"
	"context"
	"database/sql"
	"io"
	"strings"
)

type Item struct {
	SKU   string
	Name  string // e.g. "Crème brûlée"
	Stock int
}

const insertItem = `
	-- one row per item
	INSERT INTO items (sku, name, stock) VALUES ($1, $2, $3)`

type Store struct {
	db *sql.DB
}

func (s *Store) SaveAll(ctx context.Context, items []Item) error {
	for _, it := range items {
		if _, err := s.db.ExecContext(ctx, insertItem, it.SKU, it.Name, it.Stock); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return nil
}

func restock(db *sql.DB, delta map[string]int) error {
	for sku, n := range delta {
		_, err := db.Exec("UPDATE items SET stock = stock + $1 WHERE sku = $2", n, sku) // want "db-exec-in-loop"
		if err != nil {
			return err
		}
	}
	return nil
}

func purge(ctx context.Context, db *sql.DB, skus []string) error {
	for i := 0; i < len(skus); i++ {
		if _, err := db.ExecContext(ctx, "DELETE FROM items "+"WHERE sku = $1", skus[i]); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return nil
}

func importCSV(ctx context.Context, db *sql.DB, r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), ",")
		if len(fields) != 2 {
			continue
		}
		row := db.QueryRowContext(ctx, `INSERT INTO items (sku, name) VALUES ($1, $2) RETURNING id`, fields[0], fields[1]) // want "db-exec-in-loop"
		var id int64
		if err := row.Scan(&id); err != nil {
			return err
		}
	}
	return sc.Err()
}

func copyPrices(ctx context.Context, src, dst *sql.DB) error {
	rows, err := src.QueryContext(ctx, "SELECT sku, price FROM prices")
	if err != nil {
		return err
	}
	defer rows.Close()
	var sku string
	var price int64
	for rows.Next() {
		if err := rows.Scan(&sku, &price); err != nil {
			return err
		}
		if _, err := dst.ExecContext(ctx, "UPDATE items SET price = $1 WHERE sku = $2", price, sku); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return rows.Err()
}

func pinnedConn(ctx context.Context, db *sql.DB, skus []string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, sku := range skus {
		if _, err := conn.ExecContext(ctx, "DELETE FROM reservations WHERE sku = $1", sku); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return nil
}

func openAndFill(dsn string, names []string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, name := range names {
		rows, err := db.Query("insert into tags (name) values ($1) on conflict do nothing returning id", name) // want "db-exec-in-loop"
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}
