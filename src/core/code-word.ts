/**
 * The code's own word (signal policy, rule 4): a comment that explains the choice, or a
 * directive a team already has for the peer linter that checks the same thing, silences a
 * finding.
 *
 * - An explanation is a comment on the flagged line, or alone on the line above it, that names
 *   the rule's subject (its `subjects` words, matched as word prefixes: `allocat` matches
 *   "allocates") or says the choice is deliberate. Test markers (`// want …`) and directives
 *   never count as explanations.
 * - Directives, with golangci-lint's scope (on the flagged line, or for the whole declaration
 *   or statement when the directive stands alone on the line above it or on its first line):
 *   `//nolint` (every rule) and `//nolint:<linter>[,…]`; staticcheck's `//lint:ignore <check>
 *   <reason>` (and `//lint:file-ignore` for the file); gosec's `// #nosec [<rule>…]`.
 *   A rule's `peers` name what it answers to: `linter` or `linter:CHECK` (e.g. `staticcheck:SA6002`,
 *   `gosec:G112`, `errcheck`); the rule's own id and `go-standards` always count for `nolint`.
 */
import type { Finding } from './model.js';

/** What silences a rule besides `go-standards:ignore`: its subject words and its peers. */
export interface CodeWordVocabulary {
  subjects: readonly string[];
  peers: readonly string[];
}

/** Words that say a choice was made on purpose, whatever the rule. */
const DELIBERATE = /\b(intentional\w*|on purpose|deliberate\w*|by design|must not|do not change|don't change)\b/i;
const TEST_MARKER = /^\s*want(-todo|-advisory)?\b/;
/** A test marker after the comment's own words (`// O(n²) here // want "rule"`): not part of them. */
const TRAILING_MARKER = /\/\/\s*want(-todo|-advisory)?\b.*$/;

interface LineComment {
  /** The comment's text after `//` (or inside `/* … *\/`). */
  text: string;
  /** Whether it is alone on its line. */
  standalone: boolean;
}

/**
 * Comments per 1-based line, read from the text: `//` outside string and rune literals, and
 * one-line block comments. Only lines that hold a comment are present.
 */
export function lineComments(source: string): Map<number, LineComment[]> {
  const out = new Map<number, LineComment[]>();
  if (!source.includes('//') && !source.includes('/*')) return out;
  const lines = source.split('\n');
  let inRaw = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (!inRaw && !text.includes('/') && !text.includes('`')) continue;
    let j = 0;
    let quote: string | null = inRaw ? '`' : null;
    while (j < text.length) {
      const c = text[j]!;
      if (quote) {
        if (c === '\\' && quote !== '`') j++;
        else if (c === quote) quote = null;
        j++;
        continue;
      }
      if (c === '"' || c === "'" || c === '`') {
        quote = c;
        j++;
        continue;
      }
      if (c === '/' && text[j + 1] === '/') {
        push(out, i + 1, { text: text.slice(j + 2), standalone: text.slice(0, j).trim() === '' });
        break;
      }
      if (c === '/' && text[j + 1] === '*') {
        const end = text.indexOf('*/', j + 2);
        if (end < 0) break;
        push(out, i + 1, { text: text.slice(j + 2, end), standalone: text.slice(0, j).trim() === '' && text.slice(end + 2).trim() === '' });
        j = end + 2;
        continue;
      }
      j++;
    }
    inRaw = quote === '`';
  }
  return out;
}

function push(map: Map<number, LineComment[]>, line: number, c: LineComment): void {
  const list = map.get(line);
  if (list) list.push(c);
  else map.set(line, [c]);
}

type Directive = { kind: 'nolint'; linters: string[] | null } | { kind: 'lint-ignore'; checks: string[]; file: boolean } | { kind: 'nosec'; rules: string[] };

const NOLINT = /^\s*nolint(?::([\w,.-]+))?(?=\s|$|\/\/)/;
const LINT_IGNORE = /^lint:(ignore|file-ignore)\s+(\S+)\s+\S/;
const NOSEC = /(?:^|\s)#nosec(?:\s+((?:G\d+[\s,]*)+))?/;

/** What each directive pattern above requires in the comment's text. */
const DIRECTIVE_WORDS: readonly string[] = ['nolint', 'lint:', '#nosec'];

/** The directive a comment holds, if any. */
export function readPeerDirective(text: string): Directive | null {
  const nolint = NOLINT.exec(text);
  if (nolint) return { kind: 'nolint', linters: nolint[1] ? nolint[1].split(',').filter(Boolean).map((l) => l.toLowerCase()) : null };
  const ignore = LINT_IGNORE.exec(text);
  if (ignore) return { kind: 'lint-ignore', checks: ignore[2]!.split(','), file: ignore[1] === 'file-ignore' };
  const nosec = NOSEC.exec(text);
  if (nosec) return { kind: 'nosec', rules: nosec[1] ? nosec[1].split(/[\s,]+/).filter(Boolean) : [] };
  return null;
}

