package magasin

import "iter"

// Éléments — « itérateur naïf ».
type Étagère struct {
	articles []string
}

func (é *Étagère) Tous() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, a := range é.articles {
			yield(i, a) // want "yield-unchecked"
		}
	}
}
