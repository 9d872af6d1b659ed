/**
 * The signal policy's steps after the rules ran on a file (see the rule catalog's "Signal
 * policy"), each pure and applied by the engine in this order, after the code's own word
 * (code-word.ts):
 *
 * - the test-code policy: in test code (any kind but production), advice (every rule whose declared severity is not
 *   `error`, other than `benchmark-loop`) is at most advisory, except inside `Benchmark*`
 *   functions;
 * - one comment per cause: several findings of one rule in one function (or one composite
 *   literal at top level) become one finding that names the lines;
 * - tier resolution: the evidence tier, then the configured tier, then the rule's default tier.
 */
import { codeKind } from './code-kind.js';
import { ancestors } from './go/ancestry.js';
import type { SyntaxNode } from './go/parser.js';
import type { LineIndex } from './fix.js';
import type { Finding, Severity, Tier } from './model.js';

/**
 * Whether a file is test code in the policy's sense, where advice is at most advisory: every
 * kind but production (tests and their helpers, examples, mocks, vendored copies; see
 * code-kind.ts).
 */
export function isTestCode(path: string): boolean {
  return codeKind(path) !== 'production';
}

/** Rules whose findings keep their tier in test code whatever their severity. */
const KEEP_IN_TESTS: ReadonlySet<string> = new Set(['benchmark-loop']);

/**
 * The lines (1-based) of each top-level node, read once per file: every finding looks its line
 * up, and a position is a native call per node.
 */
const topLevelLines = new WeakMap<readonly SyntaxNode[], Int32Array>();

/** The top-level declaration a line falls in, if any. */
function topLevelAt(topLevel: readonly SyntaxNode[], line: number): SyntaxNode | undefined {
  let lines = topLevelLines.get(topLevel);
  if (!lines) {
    lines = new Int32Array(topLevel.length * 2);
    topLevel.forEach((d, i) => {
      lines![2 * i] = d.startPosition.row + 1;
      lines![2 * i + 1] = d.endPosition.row + 1;
    });
    topLevelLines.set(topLevel, lines);
  }
  for (let i = 0; i < topLevel.length; i++) if (lines[2 * i]! <= line && line <= lines[2 * i + 1]!) return topLevel[i];
  return undefined;
}

function isFunction(node: SyntaxNode): boolean {
  return node.type === 'function_declaration' || node.type === 'method_declaration';
}

function isBenchmark(decl: SyntaxNode | undefined): boolean {
  if (!decl || decl.type !== 'function_declaration') return false;
  return /^Benchmark/.test(decl.childForFieldName('name')?.text ?? '');
}

/**
 * In test code, findings of rules declared below `error` (but `benchmark-loop`) become advisory,
 * except inside `Benchmark*` functions.
 */
export function applyTestCodePolicy(
  findings: readonly Finding[],
  path: string,
  declaredSeverity: (rule: string) => Severity | undefined,
  topLevel: () => readonly SyntaxNode[],
): Finding[] {
  if (!isTestCode(path)) return [...findings];
  return findings.map((f) => {
    if (f.tier === 'advisory' || KEEP_IN_TESTS.has(f.rule)) return f;
    const severity = declaredSeverity(f.rule);
    if (severity === undefined || severity === 'error') return f;
    if (isBenchmark(topLevelAt(topLevel(), f.span.startLine))) return f;
    return { ...f, tier: 'advisory' };
  });
}

/**
 * The scope one cause is counted in: the function (declaration or method, literals inside
 * included) or the outermost composite literal of a top-level declaration; null for a finding
 * in neither.
 */
function causeScope(root: SyntaxNode, topLevel: readonly SyntaxNode[], f: Finding): string | null {
  const decl = topLevelAt(topLevel, f.span.startLine);
  if (!decl) return null;
  if (isFunction(decl)) return `f${decl.startIndex}`;
  let node: SyntaxNode | null = root.descendantForPosition({ row: f.span.startLine - 1, column: f.span.startColumn - 1 });
  let literal: SyntaxNode | null = null;
  const declId = decl.id;
  if (node && node.id !== declId) {
    if (node.type === 'composite_literal') literal = node;
    for (const n of ancestors(node)) {
      if (n.id === declId) break;
      if (n.type === 'composite_literal') literal = n;
    }
  }
  return literal ? `l${literal.startIndex}` : null;
}

