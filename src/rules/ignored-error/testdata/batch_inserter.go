package users

import (
	"database/sql"
	"time"
)

type User struct {
	ID    uint64
	Name  string
	Email string
}

// BatchInserter buffers users and writes them in one transaction, in the shape of the
// standard's batch-insert example (which discards the error of Prepare).
type BatchInserter struct {
	db        *sql.DB
	stmt      *sql.Stmt
	batchSize int
	pending   []User
	timer     *time.Timer
}

func NewBatchInserter(db *sql.DB, batchSize int) *BatchInserter {
	stmt, _ := db.Prepare("INSERT INTO users (id, name, email) VALUES ($1, $2, $3)") // want "ignored-error"

	return &BatchInserter{
		db:        db,
		stmt:      stmt,
		batchSize: batchSize,
		pending:   make([]User, 0, batchSize),
		timer:     time.NewTimer(time.Second),
	}
}

func (bi *BatchInserter) Add(u User) error {
	bi.pending = append(bi.pending, u)
	if len(bi.pending) >= bi.batchSize {
		return bi.flush()
	}
	bi.timer.Reset(time.Second)
	return nil
}

func (bi *BatchInserter) flush() error {
	if len(bi.pending) == 0 {
		return nil
	}
	tx, err := bi.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, u := range bi.pending {
		if _, err := tx.Stmt(bi.stmt).Exec(u.ID, u.Name, u.Email); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	bi.pending = bi.pending[:0]
	return nil
}

func (bi *BatchInserter) Close() {
	_ = bi.stmt.Close() // want "ignored-error"
}
