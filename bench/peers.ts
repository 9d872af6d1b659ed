/**
 * Our rules against the established Go analyzers that check the same things: runs the CLI over
 * the peers' own test data and compares its findings with the diagnostics the peers expect
 * there (`// want "…"` in golang/tools and prealloc, `//@ diag(…)` in staticcheck).
 *
 *   npm run peers [-- --root DIR] [--verbose]
 *
 * The peers are read from DIR (or PEERS_ROOT; default /work/corpus, then /work/.mirror), one
 * directory per repository named `<owner>+<name>`, either a checked-out tree or a bare mirror
 * (`<owner>+<name>/repo`, as the fetch tool leaves it), whose test data is extracted with
 * `git archive` into a temporary directory. Not part of CI: it needs the mirrors.
 *
 * Each deliberate difference is listed, with the catalog line that decides it, in
 * bench/peer-differences.json; the totals are printed with and without them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseGo, type SyntaxNode } from '../src/core/go/parser.js';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A check of a peer analyzer and the rule(s) of ours that ask for the same thing. */
interface PeerCheck {
  name: string;
  repo: string;
  /** Directory of its test data inside the repository. */
  dir: string;
  syntax: 'want' | 'staticcheck';
  rules: string[];
  /** go.mod files that set the Go version of the test data (extracted with it from a mirror). */
  modules: string[];
}

const MODERNIZE = 'go/analysis/passes/modernize/testdata/src';
const TOOLS_MOD = ['go.mod'];
const CHECKS: PeerCheck[] = [
  ...(
    [
      ['minmax', 'builtin-minmax'],
      ['bloop', 'benchmark-loop'],
      ['stringsbuilder', 'string-concat-loop'],
      ['slicescontains', 'manual-contains'],
      ['slicessort', 'sort-to-slices'],
      ['splitseq', 'split-seq'],
      ['fieldsseq', 'split-seq'],
      ['atomictypes', 'atomic-typed'],
      ['any', 'empty-interface'],
    ] as const
  ).map(([pass, rule]): PeerCheck => ({
    name: `modernize/${pass}`,
    repo: 'golang/tools',
    dir: `${MODERNIZE}/${pass}`,
    syntax: 'want',
    rules: [rule],
    modules: TOOLS_MOD,
  })),
  {
    name: 'vet/sigchanyzer',
    repo: 'golang/tools',
    dir: 'go/analysis/passes/sigchanyzer/testdata',
    syntax: 'want',
    rules: ['signal-channel-unbuffered'],
    modules: TOOLS_MOD,
  },
  {
    name: 'gopls/yield',
    repo: 'golang/tools',
    dir: 'gopls/internal/analysis/yield/testdata',
    syntax: 'want',
    rules: ['yield-unchecked'],
    modules: ['gopls/go.mod'],
  },
  {
    name: 'staticcheck/SA6002',
    repo: 'dominikh/go-tools',
    dir: 'staticcheck/sa6002/testdata',
    syntax: 'staticcheck',
    rules: ['sync-pool-pointer'],
    modules: ['go.mod'],
  },
  {
    name: 'staticcheck/SA6000',
    repo: 'dominikh/go-tools',
    dir: 'staticcheck/sa6000/testdata',
    syntax: 'staticcheck',
    rules: ['regexp-compile-in-func'],
    modules: ['go.mod'],
  },
  {
    name: 'prealloc',
    repo: 'alexkohler/prealloc',
    dir: 'testdata',
    syntax: 'want',
    rules: ['prealloc-slice'],
    modules: ['go.mod'],
  },
];

/** One entry of bench/peer-differences.json. */
interface Difference {
  repo: string;
  /** The peer's test file, from the repository root. */
  path: string;
  line: number;
  /** `missed`: the peer expects a diagnostic we deliberately do not give (or give at `ours`). `extra`: we report where the peer is silent. */
  kind: 'missed' | 'extra';
  rule: string;
  /** Where we report the same problem instead (default path: the peer's file). */
  ours?: { path?: string; line: number };
  reason: string;
  /** The catalog line (../shared/RULES.md) that decides it. */
  catalog: string;
}

interface DifferencesFile {
  commits: Record<string, string>;
  differences: Difference[];
}

/** A peer repository's files on this machine: a checked-out tree, or extracted from a bare mirror. */
interface PeerSource {
  repo: string;
  root: string;
  commit: string;
  cleanup?: () => void;
}

