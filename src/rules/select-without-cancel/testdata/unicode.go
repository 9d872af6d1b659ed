package worker

import "log"

// Nachrichten für „Größe“ — 日本語 😀.
func empfänger(eingang <-chan string, takt <-chan struct{}) {
	go func() {
		for { // want "select-without-cancel"
			select {
			case nachricht := <-eingang:
				log.Println("😀", nachricht)
			case <-takt:
			}
		}
	}()
}