function peerParts(peer: string): { linter: string; check?: string } {
  const [linter, check] = peer.split(':');
  return { linter: linter!.toLowerCase(), check };
}

/** Whether a directive silences this rule. */
export function directiveSilences(d: Directive, rule: string, vocabulary: CodeWordVocabulary): boolean {
  const peers = vocabulary.peers.map(peerParts);
  switch (d.kind) {
    case 'nolint':
      return d.linters === null || d.linters.some((l) => l === rule || l === 'go-standards' || peers.some((p) => p.linter === l));
    case 'lint-ignore':
      return d.checks.some((c) => peers.some((p) => p.linter === 'staticcheck' && p.check !== undefined && matchesCheck(c, p.check)));
    case 'nosec':
      return peers.some((p) => p.linter === 'gosec' && (d.rules.length === 0 || (p.check !== undefined && d.rules.includes(p.check))));
  }
}

/** staticcheck's check patterns: `SA6002`, `SA6*`, `*`. */
function matchesCheck(pattern: string, check: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return check.startsWith(pattern.slice(0, -1));
  return pattern === check;
}

/** Whether a comment explains the choice the rule questions. */
export function explains(text: string, vocabulary: CodeWordVocabulary): boolean {
  if (TEST_MARKER.test(text) || readPeerDirective(text) || /^\s*go-standards:/.test(text)) return false;
  const words = text.replace(TRAILING_MARKER, '');
  if (DELIBERATE.test(words)) return true;
  const lower = words.toLowerCase();
  return vocabulary.subjects.some((word) => new RegExp(`\\b${escape(word.toLowerCase())}`).test(lower));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface CodeWordContext {
  source: string;
  /** Rule id → its vocabulary; rules without one are silenced only by a bare `//nolint`. */
  vocabulary: (rule: string) => CodeWordVocabulary;
  /**
   * The last line of the declaration or statement that starts on `line` (its first token is the
   * line's first), or undefined when none does: the scope of a standalone directive.
   */
  extentFrom: (line: number) => number | undefined;
}

export interface CodeWordResult {
  kept: Finding[];
  /** Findings silenced, each with what silenced it. */
  silenced: Array<{ finding: Finding; by: 'explanation' | 'directive' }>;
}

/** Splits findings into those the code's own word silences and the rest. */
export function applyCodeWord(findings: readonly Finding[], ctx: CodeWordContext): CodeWordResult {
  if (findings.length === 0) return { kept: [], silenced: [] };
  const comments = lineComments(ctx.source);
  if (comments.size === 0) return { kept: [...findings], silenced: [] };
  // Standalone directives cover the construct that starts on the next line, or the one they
  // stand on the first line of; file-wide staticcheck directives cover everything.
  const scoped: Array<{ from: number; to: number; d: Directive }> = [];
  const fileWide: Directive[] = [];
  // Every directive holds one of these words: without them no comment is read as one.
  const mayHoldDirective = DIRECTIVE_WORDS.some((w) => ctx.source.includes(w));
  for (const [line, list] of mayHoldDirective ? comments : []) {
    for (const c of list) {
      const d = readPeerDirective(c.text);
      if (!d) continue;
      if (d.kind === 'lint-ignore' && d.file) {
        fileWide.push(d);
        continue;
      }
      scoped.push({ from: line, to: line, d });
      const start = c.standalone ? line + 1 : line;
      const end = ctx.extentFrom(start);
      if (end !== undefined) scoped.push({ from: start, to: end, d });
    }
  }
  const kept: Finding[] = [];
  const silenced: CodeWordResult['silenced'] = [];
  for (const f of findings) {
    const vocabulary = ctx.vocabulary(f.rule);
    const line = f.span.startLine;
    const byDirective =
      fileWide.some((d) => directiveSilences(d, f.rule, vocabulary)) ||
      scoped.some((s) => s.from <= line && line <= s.to && directiveSilences(s.d, f.rule, vocabulary));
    if (byDirective) {
      silenced.push({ finding: f, by: 'directive' });
      continue;
    }
    const here = comments.get(line) ?? [];
    const above = (comments.get(line - 1) ?? []).filter((c) => c.standalone);
    if ([...here, ...above].some((c) => explains(c.text, vocabulary))) {
      silenced.push({ finding: f, by: 'explanation' });
      continue;
    }
    kept.push(f);
  }
  return { kept, silenced };
}
