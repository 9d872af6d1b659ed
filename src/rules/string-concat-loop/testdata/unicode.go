package unicode

// Überschriften mit Pfeilen → und Emoji ✓.
func pfeile(wörter []string) string {
	ergebnis := "→ "
	for _, w := range wörter {
		ergebnis += w + " ✓ " // want-advisory "string-concat-loop"
	}
	return ergebnis
}
