package consumer

import "time"

// Zeitüberschreitung für „Größe“ — 日本語 😀.
func empfange(eingang <-chan string, ausgabe func(string)) {
	for {
		select {
		case s := <-eingang:
			ausgabe("😀 " + s)
		case <-time.After(time.Second): // want-advisory "time-after-in-loop"
			return
		}
	}
}
