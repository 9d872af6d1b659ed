package relay

import (
	nethttp "net/http"
	"time"
)

func forward(url string) error {
	c := &nethttp.Client{ // want "http-client-per-call"
		Timeout:   5 * time.Second,
		Transport: &nethttp.Transport{MaxIdleConnsPerHost: 4},
	}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
