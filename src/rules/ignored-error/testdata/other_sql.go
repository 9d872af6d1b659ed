package users

import (
	sql "github.com/jmoiron/sqlx"
)

func prepareX(db *sql.DB) *sql.Stmt {
	stmt, _ := db.Preparex("SELECT 1")
	return stmt
}
