package fleet

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"sync"
)

type Peer struct{ addr string }

func (p *Peer) Run(ctx context.Context) {}
func (p *Peer) Close() error      { return nil }

type Checker struct{ target string }

func (c *Checker) Launch(ctx context.Context) {}

type Cluster struct {
	peers    []*Peer
	checkers map[string]*Checker
	servers  []*http.Server
	pending  []string
}

// One long-lived loop per peer: a pool would leave some peers without one.
func (c *Cluster) Start(ctx context.Context) {
	for _, p := range c.peers {
		go p.Run(ctx)
	}
	for _, hc := range c.checkers {
		go hc.Launch(ctx)
	}
}

// A per-listener accept loop, written inline.
func serveAll(listeners []net.Listener, h http.Handler) {
	for _, l := range listeners {
		go func(l net.Listener) {
			for {
				conn, err := l.Accept()
				if err != nil {
					return
				}
				conn.Close()
			}
		}(l)
	}
}

// Shutdown fan-out: one Close per element.
func (c *Cluster) Stop(peers []*Peer) {
	var wg sync.WaitGroup
	for _, p := range peers {
		wg.Add(1)
		go func(p *Peer) {
			defer wg.Done()
			p.Close()
		}(p)
	}
	wg.Wait()
}

// A one-off under a condition: not started per element.
func (c *Cluster) rebalance(events []string, refresh func()) {
	for _, e := range events {
		if e == "resync" {
			go refresh()
		}
	}
}

// A field of the receiver: nothing shows it grows with the caller's input.
func (c *Cluster) flush(send func(string)) {
	for _, key := range c.pending {
		go send(key) // want-advisory "unbounded-goroutines"
	}
}

// Decoded from the request: grows with what the client sends.
func importHandler(w http.ResponseWriter, r *http.Request) {
	var names []string
	if err := json.NewDecoder(r.Body).Decode(&names); err != nil {
		return
	}
	for _, n := range names {
		go lookup(n) // want "unbounded-goroutines"
	}
}

// Built from a parameter by a call.
func publishAll(opts *Options) {
	entries := parseEntries(opts)
	for name, value := range entries {
		k, v := name, value
		go func() { // want "unbounded-goroutines"
			publish(k, v)
		}()
	}
}

type Options struct{ File string }

func parseEntries(o *Options) map[string]string { return nil }
func publish(k, v string)                       {}
func lookup(name string)                        {}

// One call per peer of the cluster: sized by the deployment, not the request.
func broadcast(peerClients []*Peer, msg string) {
	var wg sync.WaitGroup
	for _, p := range peerClients {
		wg.Add(1)
		go func(p *Peer) { // want-advisory "unbounded-goroutines"
			defer wg.Done()
			p.send(msg)
		}(p)
	}
	wg.Wait()
}

func (p *Peer) send(msg string) {}

// A worker pool's token taken before each goroutine bounds them.
type tokens struct{ ch chan struct{} }

func (t *tokens) Take() { t.ch <- struct{}{} }
func (t *tokens) Give() { <-t.ch }

func expire(batches [][]string, wk *tokens) {
	for _, b := range batches {
		wk.Take()
		go func(b []string) {
			defer wk.Give()
			for _, key := range b {
				lookup(key)
			}
		}(b)
	}
}
