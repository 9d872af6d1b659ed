package cache

import a "runtime/arena" // want "weak-pointer"

// Réutilisation « arène » ünïcödé 日本語.
func scratch() *a.Arena { return a.NewArena() }
