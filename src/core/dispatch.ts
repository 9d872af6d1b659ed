/**
 * Runs a file's rules: creates each rule for the file, hands every visitor its nodes (found by
 * the node index, or by the plain walk with the shortcuts off), and collects what they report.
 * Every call into a rule goes through one guard: a rule that throws becomes a note and is not
 * called again on the file; the others go on. The guard also keeps the file's deadline, if any.
 */
import { checkDeadline, DeadlineExceeded } from './deadline.js';
import type { SyntaxNode } from './go/parser.js';
import { importsOf } from './go/imports.js';
import { topLevelName } from './go/syntax.js';
import { editsToLineFix, type LineIndex } from './fix.js';
import type { AnalysisNote, Finding, Severity, SourceFile } from './model.js';
import { callsNamed, collectNodes, importSpecs, nodesAround, walkAll } from './node-index.js';
import type { Report, Rule, RuleContext, TextPattern, Visitors } from './rule.js';
import type { RuleSet } from './rule-set.js';

export interface DispatchOptions {
  goVersion: string | undefined;
  severities?: ReadonlyMap<string, Severity>;
  timings?: Map<string, number>;
  /** False: every node by the plain walk, every rule created whatever its `requires`. */
  shortcuts: boolean;
}

type Visit = (node: SyntaxNode) => void;

interface Dispatched {
  findings: Finding[];
  /** Ids of the rules that threw on the file (their notes are in `notes`). */
  failed: ReadonlySet<string>;
}

const now = (): number => performance.now();

/** Runs the rules over the parsed file; notes of rules that failed are pushed to `notes`. */
export function runRules(
  file: SourceFile,
  root: SyntaxNode,
  lines: LineIndex,
  rules: readonly Rule[],
  ruleSet: RuleSet,
  options: DispatchOptions,
  notes: AnalysisNote[],
): Dispatched {
  const { timings } = options;
  // In a tree with syntax errors, finding a node from a text match can take a walk along
  // thousands of siblings of an ERROR node per match (quadratic on junk); the plain walk finds
  // the same nodes in one pass.
  const shortcuts = options.shortcuts && !root.hasError;
  const source = file.source;
  const callPattern = shortcuts ? ruleSet.callPattern : null;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const failed = new Set<string>();
  const importNodes = importSpecs(root);
  let imports: ReadonlyMap<string, string> | undefined;

  let calls = 0;
  /** The one way into a rule's code: skipped once the rule failed, timed when measured. */
  const guarded = <T>(rule: Rule, fn: (arg: T) => void, arg: T): void => {
    if (failed.has(rule.id)) return;
    if ((++calls & 255) === 0) checkDeadline(); // the clock is read every 256 calls
    const t0 = timings ? now() : 0;
    try {
      fn(arg);
    } catch (error) {
      if (error instanceof DeadlineExceeded) throw error; // the file's analysis ends, not the rule
      failed.add(rule.id);
      const message = error instanceof Error ? error.message : String(error);
      notes.push({ path: file.path, rule: rule.id, message: `rule ${rule.id} failed on this file: ${message}` });
    }
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + now() - t0);
  };

  const handlers = new Map<string, Array<{ rule: Rule; fn: Visit }>>();
  const ends: Array<{ rule: Rule; fn: () => void }> = [];
  const callHandlers: Array<{ rule: Rule; names: ReadonlySet<string>; fn: Visit }> = [];
  const textHandlers: Array<{ rule: Rule; type: string; find: TextPattern; fn: Visit }> = [];
  const subscribe = (rule: Rule, visitors: Visitors): void => {
    if (callPattern && typeof visitors.call_expression === 'function' && visitors.$calls) {
      callHandlers.push({ rule, names: new Set(visitors.$calls), fn: visitors.call_expression as Visit });
    }
    for (const [type, fn] of Object.entries(visitors)) {
      if (type === '$end' || typeof fn !== 'function') continue;
      if (type === 'call_expression' && callPattern) continue;
      const find = shortcuts ? visitors.$find?.[type] : undefined;
      if (find && ruleSet.foundByText.has(type)) {
        textHandlers.push({ rule, type, find, fn: fn as Visit });
        continue;
      }
      let list = handlers.get(type);
      if (!list) handlers.set(type, (list = []));
      list.push({ rule, fn: fn as Visit });
    }
    if (visitors.$end) ends.push({ rule, fn: visitors.$end });
  };

  for (const rule of rules) {
    if (shortcuts && rule.requires && !rule.requires.some((text) => source.includes(text))) continue; // nothing it could report here
    const context: RuleContext = {
      path: file.path,
      source,
      root,
      goVersion: options.goVersion,
      imports: () => (imports ??= importsOf(importNodes)),
      report: (report: Report) => {
        const finding = toFinding(rule, report, file, lines, options.severities?.get(rule.id));
        const key = `${finding.rule}:${finding.span.startLine}:${finding.span.startColumn}:${finding.span.endLine}:${finding.span.endColumn}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push(finding);
      },
    };
    guarded(rule, (ctx) => subscribe(rule, rule.create(ctx)), context);
  }

  const visitNode = (node: SyntaxNode): void => {
    const list = handlers.get(node.type);
    if (list) for (const { rule, fn } of list) guarded(rule, fn, node);
  };
  if (shortcuts) {
    // Imports precede every declaration, so they lead the document order.
    if (handlers.has('import_spec')) for (const node of importNodes) visitNode(node);
    const byKeyword = ruleSet.byKeyword.filter((t) => handlers.has(t));
    const walked = ruleSet.walked.filter((t) => handlers.has(t));
    for (const node of collectNodes(root, lines, byKeyword, walked)) visitNode(node);
  } else {
    for (const node of walkAll(root, [...handlers.keys()])) visitNode(node);
  }
  const visitMatches = ({ type, find, fn }: (typeof textHandlers)[number]): void => {
    const pattern = typeof find === 'function' ? find() : find;
    if (pattern) for (const node of nodesAround(root, lines, pattern, type)) fn(node);
  };
  for (const handler of textHandlers) guarded(handler.rule, visitMatches, handler);
  if (callHandlers.length > 0 && callPattern) {
    for (const { call, name } of callsNamed(root, lines, callPattern)) {
      for (const { rule, names, fn } of callHandlers) if (names.has(name)) guarded(rule, fn, call);
    }
  }
  for (const { rule, fn } of ends) guarded(rule, fn, undefined);
  return { findings, failed };
}

/** Collapses whitespace so an anchor survives re-indentation. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
  if (report.tier === 'advisory') finding.tier = 'advisory';
  return finding;
}
