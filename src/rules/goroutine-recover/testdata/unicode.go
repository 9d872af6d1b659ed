package workers

// Arbeiter für „Aufträge“ — 日本語 😀.
func arbeiter(aufträge <-chan string, erledige func(string)) {
	go func() { // want-advisory "goroutine-recover"
		for auftrag := range aufträge {
			erledige("😀 " + auftrag)
		}
	}()
}
