package shipping

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestRate(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	defer ts.Close()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := &Carrier{client: &http.Client{Transport: tr, Timeout: time.Second}, base: ts.URL}
	t.Run("missing", func(t *testing.T) {
		client := &http.Client{Timeout: time.Second}
		if _, err := client.Get(ts.URL); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := c.Rate("10115"); err != nil {
		t.Fatal(err)
	}
}

func get(t testing.TB, url string) *http.Response {
	t.Helper()
	client := &http.Client{Timeout: time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}
