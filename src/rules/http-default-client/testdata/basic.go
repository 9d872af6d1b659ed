package weather

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

type Forecast struct {
	City        string  `json:"city"`
	Temperature float64 `json:"temperature"`
}

// fetchForecast asks the upstream service for the forecast of a city (e.g. "Zürich").
func fetchForecast(base, city string) (*Forecast, error) {
	resp, err := http.Get(base + "/forecast?city=" + url.QueryEscape(city)) // want "http-default-client"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var f Forecast
	if err := json.NewDecoder(resp.Body).Decode(&f); err != nil {
		return nil, fmt.Errorf("décodage: %w", err)
	}
	return &f, nil
}

func reportReading(endpoint string, body io.Reader) error {
	resp, err := http.Post(endpoint, "application/json", body) // want "http-default-client"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func subscribe(endpoint, email string) error {
	resp, err := http.PostForm(endpoint, url.Values{"email": {email}}) // want "http-default-client"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func alive(endpoint string) bool {
	resp, err := http.Head(endpoint) // want "http-default-client"
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func sendAlert(ctx context.Context, hook, text string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook, strings.NewReader(text))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want "http-default-client"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func pollStatus(ctx context.Context, endpoint string) (int, error) {
	client := http.DefaultClient
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req) // want "http-default-client"
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func download(urls []string) ([][]byte, error) {
	var out [][]byte
	for _, u := range urls {
		resp, err := http.DefaultClient.Get(u) // want "http-default-client"
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func multiline(endpoint string) error {
	resp, err := http.Post( // want "http-default-client"
		endpoint,
		"text/plain",
		strings.NewReader("größe"),
	)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://inventory.internal/items") // want "http-default-client"
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
})