function alsoLines(lines: readonly number[]): string {
  return lines.length === 1 ? `also line ${lines[0]}` : `also lines ${lines.join(', ')}`;
}

/**
 * One comment per cause: findings of one rule and one tier in one scope (see `causeScope`)
 * become the first of them (its span, anchor, fingerprint and fix), with `lines` naming every
 * line, the message saying "(also lines …)", and the others kept in `related` with their fixes.
 * Findings must be sorted by position.
 */
export function oneCommentPerCause(findings: readonly Finding[], root: SyntaxNode, topLevel: () => readonly SyntaxNode[]): Finding[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > 1)) return [...findings];
  const groups = new Map<string, Finding[]>();
  const out: Array<Finding | Finding[]> = [];
  for (const f of findings) {
    const scope = counts.get(f.rule)! > 1 ? causeScope(root, topLevel(), f) : null;
    if (scope === null) {
      out.push(f);
      continue;
    }
    const key = `${f.rule}\u0000${f.tier ?? 'comment'}\u0000${scope}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else {
      const fresh = [f];
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.map((entry) => {
    if (!Array.isArray(entry)) return entry;
    const [first, ...others] = entry as [Finding, ...Finding[]];
    if (others.length === 0) return first;
    const lines = [...new Set(entry.map((f) => f.span.startLine))].sort((a, b) => a - b);
    const also = lines.filter((l) => l !== first.span.startLine);
    const message = also.length > 0 ? `${first.message} (${alsoLines(also)})` : first.message;
    return { ...first, message, lines, related: others };
  });
}

export interface TierSources {
  /** Tiers the configuration sets per rule id. */
  configured?: ReadonlyMap<string, Tier>;
  /** The rule's default tier (measured precision, else declared); absent: no default applies. */
  defaultTier?: (rule: string) => Tier | undefined;
}

/**
 * A finding's tier: its evidence (the report's tier, or the test-code policy), then the
 * configuration (`advisory` makes every finding of the rule advisory, `comment` keeps the
 * evidence), and with no configured tier the rule's default tier (`advisory` makes all advisory).
 * A comment-tier finding keeps `tier` absent, as the model reads it.
 */
export function resolveTiers(findings: readonly Finding[], sources: TierSources): Finding[] {
  return findings.map((f) => {
    const evidence: Tier = f.tier ?? 'comment';
    const configured = sources.configured?.get(f.rule);
    const ruling = configured ?? sources.defaultTier?.(f.rule) ?? 'comment';
    if (ruling !== 'advisory' || evidence === 'advisory') return f;
    const related = f.related?.map((r) => ({ ...r, tier: 'advisory' as const }));
    return related ? { ...f, tier: 'advisory', related } : { ...f, tier: 'advisory' };
  });
}

/**
 * The last line of the declaration or statement whose first token is the first of `line`, or
 * undefined when none starts there: the scope of a peer linter's standalone directive.
 */
export function constructExtent(root: SyntaxNode, lines: LineIndex): (line: number) => number | undefined {
  return (line) => {
    if (line < 1 || line > lines.lineCount) return undefined;
    const text = lines.text.slice(lines.startOf(line), lines.endOf(line));
    const column = text.search(/\S/);
    if (column < 0 || text.startsWith('//', column) || text.startsWith('/*', column)) return undefined;
    let node: SyntaxNode | null = root.descendantForPosition({ row: line - 1, column });
    if (!node || node.startPosition.row !== line - 1 || node.startPosition.column !== column) return undefined;
    while (node.parent && node.parent.type !== 'source_file' && node.parent.startIndex === node.startIndex) node = node.parent;
    return node.type === 'source_file' ? undefined : node.endPosition.row + 1;
  };
}
