package layout

// Largeur « maximale » : ünïcödé 日本語 must not shift columns.
func largeur(gauche, droite int) int {
	var résultat int
	if gauche > droite { // want "builtin-minmax"
		résultat = gauche
	} else {
		résultat = droite
	}
	return résultat
}

func 最小(甲, 乙 int) int {
	値 := 甲
	if 乙 < 値 { // want "builtin-minmax"
		値 = 乙
	}
	return 値
}
