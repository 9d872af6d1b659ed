/**
 * A rule's measured precision on the labelled real-world corpus, and the default tier it earns.
 * The figures are computed by `npm run precision` (scripts/precision.ts) from corpus/ledger.json
 * and kept in src/rules/precision.json; this module is pure.
 */
import type { Tier } from '../core/model.js';
import measured from './precision.json' with { type: 'json' };

export type Verdict = 'right' | 'noise' | 'wrong';

/** One finding of the corpus read by a reviewer: facts only, no code of the project. */
export interface Judgement {
  repo: string;
  commit: string;
  path: string;
  line: number;
  rule: string;
  fingerprint: string;
  tier: Tier;
  verdict: Verdict;
  why: string;
}

/** A finding of the current rules on the corpus, as the script measures it. */
export interface MeasuredFinding {
  repo: string;
  path: string;
  line: number;
  rule: string;
  fingerprint: string;
  tier: Tier;
}

export interface RulePrecision {
  id: string;
  /** The tier the rule's findings take by default: comment only while precision ≥ 0.90. */
  defaultTier: Tier;
  /** right ÷ judged, over the judged findings still reported in the comment tier; null when too few. */
  precision: number | null;
  /** Judgements of this rule in the ledger. */
  judged: number;
  /** Judged findings the current rules still report, at any tier. */
  stillReported: number;
  /** Of those, in the comment tier: the base of `precision`. */
  commentJudged: number;
  right: number;
  noise: number;
  wrong: number;
  /** Findings of the current rules that no judgement matches. */
  unjudged: number;
}

export interface PrecisionResults {
  /** The corpus projects the figures were measured on. */
  projects: string[];
  rules: RulePrecision[];
  overall: Omit<RulePrecision, 'id' | 'defaultTier'>;
  /** Share of judged-right findings still reported, and of those the policy lets comment, still commenting. */
  kept: { rightReported: number; rightCommenting: number };
}

/** The comment tier is on by default only at this measured precision or above. */
export const COMMENT_TIER_PRECISION = 0.9;
/** Fewer judged comment-tier findings than this: not measured (see the default tier below). */
export const MIN_JUDGED = 5;

interface RuleLike {
  id: string;
  tier?: Tier;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Matches judgements to findings (by fingerprint, else by path, rule and line) and sums them up. */
export function precisionResults(
  rules: readonly RuleLike[],
  ledger: readonly Judgement[],
  findings: readonly MeasuredFinding[],
  projects: readonly string[],
): PrecisionResults {
  const scanned = new Set(projects);
  const judgements = ledger.filter((j) => scanned.has(j.repo));
  const byPrint = new Map<string, Judgement>();
  const byLine = new Map<string, Judgement>();
  for (const j of judgements) {
    byPrint.set(`${j.repo}\u0000${j.rule}\u0000${j.fingerprint}`, j);
    byLine.set(`${j.repo}\u0000${j.rule}\u0000${j.path}\u0000${j.line}`, j);
  }
  const matched = new Map<Judgement, MeasuredFinding>();
  const unjudged = new Map<string, number>();
  for (const f of findings) {
    let j = byPrint.get(`${f.repo}\u0000${f.rule}\u0000${f.fingerprint}`);
    if (!j || matched.has(j)) j = byLine.get(`${f.repo}\u0000${f.rule}\u0000${f.path}\u0000${f.line}`);
    if (j && !matched.has(j)) matched.set(j, f);
    else unjudged.set(f.rule, (unjudged.get(f.rule) ?? 0) + 1);
  }
  const sum = (include: (rule: string) => boolean) => {
    const mine = judgements.filter((j) => include(j.rule));
    const still = mine.filter((j) => matched.has(j));
    const comment = still.filter((j) => matched.get(j)!.tier === 'comment');
    const count = (v: Verdict) => comment.filter((j) => j.verdict === v).length;
    const right = count('right');
    return {
      precision: comment.length >= MIN_JUDGED ? round(right / comment.length) : null,
      judged: mine.length,
      stillReported: still.length,
      commentJudged: comment.length,
      right,
      noise: count('noise'),
      wrong: count('wrong'),
      unjudged: [...unjudged].filter(([r]) => include(r)).reduce((a, [, n]) => a + n, 0),
    };
  };
  const perRule: RulePrecision[] = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => {
      const s = sum((id) => id === r.id);
      // Too few judged to measure: a rule keeps its declared tier only while every judged comment
      // of it was right; one judged noisy or wrong is enough to hold its comments back.
      const defaultTier: Tier =
        s.precision !== null
          ? s.precision >= COMMENT_TIER_PRECISION
            ? 'comment'
            : 'advisory'
          : s.right < s.commentJudged
            ? 'advisory'
            : (r.tier ?? 'comment');
      return { id: r.id, defaultTier, ...s };
    });
  const tiers = new Map(perRule.map((r) => [r.id, r.defaultTier]));
  const right = judgements.filter((j) => j.verdict === 'right');
  const reported = right.filter((j) => matched.has(j));
  // The policy lets a finding comment outside test code, for a rule whose comment tier is on.
  const allowed = reported.filter((j) => !j.path.endsWith('_test.go') && tiers.get(j.rule) === 'comment');
  const commenting = allowed.filter((j) => matched.get(j)!.tier === 'comment');
  return {
    projects: [...projects].sort(),
    rules: perRule,
    // Overall: what the bot comments by default, i.e. the rules whose comment tier is on.
    overall: sum((id) => tiers.get(id) === 'comment'),
    kept: {
      rightReported: right.length === 0 ? 1 : round(reported.length / right.length),
      rightCommenting: allowed.length === 0 ? 1 : round(commenting.length / allowed.length),
    },
  };
}

/** The committed results of `npm run precision`. */
export const PRECISION: PrecisionResults = measured as PrecisionResults;

/** A rule's measured figures, if the corpus has any for it. */
export function rulePrecision(id: string): RulePrecision | undefined {
  return PRECISION.rules.find((r) => r.id === id);
}

/**
 * The tier the measurement gives a rule by default: measured, or held back by a judged noisy or
 * wrong comment among too few to measure; undefined while nothing of it has been judged.
 */
export function measuredDefaultTier(id: string): Tier | undefined {
  const r = rulePrecision(id);
  return r && (r.precision !== null || r.right < r.commentJudged) ? r.defaultTier : undefined;
}
