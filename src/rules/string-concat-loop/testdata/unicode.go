package unicode

// Überschriften mit Pfeilen → und Emoji ✓.
func pfeile(wörter []string) string {
	ergebnis := "→ "
	for _, w := range wörter {
		ergebnis += w + " ✓ " // want "string-concat-loop"
	}
	return ergebnis
}
