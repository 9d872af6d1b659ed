/**
 * Runs rules over Go files: the public entry of the analysis. A file is parsed once; the rules
 * run over it (dispatch.ts, with nodes found by node-index.ts); findings inside broken
 * declarations are dropped, suppressions applied (`go-standards:ignore`, then the code's own
 * word: code-word.ts), suggestions checked (fix-check.ts) and the rest sorted; then the signal
 * policy (signal-policy.ts): the test-code policy, one comment per cause, tier resolution.
 * One rule throwing never stops the others.
 */
import { countSyntaxErrors, parseGo, type SyntaxNode } from './go/parser.js';
import { buildConstraintGoVersion, buildExcludesGo, goAtLeast } from './go-version.js';
import { runRules } from './dispatch.js';
import { LineIndex } from './fix.js';
import { checkFixes } from './fix-check.js';
import { applyCodeWord } from './code-word.js';
import type { AnalysisNote, Finding, Severity, SourceFile, Tier } from './model.js';
import type { RuleSet } from './rule-set.js';
import { applySuppressions, readDirectives } from './suppressions.js';
import { releaseFileMemos } from './go/file-memo.js';
import { topLevelDeclarations } from './go/scope.js';
import { applyTestCodePolicy, constructExtent, oneCommentPerCause, resolveTiers } from './signal-policy.js';

export { compileRules, RuleSet } from './rule-set.js';
export { normaliseCode } from './dispatch.js';

export interface AnalyzeOptions {
  /** The module's Go version; rules needing a newer one are not run. */
  goVersion?: string;
  /** Configured severities that replace the rules' own. */
  severities?: ReadonlyMap<string, Severity>;
  /** Every rule id that exists (for judging ignore directives); default: the rule set's. */
  knownRules?: ReadonlySet<string>;
  /** Accumulates milliseconds per rule id (visitor time), for benchmarks. */
  timings?: Map<string, number>;
  /**
   * False: no speed shortcut (`requires`, `$calls`, `$find`, keyword lookups); every rule is
   * created and every node found by the plain walk. The findings must be the same either way;
   * the fixture runner checks it. Default true.
   */
  shortcuts?: boolean;
  /** Configured tiers per rule id: `advisory` makes all of the rule's findings advisory. */
  tiers?: ReadonlyMap<string, Tier>;
  /**
   * False: the rules' default tiers (measured precision, else declared) are not applied, so a
   * finding's tier is its evidence (the report, the test-code policy) and configuration alone:
   * what scripts/precision.ts measures, and what fixtures state. Default true.
   */
  defaultTiers?: boolean;
}

export interface FileAnalysis {
  path: string;
  findings: Finding[];
  notes: AnalysisNote[];
  /** ERROR and MISSING nodes in the parse; findings inside broken declarations are dropped. */
  syntaxErrors: number;
  /** Findings silenced by `//go-standards:ignore` directives, explanation comments or peer linters' directives. */
  suppressed: Finding[];
  /** The Go version the rules assumed (go.mod, raised by a `//go:build go1.N` constraint). */
  goVersion: string | undefined;
}

export function analyzeFile(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions = {}): FileAnalysis {
  const tree = parseGo(file.source);
  const root = tree.rootNode;
  const notes: AnalysisNote[] = [];
  const syntaxErrors = countSyntaxErrors(tree);
  const lines = new LineIndex(file.source);
  const goVersion = effectiveGoVersion(options.goVersion, file.source);
  // A file whose build constraint rules out every Go the module builds with never compiles:
  // nothing in it is reported.
  const excluded = buildExcludesGo(file.source, options.goVersion);
  const active = excluded ? [] : ruleSet.rules.filter((r) => goAtLeast(goVersion, r.minGo));
  const { findings, failed } = runRules(
    file,
    root,
    lines,
    active,
    ruleSet,
    { goVersion, severities: options.severities, timings: options.timings, shortcuts: options.shortcuts ?? true },
    notes,
  );

  // Every top-level node (each doc comment line is one) is read only when needed: syntax errors,
  // suggestions to check.
  let topLevelNodes: SyntaxNode[] | undefined;
  const topLevel = (): SyntaxNode[] => (topLevelNodes ??= root.namedChildren);
  let kept = findings;
  const broken = root.hasError ? errorSpans(topLevel()) : [];
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
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const codeWord = applyCodeWord(suppression.kept, {
    source: file.source,
    vocabulary: (id) => ({ subjects: rules.get(id)?.subjects ?? [], peers: rules.get(id)?.peers ?? [] }),
    extentFrom: constructExtent(root, lines),
  });
  const suppressed = [...suppression.suppressed, ...codeWord.silenced.map((s) => s.finding)];
  kept = [...codeWord.kept, ...suppression.problems];
  kept = checkFixes(kept, root, topLevel, lines);
  kept.sort(byPosition);
  kept = applyTestCodePolicy(kept, file.path, (id) => rules.get(id)?.severity, topLevel);
  kept = oneCommentPerCause(kept, root, topLevel);
  kept = resolveTiers(kept, {
    configured: options.tiers,
    defaultTier: options.defaultTiers === false ? undefined : (id) => rules.get(id)?.defaultTier ?? rules.get(id)?.tier,
  });
  releaseFileMemos(root);
  suppressed.sort(byPosition);
  return { path: file.path, findings: kept, notes, syntaxErrors, suppressed, goVersion };
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn || a.rule.localeCompare(b.rule);
}

/** The spans of the top-level declarations with a syntax error. */
function errorSpans(topLevel: readonly SyntaxNode[]): Array<[number, number]> {
  return topLevel.filter((c) => c.hasError).map((c) => [c.startIndex, c.endIndex]);
}

/** The module's version, raised by a `//go:build go1.N` constraint (the file only builds there). */
function effectiveGoVersion(moduleVersion: string | undefined, source: string): string | undefined {
  if (moduleVersion === undefined) return undefined;
  const fromBuild = buildConstraintGoVersion(source);
  return fromBuild && !goAtLeast(moduleVersion, fromBuild) ? fromBuild : moduleVersion;
}
