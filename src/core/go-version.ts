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
