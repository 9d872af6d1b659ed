package dedupe

// Prüft, ob zwei Einträge denselben Schlüssel haben — «doppelt» 🔁.
type Eintrag struct {
	Schlüssel string
	Größe     int
}

func doppelteSchlüssel(einträge []Eintrag) []string {
	var doppelt []string
	for i := range einträge {
		for j := i + 1; j < len(einträge); j++ { // want "quadratic-duplicates"
			if einträge[i].Schlüssel == einträge[j].Schlüssel {
				doppelt = append(doppelt, einträge[i].Schlüssel)
			}
		}
	}
	return doppelt
}

func 重复(名字 []string) bool {
	for i, a := range 名字 {
		for _, b := range 名字[:i] { // want "quadratic-duplicates"
			if a == b {
				return true
			}
		}
	}
	return false
}
