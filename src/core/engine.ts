/**
 * Runs rules over Go files. A file is parsed once; the nodes the rules subscribed to are found
 * without visiting the whole tree where possible (keywords, callee names, rules' text patterns,
 * each confirmed on the tree), else by one native walk, and dispatched in document order. One
 * rule throwing never stops the others.
 */
import { countSyntaxErrors, parseGo, type SyntaxNode } from './go/parser.js';
import { buildConstraintGoVersion, goAtLeast } from './go-version.js';
import { applyLineFixes, editsToLineFix, LineIndex } from './fix.js';
import type { AnalysisNote, Finding, LineFix, Severity, SourceFile } from './model.js';
import { applySuppressions, readDirectives } from './suppressions.js';
import type { Report, Rule, RuleContext, TextPattern, Visitors } from './rule.js';
import { importsOf } from './go/imports.js';
import { releaseFileMemos } from './go/file-memo.js';
import { topLevelDeclarations } from './go/scope.js';
import { topLevelName } from './go/syntax.js';

export interface AnalyzeOptions {
  /** The module's Go version; rules needing a newer one are not run. */
  goVersion?: string;
  /** Configured severities that replace the rules' own. */
  severities?: ReadonlyMap<string, Severity>;
  /** Every rule id that exists (for judging ignore directives); default: the rule set's. */
  knownRules?: ReadonlySet<string>;
  /** Accumulates milliseconds per rule id (visitor time), for benchmarks. */
  timings?: Map<string, number>;
}

export interface FileAnalysis {
  path: string;
  findings: Finding[];
  notes: AnalysisNote[];
  /** ERROR and MISSING nodes in the parse; findings inside broken declarations are dropped. */
  syntaxErrors: number;
  /** Findings silenced by `//go-standards:ignore` directives. */
  suppressed: Finding[];
  /** The Go version the rules assumed (go.mod, raised by a `//go:build go1.N` constraint). */
  goVersion: string | undefined;
}

/**
 * Node types the engine finds from a keyword in the source instead of walking the tree: the
 * smallest named node around the keyword token is the node. A keyword in a comment or string
 * finds nothing.
 */
