package queue

// Warteschlange für Aufträge — 日本語, 😀.
func auftragsschlange() chan string {
	aufträge := make(chan string) // want-advisory "unbuffered-channel"
	go func() { aufträge <- "😀" }()
	return aufträge
}
