package access

import "slices"

// Gesperrte Benutzer — «Sperrliste» 🚫, über die äußere Schleife hinweg gleich.
func erlaubte(benutzer []string, sperrliste []string) []string {
	var übrig []string
	for _, name := range benutzer {
		if !slices.Contains(sperrliste, name) { // want-advisory "nested-linear-search"
			übrig = append(übrig, name)
		}
	}
	return übrig
}

func 交集(甲, 乙 []int) []int {
	var 结果 []int
	for _, x := range 甲 {
		for _, y := range 乙 { // want-advisory "nested-linear-search"
			if y == x {
				结果 = append(结果, x)
				break
			}
		}
	}
	return 结果
}