const FUNC_KEYWORD = /\bfunc\b/g;
const KEYWORD_TYPES: Readonly<Record<string, RegExp>> = {
  // A statement's keyword follows a line break, blank, `{`, `;` or a label's `:`, never a
  // quote or a slash (an import path such as "go/ast", a comment's text).
  for_statement: /(?<![^\s{;:])for\b/g,
  range_clause: /\brange\b/g,
  go_statement: /(?<![^\s{;:])go\b/g,
  select_statement: /(?<![^\s{;:])select\b/g,
  function_declaration: FUNC_KEYWORD,
  method_declaration: FUNC_KEYWORD,
  func_literal: FUNC_KEYWORD,
  interface_type: /\binterface\b/g,
  map_type: /\bmap\b/g,
  channel_type: /\bchan\b/g,
};

/** Rules compiled once: the node types to collect and who handles each. */
export class RuleSet {
  readonly nodeTypes: string[];
  /** Matches the callee names of rules that declared `$calls`, when no rule needs every call. */
  readonly callPattern: RegExp | null;
  /** Node types every visitor of which finds its nodes by text (`$find`): not walked. */
  readonly foundByText: ReadonlySet<string>;
  constructor(
    readonly rules: readonly Rule[],
    nodeTypes: readonly string[],
    callNames: ReadonlySet<string> | null,
    foundByText: ReadonlySet<string> = new Set(),
  ) {
    this.callPattern =
      callNames && callNames.size > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_])(${[...callNames].sort().join('|')})\\s*\\(`, 'gu') : null;
    this.foundByText = foundByText;
    const types = nodeTypes.filter((t) => !(callNames && t === 'call_expression') && !foundByText.has(t));
    this.nodeTypes = [...new Set(['import_spec', ...types])];
    this.byKeyword = types.filter((t) => KEYWORD_TYPES[t]);
    // Imports are read from the file's import declarations, not from the walk.
    this.walked = types.filter((t) => !KEYWORD_TYPES[t] && t !== 'import_spec');
  }
  /** Types found by their keyword (no walk). */
  readonly byKeyword: string[];
  /** Types that still need the native walk (with import_spec when any). */
  readonly walked: string[];
}

/**
 * Compiles rules for repeated use. Rules declare the node types they visit by the keys their
 * `create` returns; we learn them once from a probe file.
 */
export function compileRules(rules: readonly Rule[]): RuleSet {
  const probe = parseGo('package probe\n');
  const types = new Set<string>();
  const callNames = new Set<string>();
  let everyCall = false;
  const byText = new Set<string>();
  const walked = new Set<string>();
  for (const rule of rules) {
    const visitors = rule.create(probeContext(probe.rootNode));
    for (const key of Object.keys(visitors)) {
      if (key.startsWith('$')) continue;
      types.add(key);
      if (key === 'call_expression') continue;
      if (visitors.$find?.[key]) byText.add(key);
      else walked.add(key);
    }
    if (visitors.call_expression) {
      if (visitors.$calls) for (const n of visitors.$calls) callNames.add(n);
      else everyCall = true;
    }
  }
  const foundByText = new Set([...byText].filter((t) => !walked.has(t)));
  return new RuleSet(rules, [...types], everyCall ? null : callNames, foundByText);
}

function probeContext(root: SyntaxNode): RuleContext {
  return {
    path: 'probe.go',
    source: 'package probe\n',
    root,
    goVersion: undefined,
    imports: () => new Map(),
    report: () => {},
  };
}

const now = (): number => performance.now();

/** Collapses whitespace so an anchor survives re-indentation. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function errorSpans(root: SyntaxNode, topLevel: readonly SyntaxNode[]): Array<[number, number]> {
  if (!root.hasError) return [];
  return topLevel.filter((c) => c.hasError).map((c) => [c.startIndex, c.endIndex]);
}

export function analyzeFile(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions = {}): FileAnalysis {
  const tree = parseGo(file.source);
  const root = tree.rootNode;
  const notes: AnalysisNote[] = [];
  const syntaxErrors = countSyntaxErrors(tree);
  const lines = new LineIndex(file.source);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let imports: Map<string, string> | undefined;
  let importNodes: SyntaxNode[] = [];

  const goVersion = effectiveGoVersion(options.goVersion, file.source);
  const active = ruleSet.rules.filter((r) => goAtLeast(goVersion, r.minGo));
  const handlers = new Map<string, Array<{ rule: Rule; fn: (n: SyntaxNode) => void }>>();
  const ends: Array<{ rule: Rule; fn: () => void }> = [];
  const callHandlers: Array<{ rule: Rule; names: ReadonlySet<string>; fn: (n: SyntaxNode) => void }> = [];
  const textHandlers: Array<{ rule: Rule; type: string; find: TextPattern; fn: (n: SyntaxNode) => void }> = [];
  const failed = new Set<string>();

  const fail = (rule: Rule, error: unknown): void => {
    failed.add(rule.id);
    const message = error instanceof Error ? error.message : String(error);
    notes.push({ path: file.path, rule: rule.id, message: `rule ${rule.id} failed on this file: ${message}` });
  };

  // Every top-level node (each doc comment line is one) is read only when needed: syntax errors,
  // suggestions to check. Imports and function declarations come from the declarations index.
  let topLevelNodes: SyntaxNode[] | undefined;
  const topLevel = (): SyntaxNode[] => (topLevelNodes ??= root.namedChildren);
  importNodes = topLevelDeclarations(root)
    .filter((d) => d.type === 'import_declaration')
    .flatMap((d) => d.descendantsOfType('import_spec'));

  for (const rule of active) {
    if (rule.requires && !rule.requires.some((text) => file.source.includes(text))) continue; // nothing it could report here
    const context: RuleContext = {
      path: file.path,
      source: file.source,
      root,
      goVersion,
      imports: () => (imports ??= importsOf(importNodes)),
      report: (report: Report) => {
        const finding = toFinding(rule, report, file, lines, options.severities?.get(rule.id));
        const key = `${finding.rule}:${finding.span.startLine}:${finding.span.startColumn}:${finding.span.endLine}:${finding.span.endColumn}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push(finding);
      },
    };
    let visitors: Visitors;
    try {
      visitors = rule.create(context);
    } catch (error) {
      fail(rule, error);
      continue;
    }
    if (ruleSet.callPattern && typeof visitors.call_expression === 'function' && visitors.$calls) {
      callHandlers.push({ rule, names: new Set(visitors.$calls), fn: visitors.call_expression as (n: SyntaxNode) => void });
    }
    for (const [type, fn] of Object.entries(visitors)) {
      if (type === '$end' || typeof fn !== 'function') continue;
      if (type === 'call_expression' && ruleSet.callPattern) continue;
      const find = visitors.$find?.[type];
      if (find && ruleSet.foundByText.has(type)) {
        textHandlers.push({ rule, type, find, fn: fn as (n: SyntaxNode) => void });
        continue;
      }
      let list = handlers.get(type);
      if (!list) handlers.set(type, (list = []));
      list.push({ rule, fn: fn as (n: SyntaxNode) => void });
    }
    if (visitors.$end) ends.push({ rule, fn: visitors.$end });
  }

  // Imports precede every declaration, so they lead the document order.
  const collected = collectNodes(root, file.source, ruleSet, handlers);
  const nodes = handlers.has('import_spec') ? [...importNodes, ...collected] : collected;
  const timings = options.timings;
  for (const node of nodes) {
    const list = handlers.get(node.type);
    if (!list) continue;
    for (const { rule, fn } of list) {
      if (failed.has(rule.id)) continue;
      const t0 = timings ? now() : 0;
      try {
        fn(node);
      } catch (error) {
        fail(rule, error);
      }
      if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + now() - t0);
    }
  }
  for (const { rule, type, find, fn } of textHandlers) {
    if (failed.has(rule.id)) continue;
    const t0 = timings ? now() : 0;
    try {
      const pattern = typeof find === 'function' ? find() : find;
      if (pattern) for (const node of nodesAround(root, file.source, pattern, type)) fn(node);
    } catch (error) {
      fail(rule, error);
    }
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + now() - t0);
  }
  if (callHandlers.length > 0 && ruleSet.callPattern) {
    for (const { call, name } of callsNamed(root, file.source, ruleSet.callPattern)) {
      for (const { rule, names, fn } of callHandlers) {
        if (failed.has(rule.id) || !names.has(name)) continue;
        const t0 = timings ? now() : 0;
        try {
          fn(call);
        } catch (error) {
          fail(rule, error);
        }
        if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + now() - t0);
      }
    }
  }
  for (const { rule, fn } of ends) {
    if (failed.has(rule.id)) continue;
    const t0 = timings ? now() : 0;
    try {
      fn();
    } catch (error) {
      fail(rule, error);
    }
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + now() - t0);
  }

  let kept = findings;
  const broken = root.hasError ? errorSpans(root, topLevel()) : [];
  if (broken.length > 0) {
    const lineSpans = broken.map(([s, e]) => [lines.lineOf(s), lines.lineOf(e)] as const);
    kept = findings.filter((f) => !lineSpans.some(([s, e]) => f.span.startLine <= e && f.span.endLine >= s));
    if (kept.length < findings.length) {
      notes.push({
        path: file.path,
        message: `the file has syntax errors; ${findings.length - kept.length} finding(s) inside broken declarations were not reported`,
      });
    }
  }
  const directives = readDirectives(file.source);
  const firstDecl = directives.length > 0 ? topLevelDeclarations(root).find((d) => d.type !== 'import_declaration') : undefined;
  const suppression = applySuppressions(kept, directives, {
    path: file.path,
    known: options.knownRules ?? new Set(ruleSet.rules.map((r) => r.id)),
    ran: new Set(active.filter((r) => !failed.has(r.id)).map((r) => r.id)),
    firstDeclarationLine: firstDecl ? firstDecl.startPosition.row + 1 : Number.MAX_SAFE_INTEGER,
  });
  kept = [...suppression.kept, ...suppression.problems];
  kept = checkFixes(kept, root, topLevel, lines);
  kept.sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn || a.rule.localeCompare(b.rule));
  releaseFileMemos(root);
  return { path: file.path, findings: kept, notes, syntaxErrors, suppressed: suppression.suppressed, goVersion };
}

