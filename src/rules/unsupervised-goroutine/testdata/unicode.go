package server

import "fmt"

// Größe: ein Kommentar mit Umlauten, 日本語 und 😀, damit die Spalten stimmen.
func benachrichtigen(nachricht string) {
	grüße := "héllo 😀"
	go func() { fmt.Println(grüße, nachricht) }() // want-advisory "unsupervised-goroutine"
}
