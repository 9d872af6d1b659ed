/**
 * The layers the source keeps: rules import the core and their own folder, never another rule;
 * the core never imports the rules; the analysis (src/core, src/rules) touches no GitHub client,
 * file system or network; the Go library (src/core/go) has no import cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testdata' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: static and dynamic imports, re-exports and `require` calls. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*['"]([^'"]+)['"]|(?:\bimport|\brequire)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

/** The source file a relative specifier points at (`./x.js` → `…/x.ts`), or null for a package. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
}

const rel = (path: string): string => relative(root, path);
const rulesDir = join(src, 'rules');
/** Files of the rules layer every rule may use. */
const RULES_SHARED = new Set(['define-rule.ts', 'docs.ts'].map((f) => join(rulesDir, f)));

/** A rule's folder (`src/rules/<id>`) for a file inside one, else null. */
function ruleFolder(path: string): string | null {
  const inside = relative(rulesDir, path);
  if (inside.startsWith('..')) return null;
  const parts = inside.split(/[\\/]/);
  return parts.length > 1 ? join(rulesDir, parts[0]!) : null;
}

/** Packages that reach GitHub, the file system or the network. */
const IMPURE = /^(?:probot|@octokit\/.*|(?:node:)?(?:fs|fs\/promises|net|http|https|http2|tls|dgram|child_process))$/;

describe('layering', () => {
  const analysis = [...sourceFiles(join(src, 'core')), ...sourceFiles(rulesDir)];

  it('rules import only the core, their own folder and the rules layer’s shared files', () => {
    const crossings: string[] = [];
    for (const file of sourceFiles(rulesDir)) {
      const own = ruleFolder(file);
      if (!own) continue; // src/rules/index.ts lists every rule
      for (const s of specifiers(file)) {
        const to = target(file, s);
        if (!to) continue;
        const ok = to.startsWith(join(src, 'core') + '/') || ruleFolder(to) === own || RULES_SHARED.has(to);
        if (!ok) crossings.push(`${rel(file)} imports ${rel(to)}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('the core never imports the rules', () => {
    const upward = sourceFiles(join(src, 'core')).flatMap((file) =>
      specifiers(file)
        .map((s) => target(file, s))
        .filter((to): to is string => to !== null && !relative(rulesDir, to).startsWith('..'))
        .map((to) => `${rel(file)} imports ${rel(to)}`),
    );
    expect(upward).toEqual([]);
  });

  it('the analysis touches no GitHub client, file system or network', () => {
    const impure = analysis.flatMap((file) => specifiers(file).filter((s) => IMPURE.test(s)).map((s) => `${rel(file)} imports ${s}`));
    expect(impure).toEqual([]);
  });

  it('the Go library has no import cycle', () => {
    const goDir = join(src, 'core', 'go');
    const edges = new Map(
      sourceFiles(goDir).map((file) => [
        file,
        specifiers(file)
          .map((s) => target(file, s))
          .filter((to): to is string => to !== null && dirname(to) === goDir),
      ]),
    );
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      if (done.has(file)) return;
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      done.add(file);
    };
    for (const file of edges.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