function git(gitDir: string, args: string[], input?: string): string {
  const r = spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${gitDir}: ${r.stderr}`);
  return r.stdout;
}

function isBareRepository(dir: string): boolean {
  return existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'));
}

/** The bare mirror of a repository under a root: `<root>/<owner>+<name>/repo` or `<root>/<owner>+<name>` itself. */
function bareMirror(root: string, repo: string): string | undefined {
  const base = join(root, repo.replace('/', '+'));
  return [join(base, 'repo'), base].find(isBareRepository);
}

function openPeer(root: string, repo: string, paths: string[], roots: readonly string[]): PeerSource | undefined {
  const base = join(root, repo.replace('/', '+'));
  if (!existsSync(base)) return undefined;
  if (paths.some((p) => existsSync(join(base, p)))) {
    // A checked-out tree: its commit from its own .git, else from a mirror of it beside it.
    const gitDir = existsSync(join(base, '.git')) ? join(base, '.git') : roots.map((r) => bareMirror(r, repo)).find(Boolean);
    const commit = gitDir ? git(gitDir, ['rev-parse', 'HEAD']).trim() : 'unknown';
    return { repo, root: base, commit };
  }
  const bare = bareMirror(root, repo);
  if (!bare) return undefined;
  // A bare mirror has no work tree: the test data and its go.mod files are extracted into a
  // temporary directory (never into this repository) and removed afterwards.
  const commit = git(bare, ['rev-parse', 'HEAD']).trim();
  const present = git(bare, ['ls-tree', '-r', '--name-only', commit, '--', ...paths]).split('\n').filter(Boolean);
  const out = mkdtempSync(join(tmpdir(), `peers-${repo.replace('/', '+')}-`));
  const tar = spawnSync('git', ['--git-dir', bare, 'archive', '--format=tar', commit, '--', ...present], { maxBuffer: 1 << 28 });
  if (tar.status !== 0) throw new Error(`git archive in ${bare}: ${tar.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', out], { input: tar.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr.toString()}`);
  return { repo, root: out, commit, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

function goFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...goFiles(p));
    else if (e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

function comments(node: SyntaxNode, out: SyntaxNode[]): SyntaxNode[] {
  if (node.type === 'comment') out.push(node);
  for (const child of node.namedChildren) comments(child, out);
  return out;
}

/** Go string literals ("…" or `…`) at the start of `text`, skipping fact expectations (`name:"…"`). */
function wantPatterns(text: string): number {
  let count = 0;
  const re = /\s*(?:(\w+):)?("(?:[^"\\]|\\.)*"|`[^`]*`)/y;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!m[1]) count++;
  return count;
}

/** The lines on which the peer expects a diagnostic, with how many it expects there. */
function expectations(source: string, syntax: PeerCheck['syntax']): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of comments(parseGo(source).rootNode, [])) {
    const text = c.text.startsWith('//') ? c.text.slice(2) : c.text.slice(2, -2);
    let n = 0;
    if (syntax === 'want') {
      const m = /^\s*want\s/.exec(text);
      if (m) n = wantPatterns(text.slice(m[0].length));
    } else if (/^@/.test(text)) {
      n = (text.match(/\bdiag\(/g) ?? []).length;
    }
    if (n > 0) out.set(c.startPosition.row + 1, (out.get(c.startPosition.row + 1) ?? 0) + n);
  }
  return out;
}

interface CliFinding {
  rule: string;
  path: string;
  line: number;
  lines?: number[];
}

function runCli(files: string[]): CliFinding[] {
  const cli = join(PROJECT, 'src/cli/bin.ts');
  const node = [process.execPath, '--import', 'tsx'];
  const help = spawnSync(node[0]!, [...node.slice(1), cli, 'check', '--help'], { cwd: PROJECT, encoding: 'utf8' });
  const advisory = /--advisory/.test(help.stdout) ? ['--advisory'] : [];
  const r = spawnSync(node[0]!, [...node.slice(1), cli, 'check', '--format', 'json', ...advisory, ...files], {
    cwd: PROJECT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  if (r.stderr.trim()) process.stderr.write(r.stderr);
  return JSON.parse(r.stdout) as CliFinding[];
}

interface Row {
  check: PeerCheck;
  expected: number;
  found: number;
  extra: number;
  deliberateMissed: number;
  deliberateExtra: number;
  misses: string[];
  extras: string[];
}

function ratio(a: number, b: number): string {
  return b === 0 ? '—' : (a / b).toFixed(3);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } });
  const roots = values.root ? [values.root] : process.env.PEERS_ROOT ? [process.env.PEERS_ROOT] : ['/work/corpus', '/work/.mirror'];
  const differencesFile = JSON.parse(readFileSync(join(PROJECT, 'bench/peer-differences.json'), 'utf8')) as DifferencesFile;

  const sources = new Map<string, PeerSource>();
  for (const repo of new Set(CHECKS.map((c) => c.repo))) {
    const paths = CHECKS.filter((c) => c.repo === repo).flatMap((c) => [c.dir, ...c.modules]);
    let source: PeerSource | undefined;
    for (const r of roots) if ((source = openPeer(r, repo, [...new Set(paths)], [...roots, '/work/.mirror']))) break;
    if (!source) throw new Error(`${repo} not found under ${roots.join(' or ')}: mirror it there (README: "Against the established analyzers")`);
    sources.set(repo, source);
    const pinned = differencesFile.commits[repo];
    if (pinned && source.commit !== pinned && source.commit !== 'unknown') {
      process.stderr.write(`note: ${repo} is at ${source.commit}; peer-differences.json was written at ${pinned} (lines may have moved)\n`);
    }
  }

  try {
    const filesOf = new Map<PeerCheck, string[]>();
    for (const check of CHECKS) filesOf.set(check, goFiles(join(sources.get(check.repo)!.root, check.dir)));
    const findings = runCli([...filesOf.values()].flat());
    const linesOf = new Map<string, Set<number>>(); // `${abs path}\0${rule}` → lines named
    for (const f of findings) {
      const key = `${resolve(PROJECT, f.path)}\0${f.rule}`;
      const set = linesOf.get(key) ?? new Set<number>();
      for (const l of f.lines ?? [f.line]) set.add(l);
      linesOf.set(key, set);
    }

    const used = new Set<Difference>();
    const rows: Row[] = [];
    for (const check of CHECKS) {
      const source = sources.get(check.repo)!;
      const row: Row = { check, expected: 0, found: 0, extra: 0, deliberateMissed: 0, deliberateExtra: 0, misses: [], extras: [] };
      for (const file of filesOf.get(check)!) {
        const rel = relative(source.root, file);
        const want = expectations(readFileSync(file, 'utf8'), check.syntax);
        const ours = new Set<number>();
        for (const rule of check.rules) for (const l of linesOf.get(`${file}\0${rule}`) ?? []) ours.add(l);
        const listed = differencesFile.differences.filter((x) => x.repo === check.repo && check.rules.includes(x.rule));
        const deliberateMiss = (line: number): Difference | undefined => listed.find((x) => x.kind === 'missed' && x.path === rel && x.line === line);
        // An extra is deliberate when listed, or when it is where we report a problem the peer places elsewhere.
        const deliberateExtra = (line: number): Difference | undefined =>
          listed.find((x) => x.kind === 'extra' && x.path === rel && x.line === line) ??
          listed.find((x) => x.kind === 'missed' && x.ours && (x.ours.path ?? x.path) === rel && x.ours.line === line);
        for (const [line, n] of want) {
          row.expected += n;
          if (ours.has(line)) row.found += n;
          else {
            const d = deliberateMiss(line);
            if (d) {
              used.add(d);
              row.deliberateMissed += n;
            }
            row.misses.push(`${rel}:${line}${d ? `  (deliberate: ${d.reason})` : ''}`);
          }
        }
        for (const line of [...ours].sort((a, b) => a - b)) {
          if (want.has(line)) continue;
          const d = deliberateExtra(line);
          if (d) {
            used.add(d);
            row.deliberateExtra++;
          }
          row.extra++;
          row.extras.push(`${rel}:${line}${d ? `  (deliberate: ${d.reason})` : ''}`);
        }
      }
      rows.push(row);
    }

    const table = [
      ['peer check', 'our rule', 'expected', 'found', 'silent, we report', 'deliberate missed', 'deliberate extra'],
      ...rows.map((r) => [r.check.name, r.check.rules.join(', '), r.expected, r.found, r.extra, r.deliberateMissed, r.deliberateExtra].map(String)),
    ];
    const sum = (k: 'expected' | 'found' | 'extra' | 'deliberateMissed' | 'deliberateExtra'): number => rows.reduce((a, r) => a + r[k], 0);
    const [expected, found, extra, dMissed, dExtra] = [sum('expected'), sum('found'), sum('extra'), sum('deliberateMissed'), sum('deliberateExtra')];
    table.push(['total', '', String(expected), String(found), String(extra), String(dMissed), String(dExtra)]);
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    for (const r of table) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    console.log('');
    console.log(`all differences counted:        recall ${ratio(found, expected)}  precision ${ratio(found, found + extra)}`);
    console.log(`deliberate differences aside:   recall ${ratio(found, expected - dMissed)}  precision ${ratio(found, found + extra - dExtra)}`);

    const real = rows.flatMap((r) => [
      ...r.misses.filter((m) => !m.includes('(deliberate')).map((m) => `missed  ${r.check.name}  ${m}`),
      ...r.extras.filter((m) => !m.includes('(deliberate')).map((m) => `extra   ${r.check.name}  ${m}`),
    ]);
    if (real.length > 0) console.log(`\nDifferences not listed as deliberate (${real.length}):\n  ${real.join('\n  ')}`);
    if (values.verbose) {
      const listed = rows.flatMap((r) => [...r.misses, ...r.extras].filter((m) => m.includes('(deliberate')).map((m) => `${r.check.name}  ${m}`));
      console.log(`\nDeliberate differences (${listed.length}):\n  ${listed.join('\n  ')}`);
    }
    const stale = differencesFile.differences.filter((d) => !used.has(d));
    if (stale.length > 0) {
      console.log(`\nListed differences that no longer occur (${stale.length}): remove them from bench/peer-differences.json`);
      for (const d of stale) console.log(`  ${d.kind} ${d.repo} ${d.path}:${d.line} ${d.rule}`);
    }
  } finally {
    for (const s of sources.values()) s.cleanup?.();
  }
}

await main();
