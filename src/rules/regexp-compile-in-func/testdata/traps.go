package validate

import (
	"fmt"
	"regexp"
	"sync"
)

// Compiled once, at package level.
var (
	reWord  = regexp.MustCompile(`\w+`)
	reSpace = func() *regexp.Regexp { return regexp.MustCompile(`\s+`) }()
	reKey   = buildKeyPattern()
)

func buildKeyPattern() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Z_]+$`)
}

func init() {
	reNumber = regexp.MustCompile(`^\d+$`)
}

var reNumber *regexp.Regexp

// Lazily, once.
var (
	lazyOnce sync.Once
	lazyRe   *regexp.Regexp
	cached   *regexp.Regexp
)

func lazy() *regexp.Regexp {
	lazyOnce.Do(func() {
		lazyRe = regexp.MustCompile(`^lazy$`)
	})
	return lazyRe
}

var onceValue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^once$`)
})

func lazyNil() *regexp.Regexp {
	if cached == nil {
		cached = regexp.MustCompile(`^cached$`)
	}
	return cached
}

// The pattern is built at run time: it must be compiled here.
func field(name string) *regexp.Regexp {
	return regexp.MustCompile("^" + regexp.QuoteMeta(name) + "=(.*)$")
}

func fromFormat(prefix string) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf("^%s-[0-9]+$", prefix))
}

func fromParam(pattern string) (*regexp.Regexp, error) {
	return regexp.Compile(pattern)
}

// A pattern constant from another file: the rule cannot see it.
func fromOtherFile() *regexp.Regexp {
	return regexp.MustCompile(otherFilePattern)
}

// MatchString outside a loop: once per call, as the catalog scopes it.
func matchOnce(s string) bool {
	ok, _ := regexp.MatchString(`^ok$`, s)
	return ok
}

// Calls on a compiled value, not the package.
func useCompiled(lines []string) int {
	n := 0
	for _, l := range lines {
		if reWord.MatchString(l) {
			n++
		}
	}
	return n
}

// A per-object cache filled on first use.
type Lexer struct{ ident *regexp.Regexp }

func (l *Lexer) identPattern() *regexp.Regexp {
	if l.ident == nil {
		l.ident = regexp.MustCompile(`^[\pL_][\pL\pN_]*`)
	}
	return l.ident
}
