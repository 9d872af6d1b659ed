/** The shape of a rule: metadata plus visitors subscribed to the engine's single walk. */
import type { SyntaxNode } from './go/parser.js';
import type { Edit, Severity, Tier } from './model.js';
import type { Section } from './standard.js';

export interface RuleMeta {
  /** kebab-case; the same id in comments, config, suppressions, docs and fixtures. */
  id: string;
  title: string;
  /** The heading of the standard's section the rule enforces, verbatim. */
  section: Section;
  severity: Severity;
  /** Oldest Go (by the module's `go` directive) whose code the advice fits, e.g. `1.21`. */
  minGo: string;
  /** Whether the rule ever offers a suggested change. */
  fixable: boolean;
  /** One paragraph: what it detects and why it matters. Used by docs and `explain`. */
  description: string;
  /**
   * Go snippets for the docs page, checked by tests: `incorrect` must be reported, `correct`
   * must not. A snippet without a package clause is wrapped in `package example`.
   */
  examples: { incorrect: string; correct: string };
  /** Optional markdown for the docs page: caveats, where the standard's own example is wrong. */
  notes?: string;
  /**
   * Words that name what the rule questions (`unbuffered`, `timeout`, `allocat`): a comment on
   * the flagged line, or alone above it, that uses one explains the choice and silences the
   * finding. Matched case-insensitively as word prefixes.
   */
  subjects?: readonly string[];
  /**
   * The peer linters' checks this rule answers to, as `linter` or `linter:CHECK`
   * (`staticcheck:SA6002`, `gosec:G112`, `prealloc`, `errcheck`): their directives
   * (`//nolint:…`, `//lint:ignore …`, `// #nosec …`) silence it too.
   */
  peers?: readonly string[];
  /** The tier the rule's findings take while its precision is not measured (default `comment`). */
  tier?: Tier;
  /**
   * The tier the rule's findings take by default: set by the registry (src/rules) from the
   * measured precision (src/rules/precision.json), else `tier`. The engine reads it unless told
   * to measure evidence alone.
   */
  defaultTier?: Tier;
}

export interface Report {
  /** The node the finding is about: its range is the finding's range. */
  node: SyntaxNode;
  message: string;
  /** Text edits that make the fix; the engine turns them into whole-line suggestions. */
  fix?: Edit[];
  /** A node whose normalised text identifies the finding across pushes (default: `node`). */
  anchor?: SyntaxNode;
  /** Overrides the rule's severity for this finding (e.g. advice that depends on the Go version). */
  severity?: Severity;
  /**
   * `advisory` when the code does not show the evidence the rule needs for a comment (see the
   * signal policy in the rule catalog); absent means the evidence suffices for a comment.
   */
  tier?: Tier;
}

/** What a rule sees of the file it checks. */
export interface RuleContext {
  readonly path: string;
  readonly source: string;
  readonly root: SyntaxNode;
  /** The module's Go version (`go` directive), or undefined when unknown (assume newest). */
  readonly goVersion: string | undefined;
  /** Import path → local name (`_` and `.` included) for the file's imports. */
  imports(): ReadonlyMap<string, string>;
  report(report: Report): void;
}

/** Node type → handler, called for every node of that type in document order. */
export type Visitors = {
  [nodeType: string]: ((node: SyntaxNode) => void) | readonly string[] | Readonly<Record<string, TextPattern>> | undefined;
} & {
  /** Called after the walk, for rules that collect first and decide at the end. */
  $end?: () => void;
  /**
   * With a `call_expression` visitor: the only callee names it reacts to (`Fn` of `pkg.Fn(…)`
   * or `x.Fn(…)`, or a plain `Fn(…)`). The engine then finds those calls from the source text
   * instead of materialising every call of the file, the most numerous node type. The visitor
   * must still ignore other calls itself: with the shortcuts off it is given every call.
   */
  $calls?: readonly string[];
  /**
   * Node type → a global pattern that matches inside every node of that type the visitor can
   * report, with the smallest named node around the match at most four levels below it (a token
   * of the statement, not a nested expression). The engine then visits only the nodes around
   * the matches (the nearest enclosing node of the type), not every node of the type; a type
   * leaves the shared walk when all its visitors declare a pattern. With the shortcuts off the
   * visitor is given every node of the type and the pattern is not used.
   */
  $find?: Readonly<Record<string, TextPattern>>;
};

/** A global pattern, or a function giving it for this file (null: nothing to find here). */
export type TextPattern = RegExp | (() => RegExp | null);

export interface Rule extends RuleMeta {
  /**
   * Text every file with a finding of this rule contains, one of these strings at least (an
   * import path such as `"testing"`, a keyword): a file with none of them is skipped before the
   * rule is created. A cost measure only; it must never change what the rule reports.
   *
   * The same holds for `$calls` and `$find`: the engine's `shortcuts: false` option drops all
   * three (and its keyword lookups) for the plain walk, and the fixture runner checks that
   * every fixture gives the same findings both ways.
   */
  requires?: readonly string[];
  create(context: RuleContext): Visitors;
}
