package i18n

// Übersetzungen: Schlüssel → Text (日本語もOK).
type Entry struct {
	Schlüssel string
	Text      string
}

func tabelle(einträge []Entry) map[string]string {
	größe := "naïve"
	_ = größe
	t := map[string]string{} // want "prealloc-map"
	for _, e := range einträge {
		t[e.Schlüssel] = e.Text + " — ✓"
	}
	return t
}
