/**
 * The analysis core's vocabulary. Lines and columns are 1-based; columns count UTF-16 code
 * units (JavaScript string indexes), as the tree-sitter binding reports them.
 */

export type Severity = 'error' | 'warning' | 'notice';

/**
 * How a finding is shown: a `comment` is an inline review comment (counts toward `failOn`);
 * an `advisory` one is listed, collapsed, in the review summary and the check run, and never
 * fails a check. Decided per finding by the evidence the code shows (see the signal policy).
 */
export type Tier = 'comment' | 'advisory';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export interface Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A text edit on the source: replace `[start, end)` (string indexes) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A fix expressed as GitHub applies a suggestion: whole lines `line..endLine` replaced. */
export interface LineFix {
  line: number;
  endLine: number;
  /** The replacement text for those lines, without a trailing newline. */
  replacement: string;
}

export interface Finding {
  rule: string;
  path: string;
  span: Span;
  severity: Severity;
  message: string;
  /** The heading of the standard's section the rule cites, verbatim. */
  section: string;
  /** Normalised text of the flagged node: the stable part of the fingerprint. */
  anchor: string;
  fix?: LineFix;
  /** The finding's tier; absent means `comment`. */
  tier?: Tier;
  /**
   * For a finding that stands for several of one cause (one rule in one function or literal):
   * every line it names, its own first. Absent for a finding that stands alone.
   */
  lines?: number[];
  /** The other findings this one stands for, with their own fixes (for the CLI's `--fix`). */
  related?: Finding[];
}

/** A source file handed to the core. */
export interface SourceFile {
  path: string;
  source: string;
}

/** Something the core could not do, to be told to the user (summary) rather than thrown. */
export interface AnalysisNote {
  path: string;
  rule?: string;
  message: string;
}
