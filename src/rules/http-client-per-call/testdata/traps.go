package shipping

import (
	"net"
	"net/http"
	"sync"
	"time"
)

var sharedClient = &http.Client{
	Timeout: 30 * time.Second,
	Transport: &http.Transport{
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 10,
		IdleConnTimeout:     90 * time.Second,
	},
}

var (
	fastTransport = &http.Transport{MaxConnsPerHost: 50}
	fastClient    = http.Client{Transport: fastTransport, Timeout: time.Second}
)

var tracking = func() *http.Client {
	return &http.Client{Timeout: 5 * time.Second}
}()

var defaultClient *http.Client

func init() {
	defaultClient = &http.Client{Timeout: 10 * time.Second}
}

type Carrier struct {
	client *http.Client
	base   string
	once   sync.Once
	lazy   *http.Client
}

func NewCarrier(base string) *Carrier {
	return &Carrier{
		base: base,
		client: &http.Client{
			Timeout:   10 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: 20},
		},
	}
}

func newTransport() *http.Transport {
	return &http.Transport{MaxIdleConnsPerHost: 20, IdleConnTimeout: 90 * time.Second}
}

func (c *Carrier) httpClient() *http.Client {
	c.once.Do(func() {
		c.lazy = &http.Client{Timeout: 5 * time.Second}
	})
	return c.lazy
}

var onceClient = sync.OnceValue(func() *http.Client {
	return &http.Client{Timeout: 5 * time.Second}
})

func (c *Carrier) ensureClient() *http.Client {
	if c.client == nil {
		c.client = &http.Client{Timeout: 10 * time.Second}
	}
	return c.client
}

func configure(timeout time.Duration) {
	defaultClient = &http.Client{Timeout: timeout}
}

func (c *Carrier) Rate(zip string) (*http.Response, error) {
	return c.client.Get(c.base + "/rates/" + zip)
}

func clone() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone()
}

func main() {
	client := &http.Client{Timeout: time.Minute}
	go func() {
		tr := &http.Transport{MaxIdleConns: 10}
		_ = tr
	}()
	resp, err := client.Get("https://carrier.example/ping")
	if err == nil {
		resp.Body.Close()
	}
}

// dumpRequest records what a request looks like on the wire through a throwaway transport.
func dumpRequest(req *http.Request, dial func(network, addr string) (net.Conn, error)) error {
	t := &http.Transport{Dial: dial}
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	return err
}

type API struct {
	client *http.Client
	token  string
}

type Service struct {
	api *API
}

func (s *Service) Start(token string) {
	s.api = &API{
		token:  token,
		client: &http.Client{Timeout: 10 * time.Second},
	}
}
