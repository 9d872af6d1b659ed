package relay

import (
	nethttp "net/http"
	"time"
)

func forward(url string) error {
	c := &nethttp.Client{Timeout: 5 * time.Second} // want "http-client-per-call"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