/**
 * The nodes of the subscribed types in document order: found from their keywords where the
 * engine knows one, by the native walk for the rest.
 */
function collectNodes(root: SyntaxNode, source: string, ruleSet: RuleSet, handlers: ReadonlyMap<string, unknown>): SyntaxNode[] {
  // Only the types some rule visits in this file.
  const wanted = new Set(ruleSet.byKeyword.filter((t) => handlers.has(t)));
  const walkedTypes = ruleSet.walked.filter((t) => handlers.has(t));
  const found = new Map<number, SyntaxNode>();
  const searched = [...wanted].filter((t) => !FUNCTION_DECLARATIONS.has(t));
  const patterns = new Set(searched.map((t) => KEYWORD_TYPES[t]!));
  // Function and method declarations are top-level declarations: no search of their own.
  let declarationStarts: Set<number> | undefined;
  if (patterns.has(FUNC_KEYWORD) || [...FUNCTION_DECLARATIONS].some((t) => wanted.has(t))) {
    declarationStarts = new Set();
    for (const decl of topLevelDeclarations(root)) {
      if (!FUNCTION_DECLARATIONS.has(decl.type)) continue;
      const at = decl.startIndex;
      declarationStarts.add(at);
      if (wanted.has(decl.type)) found.set(at, decl);
    }
  }
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
      if (onCommentLine(source, m.index) || declarationStarts?.has(m.index)) continue;
      // The keyword token is anonymous: the smallest named node around it is the node it
      // leads (or a comment or string holding the word, which is not wanted).
      const node = root.namedDescendantForIndex(m.index, m.index + m[0].length);
      if (wanted.has(node.type)) found.set(node.startIndex, node);
    }
  }
  const byKeyword = [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
  if (walkedTypes.length === 0) return byKeyword;
  const walked = root.descendantsOfType(walkedTypes);
  return [...walked, ...byKeyword].sort((a, b) => a.startIndex - b.startIndex);
}

