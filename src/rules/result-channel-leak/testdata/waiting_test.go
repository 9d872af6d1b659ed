package dialer

import (
	"context"
	"errors"
	"testing"
	"time"
)

func dial(addr string) error {
	if addr == "" {
		return errors.New("no address")
	}
	return nil
}

// The timeout fails the test: the sender leaks only on a run that has already failed.
func TestDialAnswers(t *testing.T) {
	errc := make(chan error) // want-advisory "result-channel-leak"
	go func() { errc <- dial("localhost:4222") }()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("dial did not return")
	}
}

// A helper that gives up quietly leaks on a passing run too.
func dialWithin(ctx context.Context, addr string) error {
	errc := make(chan error) // want "result-channel-leak"
	go func() { errc <- dial(addr) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
