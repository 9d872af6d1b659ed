package métriques

import "sync"

// Compteur de requêtes — « pas de verrou pour un seul incrément ».
type Compteur struct {
	mu     sync.Mutex
	requêtes int64
}

func (c *Compteur) Incrémenter() {
	c.mu.Lock() // want "atomic-counter"
	c.requêtes++ // ✓ seul énoncé
	c.mu.Unlock()
}