/** Keyword-led types that only occur as top-level declarations (taken from the declarations index). */
const FUNCTION_DECLARATIONS: ReadonlySet<string> = new Set(['function_declaration', 'method_declaration']);

/**
 * Whether the position is on a line whose text starts with `//`: a comment line, or a line of a
 * raw string or block comment. No code token is there, so no tree lookup is needed.
 */
function onCommentLine(source: string, index: number): boolean {
  let i = source.lastIndexOf('\n', index - 1) + 1;
  while (i < index && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return source.charCodeAt(i) === 47 && source.charCodeAt(i + 1) === 47;
}

/**
 * The call expressions whose callee name matches: found in the source text, then confirmed on
 * the tree (a name in a comment or string, or not in callee position, is dropped). Document order.
 */
function* callsNamed(root: SyntaxNode, source: string, pattern: RegExp): Generator<{ call: SyntaxNode; name: string }> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (onCommentLine(source, m.index)) continue;
    const name = m[1]!;
    const id = root.descendantForIndex(m.index, m.index + name.length);
    if (!id || (id.type !== 'identifier' && id.type !== 'field_identifier') || id.startIndex !== m.index) continue;
    const parent = id.parent;
    const callee = parent?.type === 'selector_expression' && parent.childForFieldName('field')?.id === id.id ? parent : id;
    const call = callee.parent;
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== callee.id) continue;
    yield { call, name };
  }
}

/** How far above a match's smallest named node the node of the wanted type may be. */
const FIND_DEPTH = 4;

/**
 * The nearest node of `type` around each match of the pattern (at most FIND_DEPTH levels up),
 * once each, in document order.
 */
function nodesAround(root: SyntaxNode, source: string, pattern: RegExp, type: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const seen = new Set<number>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[0].length === 0) pattern.lastIndex++;
    if (onCommentLine(source, m.index)) continue; // a token of the node is never on a comment line
    let n: SyntaxNode | null = root.namedDescendantForIndex(m.index, m.index + Math.max(1, m[0].length));
    for (let depth = 0; n && n.type !== type; depth++) n = depth < FIND_DEPTH ? n.parent : null;
    if (n && !seen.has(n.id)) {
      seen.add(n.id);
      out.push(n);
    }
  }
  return out;
}

function withoutFix(finding: Finding): Finding {
  const { fix: _dropped, ...rest } = finding;
  return rest;
}

/**
 * A suggestion must not make the file worse. Re-parsing the whole file per suggestion costs as
 * much as the analysis, so only the top-level declarations a fix touches are re-parsed, without
 * the rest of the file (declarations parse independently of each other). The fixed declarations
 * of all a file's suggestions are parsed together, in one parse: when that parse is clean and
 * none of its declarations straddles two suggestions' texts, every suggestion is clean on its
 * own; suggestions on the same declarations that do not overlap share one copy of them (rules
 * replace whole nodes, so two suggestions that each break the syntax do not mend each other).
 * Otherwise each is checked alone and keeps its fix only if it adds no syntax error.
 */
