/**
 * The check run's text: its conclusion, title, summary and annotations for a review, and the
 * outputs of runs that end without one (skipped, superseded, failed).
 */
import type { Finding, Severity } from '../model.js';
import type { RenderOptions } from './comment.js';
import { advisoryDetails, configProblemsText, countsTable, severityCounts, truncateBody, type FileConfigProblem } from './summary.js';

/** GitHub takes at most 50 annotations per request. */
export const MAX_ANNOTATIONS = 50;
/** GitHub's limit on `output.summary`. */
const OUTPUT_LIMIT = 65_535;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const LEVEL: Record<Severity, 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', notice: 'notice' };

export type FailOn = 'error' | 'warning' | 'notice' | 'never';
export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
  raw_details: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: Annotation[];
}

export interface CheckRunReport {
  conclusion: Conclusion;
  output: CheckRunOutput;
}

/** failure when a finding at or above `failOn` is on changed lines; neutral for lesser warnings; success otherwise. */
export function conclusionFor(findings: readonly Finding[], failOn: FailOn = 'error'): Conclusion {
  const c = severityCounts(findings);
  if (failOn !== 'never' && (c.error > 0 || (failOn !== 'error' && c.warning > 0) || (failOn === 'notice' && c.notice > 0))) return 'failure';
  if (c.error > 0 || c.warning > 0) return 'neutral';
  return 'success';
}

export interface CheckRunOptions extends RenderOptions {
  failOn?: FailOn;
  /** Sections after the counts (remarks, skipped files, suppressed findings, configuration problems). */
  extraSummary?: readonly string[];
  /** The effective configuration, last. */
  configSummary?: string;
  /** Every advisory finding in scope: listed, collapsed, after the counts; never annotated, never failing. */
  advisory?: readonly Finding[];
}

/**
 * The completed run for a review's in-scope comment-tier findings (the advisory ones are listed
 * in its summary, all of them, so the latest run is complete). Annotations: the 50 most severe, the most
 * one request carries, so a check run costs one or two requests however many findings there
 * are; the rest are in the review.
 */
export function checkRunReport(findings: readonly Finding[], options: CheckRunOptions): CheckRunReport {
  const c = severityCounts(findings);
  const title =
    findings.length === 0 ? 'No findings on changed lines' : `${c.error} error, ${c.warning} warning, ${c.notice} notice on changed lines`;
  const summaryLines = findings.length > 0 ? countsTable(findings, options) : ['No findings on the changed lines.'];
  const annotated = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, MAX_ANNOTATIONS);
  if (annotated.length < findings.length) {
    summaryLines.push('', `Annotated here: the ${annotated.length} most severe of ${findings.length} findings; every finding is in the pull request's review.`);
  }
  summaryLines.push(...advisoryDetails(options.advisory ?? []));
  if (options.extraSummary?.length) summaryLines.push('', ...options.extraSummary);
  if (options.configSummary) summaryLines.push('', options.configSummary);
  const summary = truncateBody(summaryLines.join('\n'), OUTPUT_LIMIT - 200);
  const annotations = annotated.map((f) => ({
    path: f.path,
    start_line: f.span.startLine,
    end_line: f.span.endLine,
    annotation_level: LEVEL[f.severity],
    title: f.rule,
    message: f.message,
    raw_details: `Cites: ${f.section}`,
  }));
  return { conclusion: conclusionFor(findings, options.failOn), output: { title, summary, annotations } };
}

/** The configuration is invalid and asks to skip the review (`invalidConfig: skip-review`). */
export function skippedForInvalidConfig(problems: readonly FileConfigProblem[]): CheckRunReport {
  return {
    conclusion: 'failure',
    output: {
      title: 'Invalid configuration: review skipped',
      summary: configProblemsText(problems, 'The configuration asks to skip the review when it is invalid (`invalidConfig: skip-review`).'),
    },
  };
}

/** The review hit an error. */
export const REVIEW_FAILED: CheckRunReport = {
  conclusion: 'neutral',
  output: { title: 'The review could not finish', summary: 'The review hit an error and will be retried on the next push or `/go-standards recheck`.' },
};

/** A newer push replaced the reviewed head. */
export function supersededBy(newHead: string | undefined): CheckRunReport {
  return {
    conclusion: 'skipped',
    output: {
      title: 'Superseded by a newer push',
      summary: newHead ? `A newer commit (${newHead}) is being reviewed instead.` : 'A newer commit is being reviewed instead.',
    },
  };
}
