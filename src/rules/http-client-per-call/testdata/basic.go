package payments

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"time"
)

type Charge struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
	Note   string `json:"note"` // e.g. "café ☕"
}

// fetchCharge builds a client and a transport for every charge it looks up.
func fetchCharge(ctx context.Context, base, id string) (*Charge, error) {
	client := &http.Client{ // want "http-client-per-call"
		Timeout: 5 * time.Second,
		Transport: &http.Transport{
			MaxIdleConnsPerHost: 10,
			TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/charges/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var c Charge
	return &c, json.NewDecoder(resp.Body).Decode(&c)
}

// A client without a transport of its own shares the default one: cheap outside a handler.
func refund(ctx context.Context, url string) error {
	client := http.Client{Timeout: 3 * time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func proxied(ctx context.Context, url string) (*http.Response, error) {
	tr := &http.Transport{Proxy: http.ProxyFromEnvironment} // want "http-client-per-call"
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

type Gateway struct {
	base string
}

func (g *Gateway) client() *http.Client {
	return &http.Client{Timeout: 2 * time.Second}
}

func (g *Gateway) Capture(ctx context.Context, id string) error {
	resp, err := (&http.Client{Timeout: time.Second}).Post(g.base+"/capture/"+id, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/relay", func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Timeout: time.Second} // want "http-client-per-call"
		resp, err := c.Get("http://ledger.internal/balance")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp.Body.Close()
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		probe := &http.Client{ // want "http-client-per-call"
			Transport: &http.Transport{DisableKeepAlives: true},
		}
		if _, err := probe.Get("http://db.internal/health"); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	routes(mux)
}

// newsletter is not a constructor, but its client has no transport of its own.
func newsletter(url string) error {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type ledgerProxy struct {
	upstream string
}

// ServeHTTP runs per request: even a client on the default transport is built each time.
func (p *ledgerProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: 2 * time.Second} // want "http-client-per-call"
	resp, err := c.Get(p.upstream + r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

// A transport per upload, even when it is wrapped before use.
func upload(ctx context.Context, url string, insecure bool) error {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}} // want "http-client-per-call"
	client := &http.Client{Transport: tr}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
