/**
 * Checking suggestions before they are offered: a suggestion that would add a syntax error is
 * dropped (the finding stays, without its fix). Only the statement or top-level declarations a
 * suggestion changes are re-parsed, all of a file's suggestions in one parse where they allow.
 */
import { ancestors, topLevelDeclarationOf } from './go/ancestry.js';
import { countSyntaxErrors, parseGo, type SyntaxNode } from './go/parser.js';
import { applyLineFixes, type LineIndex } from './fix.js';
import type { Finding, LineFix } from './model.js';

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
 * Suggestions replace whole lines, so on a file of a few very long lines every suggestion's
 * text is most of the file: the text re-parsed is capped at a few times the file's size, and
 * suggestions past the cap are not offered (their findings stay).
 */
export function checkFixes(findings: Finding[], root: SyntaxNode, topLevel: () => readonly SyntaxNode[], lines: LineIndex): Finding[] {
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
  const unchecked = new Set<Finding>();
  let budget = lines.text.length * REPARSE_BUDGET_FACTOR + REPARSE_BUDGET_BASE;
  for (const { from, to, statement, members } of groups.values()) {
    const region = lines.text.slice(lines.startOf(from), lines.endOf(to));
    let pending = [...members].sort((a, b) => a.fix!.line - b.fix!.line || a.fix!.endLine - b.fix!.endLine);
    while (pending.length > 0) {
      const round: Finding[] = [];
      const later: Finding[] = [];
      for (const f of pending) (round.length > 0 && f.fix!.line <= round[round.length - 1]!.fix!.endLine ? later : round).push(f);
      const shifted = round.map((f) => ({ ...f.fix!, line: f.fix!.line - from + 1, endLine: f.fix!.endLine - from + 1 }));
      pending = later;
      budget -= region.length;
      if (budget < 0) {
        for (const f of round) unchecked.add(f);
        continue;
      }
      const text = applyLineFixes(region, shifted);
      // A statement is checked where statements parse: in a function body of its own.
      segments.push({ members: round, text: statement ? `func _() {\n${text}\n}` : text });
    }
  }
  if (segments.length > 0 && !segmentsParseCleanly(segments.map((s) => s.text))) {
    for (const s of segments) for (const f of s.members) alone.add(f);
  }
  if (alone.size === 0 && unchecked.size === 0) return findings;
  return findings.map((f) => {
    if (unchecked.has(f)) return withoutFix(f);
    if (!alone.has(f)) return f;
    budget -= checkedLength(spans, lines, f.fix!);
    return budget < 0 || !fixKeepsSyntax(root, spans, lines, f.fix!) ? withoutFix(f) : f;
  });
}

/** The text re-parsed to check suggestions: at most this many times the file's size, plus the base. */
const REPARSE_BUDGET_FACTOR = 4;
const REPARSE_BUDGET_BASE = 256 * 1024;

/** How much text checking one suggestion alone parses (twice its declarations, or the file). */
function checkedLength(spans: (fix: LineFix) => DeclarationLines[], lines: LineIndex, fix: LineFix): number {
  const touched = spans(fix);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last || first.from > fix.line || last.to < fix.endLine) return lines.text.length;
  return 2 * (lines.endOf(last.to) - lines.startOf(first.from));
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
    // The top-level node holding it: a declaration's found by position, any other by the walk up.
    const declaration = n ? topLevelDeclarationOf(n) : null;
    if (declaration) n = declaration;
    else while (n && n.parent && n.parent.type !== 'source_file') n = n.parent;
    if (n && (declaration || n.parent) && n.type !== 'comment') {
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
    const innermost = root.descendantForIndex(start, Math.max(start, end - 1));
    const chain = [innermost, ...ancestors(innermost)];
    for (let i = 0; i < chain.length && chain[i]!.type !== 'source_file'; i++) {
      const n = chain[i]!;
      if (chain[i + 1]?.type !== 'statement_list') continue;
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
