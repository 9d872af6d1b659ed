package annuaire

// Annuaire — « parcourir les entrées ».
type Annuaire struct {
	entrées map[string]string
}

func (a *Annuaire) ForEach(f func(nom, numéro string)) { // want-advisory "prefer-iterator"
	for nom, numéro := range a.entrées {
		f(nom, numéro)
	}
}
