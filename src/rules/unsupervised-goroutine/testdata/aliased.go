package server

import (
	nethttp "net/http"
)

func debugServer() {
	go nethttp.ListenAndServe(":6060", nil)                      // want "unsupervised-goroutine"
	go nethttp.ListenAndServeTLS(":6443", "c.pem", "k.pem", nil) // want "unsupervised-goroutine"
}
