package crawl

// Größen in 日本語 und 😀: Spalten in UTF-16.
func verarbeite(aufträge []string, ausgabe func(string)) {
	for _, auftrag := range aufträge {
		go ausgabe("😀 " + auftrag) // want "unbounded-goroutines"
	}
}
