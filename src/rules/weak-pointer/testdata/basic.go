//go:build goexperiment.arenas

package cache

import (
	"runtime/arena" // want "weak-pointer"
	"sync"
	"time"
)

// The standard's "smart cache": runtime/arena has no weak references.
type CacheItem struct {
	Data      []byte
	Timestamp time.Time
}

type SmartCache struct {
	arena *arena.Arena
	mutex sync.RWMutex
}

func NewSmartCache() *SmartCache {
	return &SmartCache{arena: arena.NewArena()}
}
