package serveur

import (
	"errors"
	"sync"
)

var ErrDéjàDémarré = errors.New("déjà démarré")

// Serveur — « démarrer une seule fois ».
type Serveur struct {
	démarré bool
	wg      sync.WaitGroup
}

func (s *Serveur) Start() error {
	if s.démarré { // want "start-once-cas"
		return ErrDéjàDémarré
	}
	s.démarré = true
	s.wg.Add(1)
	go func() { defer s.wg.Done() }()
	return nil
}
