/** Go language versions as written in go.mod (`1.21`, `1.21.3`, `1.24rc1`), compared by minor. */

/** The newest Go the rules know about: assumed when a module states no version. */
export const NEWEST_GO = '1.24';

export function parseGoVersion(text: string): [number, number] | null {
  const m = /^(?:go)?(\d+)\.(\d+)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** True when `have` is at least `need` (major.minor). Unreadable versions count as newest. */
export function goAtLeast(have: string | undefined, need: string): boolean {
  if (!have) return true;
  const h = parseGoVersion(have);
  const n = parseGoVersion(need);
  if (!h || !n) return true;
  return h[0] !== n[0] ? h[0] > n[0] : h[1] >= n[1];
}

/** The `go` directive of a go.mod file (`go 1.22` / `go 1.22.3`), or undefined. */
export function goModVersion(goMod: string): string | undefined {
  const m = /^\s*go\s+(\d+\.\d+(?:\.\d+)?\S*)\s*(?:\/\/.*)?$/m.exec(goMod);
  return m ? m[1] : undefined;
}

/**
 * The Go version a `//go:build` line before the package clause requires, when it is a plain
 * conjunction containing `go1.N` (e.g. `go1.21 && linux`); undefined for anything subtler.
 */
export function buildConstraintGoVersion(source: string): string | undefined {
  const pkg = /^package\s/m.exec(source);
  const head = pkg ? source.slice(0, pkg.index) : '';
  const m = /^\/\/go:build\s+(.+)$/m.exec(head);
  if (!m) return undefined;
  const expr = m[1]!.trim();
  if (expr.includes('||') || /!\s*\(?\s*go1\./.test(expr)) return undefined;
  let best: string | undefined;
  for (const v of expr.matchAll(/\bgo(1\.\d+)\b/g)) if (!best || !goAtLeast(best, v[1]!)) best = v[1]!;
  return best;
}

type Truth = boolean | undefined;

/**
 * Whether a file's `//go:build` line (before the package clause) rules it out for every Go
 * toolchain the module can be built with: `!go1.21` under a module at `go 1.24`. A module at
 * `go 1.M` needs a toolchain of at least 1.M, so a `go1.N` tag is true for N ≤ M and unknown
 * above; every other tag (an OS, an architecture, a custom tag) is unknown. Excluded only when
 * the expression is false whatever the unknown tags are.
 */
export function buildExcludesGo(source: string, moduleVersion: string | undefined): boolean {
  if (moduleVersion === undefined) return false;
  const pkg = /^package\s/m.exec(source);
  const head = pkg ? source.slice(0, pkg.index) : '';
  const m = /^\/\/go:build\s+(.+)$/m.exec(head);
  if (!m) return false;
  const tokens = m[1]!.trim().match(/\|\||&&|!|\(|\)|[\w.-]+/g) ?? [];
  let at = 0;
  const tag = (name: string): Truth => {
    const v = /^go(1\.\d+)$/.exec(name);
    return v && goAtLeast(moduleVersion, v[1]!) ? true : undefined;
  };
  const not = (x: Truth): Truth => (x === undefined ? undefined : !x);
  const and = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a === true && b === true ? true : undefined);
  const or = (a: Truth, b: Truth): Truth => (a === true || b === true ? true : a === false && b === false ? false : undefined);
  const unary = (): Truth => {
    const t = tokens[at++];
    if (t === '!') return not(unary());
    if (t === '(') {
      const v = disjunction();
      at++; // ')'
      return v;
    }
    return t === undefined ? undefined : tag(t);
  };
  const conjunction = (): Truth => {
    let v = unary();
    while (tokens[at] === '&&') {
      at++;
      v = and(v, unary());
    }
    return v;
  };
  const disjunction = (): Truth => {
    let v = conjunction();
    while (tokens[at] === '||') {
      at++;
      v = or(v, conjunction());
    }
    return v;
  };
  return disjunction() === false;
}