function checkFixes(findings: Finding[], root: SyntaxNode, topLevel: () => readonly SyntaxNode[], lines: LineIndex): Finding[] {
  const fixed = findings.filter((f) => f.fix);
  if (fixed.length === 0) return findings;
  const spans = touchedDeclarations(root, topLevel, lines);
  const alone = new Set<Finding>();
  // Suggestions grouped by the lines they are checked in; one text per group and round, with
  // suggestions that do not overlap applied together.
  const groups = new Map<string, CheckUnit & { members: Finding[] }>();
  for (const f of fixed) {
    const unit = checkUnit(root, spans, lines, f.fix!);
    if (!unit) {
      alone.add(f);
      continue;
    }
    const key = `${unit.from}:${unit.to}:${unit.statement}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ...unit, members: [] }));
    group.members.push(f);
  }
  const segments: Array<{ members: Finding[]; text: string }> = [];
  for (const { from, to, statement, members } of groups.values()) {
    const region = lines.text.slice(lines.startOf(from), lines.endOf(to));
    let pending = [...members].sort((a, b) => a.fix!.line - b.fix!.line || a.fix!.endLine - b.fix!.endLine);
    while (pending.length > 0) {
      const round: Finding[] = [];
      const later: Finding[] = [];
      for (const f of pending) (round.length > 0 && f.fix!.line <= round[round.length - 1]!.fix!.endLine ? later : round).push(f);
      const shifted = round.map((f) => ({ ...f.fix!, line: f.fix!.line - from + 1, endLine: f.fix!.endLine - from + 1 }));
      const text = applyLineFixes(region, shifted);
      // A statement is checked where statements parse: in a function body of its own.
      segments.push({ members: round, text: statement ? `func _() {\n${text}\n}` : text });
      pending = later;
    }
  }
  if (segments.length > 0 && !segmentsParseCleanly(segments.map((s) => s.text))) {
    for (const s of segments) for (const f of s.members) alone.add(f);
  }
  if (alone.size === 0) return findings;
  return findings.map((f) => (alone.has(f) && !fixKeepsSyntax(root, spans, lines, f.fix!) ? withoutFix(f) : f));
}

/** A top-level declaration's lines (1-based) and whether it has a syntax error. */
interface DeclarationLines {
  from: number;
  to: number;
  broken: boolean;
}

/**
 * The top-level declarations whose lines a fix touches, in order. Usually one, found from the
 * fix's text; otherwise read from the full list of top-level nodes (built once, when needed).
 */
function touchedDeclarations(root: SyntaxNode, topLevel: () => readonly SyntaxNode[], lines: LineIndex): (fix: LineFix) => DeclarationLines[] {
  let all: DeclarationLines[] | undefined;
  const lineSpan = (c: SyntaxNode): DeclarationLines => ({ from: c.startPosition.row + 1, to: c.endPosition.row + 1, broken: c.hasError });
  return (fix) => {
    const text = lines.text;
    let start = lines.startOf(fix.line);
    const end = lines.endOf(fix.endLine);
    while (start < end && /\s/.test(text[start]!)) start++;
    let n: SyntaxNode | null = start < end ? root.namedDescendantForIndex(start, end) : null;
    while (n && n.parent && n.parent.type !== 'source_file') n = n.parent;
    if (n && n.parent && n.type !== 'comment') {
      const span = lineSpan(n);
      // Alone on its lines: no other declaration can share them.
      const alone = text.slice(lines.startOf(span.from), n.startIndex).trim() === '' && text.slice(n.endIndex, lines.endOf(span.to)).trim() === '';
      if (alone && span.from <= fix.line && span.to >= fix.endLine) return [span];
    }
    all ??= topLevel().map(lineSpan);
    return all.filter((c) => c.from <= fix.endLine && c.to >= fix.line);
  };
}

/** The whole lines a suggestion is checked in: a statement of a function body, or top-level declarations. */
interface CheckUnit {
  from: number;
  to: number;
  statement: boolean;
}

/**
 * The smallest unit the suggestion can be checked in on its own: the innermost statement whose
 * lines hold the fix and nothing else, else the top-level declarations it touches. Null when
 * neither is clean (a broken declaration, a fix outside declarations).
 */
function checkUnit(root: SyntaxNode, spans: (fix: LineFix) => DeclarationLines[], lines: LineIndex, fix: LineFix): CheckUnit | null {
  const touched = spans(fix);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last || first.from > fix.line || last.to < fix.endLine || touched.some((c) => c.broken)) return null;
  if (first === last && first.to - first.from > STATEMENT_CHECK_FROM) {
    const text = lines.text;
    let start = lines.startOf(fix.line);
    let end = lines.endOf(fix.endLine);
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    for (let n: SyntaxNode | null = root.descendantForIndex(start, Math.max(start, end - 1)); n && n.type !== 'source_file'; n = n.parent) {
      if (n.parent?.type !== 'statement_list') continue;
      const from = lines.lineOf(n.startIndex);
      const to = lines.lineOf(n.endIndex);
      if (from > fix.line || to < fix.endLine) continue;
      const before = text.slice(lines.startOf(from), n.startIndex);
      const after = text.slice(n.endIndex, lines.endOf(to)).trim();
      if (n.hasError || before.trim() !== '' || (after !== '' && !after.startsWith('//'))) break;
      return { from, to, statement: true };
    }
  }
  return { from: first.from, to: last.to, statement: false };
}

/** Declarations longer than this many lines are checked statement by statement. */
const STATEMENT_CHECK_FROM = 20;

/** Whether the texts, parsed together as one file, give no syntax error and no declaration spanning two of them. */
function segmentsParseCleanly(texts: readonly string[]): boolean {
  const header = 'package p\n';
  const bounds: Array<[number, number]> = [];
  let at = header.length;
  for (const t of texts) {
    bounds.push([at, at + t.length]);
    at += t.length + 1;
  }
  const tree = parseGo(header + texts.join('\n'));
  if (tree.rootNode.hasError) return false;
  let k = 0;
  for (const decl of tree.rootNode.namedChildren) {
    if (decl.type === 'package_clause') continue;
    while (k < bounds.length && decl.startIndex >= bounds[k]![1]) k++;
    const b = bounds[k];
    if (!b || decl.startIndex < b[0] || decl.endIndex > b[1]) return false;
  }
  return true;
}

/** One suggestion on its own: the touched declarations (or the whole file) with and without it. */
function fixKeepsSyntax(root: SyntaxNode, spans: (fix: LineFix) => DeclarationLines[], lines: LineIndex, fix: LineFix): boolean {
  const touched = spans(fix);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last || first.from > fix.line || last.to < fix.endLine) {
    return countSyntaxErrors(parseGo(applyLineFixes(lines.text, [fix]))) <= countSyntaxErrors(root.tree);
  }
  const region = lines.text.slice(lines.startOf(first.from), lines.endOf(last.to));
  const shifted = { ...fix, line: fix.line - first.from + 2, endLine: fix.endLine - first.from + 2 };
  const before = touched.some((c) => c.broken) ? countSyntaxErrors(parseGo(`package p\n${region}`)) : 0;
  return countSyntaxErrors(parseGo(applyLineFixes(`package p\n${region}`, [shifted]))) <= before;
}

/** The module's version, raised by a `//go:build go1.N` constraint (the file only builds there). */
function effectiveGoVersion(moduleVersion: string | undefined, source: string): string | undefined {
  if (moduleVersion === undefined) return undefined;
  const fromBuild = buildConstraintGoVersion(source);
  return fromBuild && !goAtLeast(moduleVersion, fromBuild) ? fromBuild : moduleVersion;
}

function toFinding(rule: Rule, report: Report, file: SourceFile, lines: LineIndex, configured?: Severity): Finding {
  const { node } = report;
  const finding: Finding = {
    rule: rule.id,
    path: file.path,
    span: {
      startLine: node.startPosition.row + 1,
      startColumn: node.startPosition.column + 1,
      endLine: node.endPosition.row + 1,
      endColumn: node.endPosition.column + 1,
    },
    severity: configured ?? report.severity ?? rule.severity,
    message: report.message,
    section: rule.section,
    anchor: `${topLevelName(node)}|${normaliseCode((report.anchor ?? node).text)}`,
  };
  const fix = rule.fixable && report.fix ? editsToLineFix(lines, report.fix) : undefined;
  if (fix) finding.fix = fix;
  return finding;
}
