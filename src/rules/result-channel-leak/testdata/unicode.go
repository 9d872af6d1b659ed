package client

import "time"

// Ergebnis: „Größe“ in 日本語 😀 — die Spalten müssen stimmen.
func größe(berechne func() string) string {
	ergebnis := make(chan string) // want "result-channel-leak"
	go func() { ergebnis <- "😀 " + berechne() }()
	select {
	case s := <-ergebnis:
		return s
	case <-time.After(time.Second):
		return "zu spät"
	}
}
