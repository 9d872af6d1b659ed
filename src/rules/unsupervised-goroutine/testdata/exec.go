package server

import (
	"context"
	"os/exec"
)

func background(name string) {
	go exec.Command(name).Run() // want "unsupervised-goroutine"
	cmd := exec.Command(name, "-v")
	cmd.Start()
	go cmd.Wait() // want "unsupervised-goroutine"
}

func handedContext(ctx context.Context, run func(context.Context)) {
	go func(c context.Context) {
		run(c)
	}(ctx)
}
