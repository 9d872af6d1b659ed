package crawl

import (
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

type Job struct{ ID int }

func handle(j Job) {}

func fetchAll(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) { // want "unbounded-goroutines"
			defer wg.Done()
			resp, err := http.Get(u)
			if err == nil {
				resp.Body.Close()
			}
		}(u)
	}
	wg.Wait()
}

func notifyAll(subscribers map[string]chan<- string, msg string) {
	for _, ch := range subscribers {
		go func(ch chan<- string) { ch <- msg }(ch) // want "unbounded-goroutines"
	}
}

func dispatch(jobs <-chan Job) {
	for j := range jobs {
		go handle(j) // want "unbounded-goroutines"
	}
}

func dispatchSelect(jobs chan Job, quit chan struct{}) {
	for {
		select {
		case j := <-jobs:
			go handle(j) // want "unbounded-goroutines"
		case <-quit:
			return
		}
	}
}

type Batch struct {
	items []Job
}

func (b *Batch) process() {
	for i := 0; i < len(b.items); i++ {
		go handle(b.items[i]) // want-advisory "unbounded-goroutines"
	}
}

func removeAll(dir string) error {
	matches, err := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, m := range matches {
		wg.Add(1)
		go func(p string) { // want "unbounded-goroutines"
			defer wg.Done()
			os.Remove(p)
		}(m)
	}
	wg.Wait()
	return nil
}

func fromCall() {
	for _, j := range pending() {
		go handle(j) // want-advisory "unbounded-goroutines"
	}
}

func pending() []Job { return nil }
