package catalog

import (
	"context"
	"net/http"
	"time"
)

var apiClient = &http.Client{
	Timeout: 10 * time.Second,
	Transport: &http.Transport{
		MaxIdleConnsPerHost: 10,
		IdleConnTimeout:     90 * time.Second,
	},
}

type Service struct {
	client *http.Client
	cache  map[string][]byte
}

func (s *Service) fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return s.client.Do(req)
}

func product(url string) (*http.Response, error) {
	return apiClient.Get(url)
}

func clientFor(timeout time.Duration) *http.Client {
	client := http.DefaultClient
	if timeout > 0 {
		client = &http.Client{Timeout: timeout}
	}
	return client
}

func fetchWith(ctx context.Context, url string, timeout time.Duration) (*http.Response, error) {
	client := http.DefaultClient
	if timeout > 0 {
		client = &http.Client{Timeout: timeout}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

type fakeTransport struct{}

func (fakeTransport) Get(url string) (*http.Response, error) { return nil, nil }

func shadowed(url string) {
	http := fakeTransport{}
	http.Get(url)
}

func lookup(s *Service, key string) []byte {
	return s.cache[key]
}

func handler(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not found", http.StatusNotFound)
}

func timeoutOnly() {
	http.DefaultClient.Timeout = 5 * time.Second
}

// The request's context has a deadline made right here: the call is bounded.
func quote(sku string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://pricing.internal/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func stock(parent context.Context, sku string) (*http.Response, error) {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(2*time.Second))
	defer cancel()
	scoped, stop := context.WithCancel(ctx)
	defer stop()
	req, err := http.NewRequest(http.MethodGet, "https://stock.internal/"+sku, nil)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(scoped)
	return http.DefaultClient.Do(req)
}
