package compteur

import "sync/atomic"

// Jetons disponibles — « ajout atomique ».
var jetons atomic.Int64

func rendre(n int64) {
	for { // want "cas-loop-add"
		ancien := jetons.Load() // lecture
		if jetons.CompareAndSwap(ancien, ancien+n) {
			break // réussi ✓
		}
	}
}
