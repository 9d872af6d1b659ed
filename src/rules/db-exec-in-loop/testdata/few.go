package store

import (
	"context"
	"database/sql"
)

const defaultLevels = 3

// A loop that visibly runs a few times: the cost is bounded, the finding is listed only.
func seedLevels(db *sql.DB) error {
	for i := 0; i < defaultLevels; i++ {
		if _, err := db.Exec("INSERT INTO levels (n) VALUES ($1)", i); err != nil { // want-advisory "db-exec-in-loop"
			return err
		}
	}
	return nil
}

func seedTiers(ctx context.Context, db *sql.DB) error {
	for _, name := range []string{"gold", "silver", "bronze"} {
		if _, err := db.ExecContext(ctx, "INSERT INTO tiers (name) VALUES ($1)", name); err != nil { // want-advisory "db-exec-in-loop"
			return err
		}
	}
	return nil
}

// One write to each of several databases: there is nothing to batch across them.
func replicate(replicas []*sql.DB, id int64) error {
	for _, db := range replicas {
		if _, err := db.Exec("UPDATE accounts SET synced = true WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

func purgeShards(shards []*sql.DB, user int64) {
	for i := range shards {
		shards[i].Exec("DELETE FROM sessions WHERE user_id = $1", user)
	}
}

// Rows read from a query and written back one by one: the finding the rule is for.
func markPaid(ctx context.Context, db *sql.DB, invoices []int64) error {
	for _, id := range invoices {
		if _, err := db.ExecContext(ctx, "UPDATE invoices SET paid = true WHERE id = $1", id); err != nil { // want "db-exec-in-loop"
			return err
		}
	}
	return nil
}
