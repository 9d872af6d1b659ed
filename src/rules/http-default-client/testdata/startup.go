package main

import (
	"io"
	"log"
	"net/http"
)

// Fetching settings once at start-up: a hang is seen by whoever starts the program.
func main() {
	resp, err := http.Get("http://config.internal/settings.json") // want-advisory "http-default-client"
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()

	http.HandleFunc("/rates", func(w http.ResponseWriter, r *http.Request) {
		// Per request: a hung upstream holds this handler's goroutine.
		up, err := http.Get("http://rates.internal/today") // want "http-default-client"
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer up.Body.Close()
		io.Copy(w, up.Body)
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
