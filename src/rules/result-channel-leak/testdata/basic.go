package client

import (
	"context"
	"errors"
	"net/http"
	"os/exec"
	"time"
)

func fetch(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result) // want "result-channel-leak"
	go func() {
		resp, err := c.Do(req)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func runWithTimeout(cmd *exec.Cmd, d time.Duration) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	errc := make(chan error) // want "result-channel-leak"
	go func() {
		errc <- cmd.Wait()
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(d):
		cmd.Process.Kill()
		return errors.New("timed out")
	}
}

func tryGet(compute func() int) (int, bool) {
	var ch = make(chan int) // want "result-channel-leak"
	go func() {
		ch <- compute()
	}()
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func viaParameter(ctx context.Context, work func() error) error {
	res := make(chan error) // want "result-channel-leak"
	go func(out chan<- error) {
		if err := work(); err != nil {
			out <- err
			return
		}
		out <- nil
	}(res)
	select {
	case err := <-res:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func waitInLoop(ctx context.Context, work func() string, tick <-chan time.Time) (string, error) {
	out := make(chan string) // want "result-channel-leak"
	go func() { out <- work() }()
	for {
		select {
		case s := <-out:
			return s, nil
		case <-tick:
			// still waiting: the loop comes back to the receive
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

func perAttempt(ctx context.Context, attempts []func() error) error {
	for _, attempt := range attempts {
		errc := make(chan error) // want "result-channel-leak"
		go func() { errc <- attempt() }()
		select {
		case err := <-errc:
			if err == nil {
				return nil
			}
		case <-time.After(time.Second):
		}
	}
	return errors.New("all attempts failed")
}
