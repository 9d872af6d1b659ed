package gateway

import (
	"testing"

	http "example.com/internal/fakehttp"
)

func TestRoutes(t *testing.T) {
	if _, err := http.Get("/health"); err != nil {
		t.Fatal(err)
	}
}
