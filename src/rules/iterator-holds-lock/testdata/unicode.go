package entrepôt

import (
	"iter"
	"sync"
)

// Entrepôt — « itérer sous verrou ».
type Entrepôt struct {
	verrou sync.RWMutex
	stock  map[string]int
}

func (e *Entrepôt) Tout() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		e.verrou.RLock() // want "iterator-holds-lock"
		defer e.verrou.RUnlock()
		for nom, qté := range e.stock {
			if !yield(nom, qté) {
				return
			}
		}
	}
}
