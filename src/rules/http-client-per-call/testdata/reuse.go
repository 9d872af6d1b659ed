package registry

import (
	"crypto/tls"
	"net/http"
	"sync"
	"time"
)

// Clients around a RoundTripper passed in or kept elsewhere reuse its connections.
func fetchWith(rt http.RoundTripper, url string) (*http.Response, error) {
	c := &http.Client{Transport: rt, Timeout: 10 * time.Second}
	return c.Get(url)
}

type Plugin struct {
	transport http.RoundTripper
	endpoint  string
}

func (p *Plugin) Authorize(req *http.Request) (*http.Response, error) {
	client := &http.Client{Transport: p.transport}
	return client.Do(req)
}

func (p *Plugin) mirror(url string) (*http.Response, error) {
	client := &http.Client{Transport: defaultTransport(nil)}
	return client.Get(url)
}

// Factories: what they build is returned or kept, whatever their name.
func defaultTransport(cfg *tls.Config) *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		TLSClientConfig:     cfg,
		MaxIdleConnsPerHost: 8,
	}
}

func dialClient(dial func(string, string) (any, error)) (*http.Client, error) {
	tr := &http.Transport{MaxIdleConns: 4}
	client := &http.Client{Transport: tr}
	_ = dial
	return client, nil
}

func buildClient() (c *http.Client) {
	c = &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{TLSHandshakeTimeout: 10 * time.Second},
	}
	return
}

type Option func(*Settings)

type Settings struct{ client *http.Client }

func WithHTTPClient(c *http.Client) Option { return func(s *Settings) { s.client = c } }

func sshOptions(insecure bool) ([]Option, error) {
	var opts []Option
	if insecure {
		httpClient := &http.Client{
			Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		}
		opts = append(opts, WithHTTPClient(httpClient))
	}
	return opts, nil
}

type Backend struct {
	sdk *SDK
}

type SDK struct{ hc *http.Client }

func NewSDK(base string, hc *http.Client) *SDK { return &SDK{hc: hc} }

func (b *Backend) configure(base string) error {
	b.sdk = NewSDK(base, &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: 2},
	})
	return nil
}

var clients sync.Map

func clientFor(host string) *http.Client {
	if c, ok := clients.Load(host); ok {
		return c.(*http.Client)
	}
	c := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 16}}
	clients.Store(host, c)
	return c
}

// A one-off flow whose transport is set afterwards from elsewhere.
func loginFlow(wrap func(http.RoundTripper) http.RoundTripper) (*http.Response, error) {
	httpClient := &http.Client{}
	httpClient.Transport = wrap(httpClient.Transport)
	return httpClient.Get("https://login.example/device")
}
