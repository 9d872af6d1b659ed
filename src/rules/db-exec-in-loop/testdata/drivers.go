package inventory

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

type Catalog struct {
	pool *pgxpool.Pool
}

func (c *Catalog) Tag(ctx context.Context, sku string, tags []string) error {
	for _, tag := range tags {
		if _, err := c.pool.Exec(ctx, "INSERT INTO item_tags (sku, tag) VALUES ($1, $2)", sku, tag); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return nil
}

func archive(dsn string, skus []string) error {
	db, err := sqlx.Connect("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, sku := range skus {
		db.MustExec("UPDATE items SET archived = true WHERE sku = $1", sku)
		if _, err := db.Exec("UPDATE items SET archived_at = now() WHERE sku = $1", sku); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return nil
}
