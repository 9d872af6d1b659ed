/** The "Go Standards" check run on the head commit: in progress, then a conclusion with annotations. */
import type { Finding, Severity } from '../core/model.js';
import { countsTable, severityCounts, truncateBody, type ReviewPlan } from '../core/review-plan.js';
import type { RenderOptions } from '../core/render/comment.js';
import type { GitHub, Logger, PullTarget } from './types.js';
import { statusOf } from './types.js';

export const CHECK_NAME = 'Go Standards';
const ANNOTATIONS_PER_REQUEST = 50;
const OUTPUT_LIMIT = 65_535;

export type FailOn = 'error' | 'warning' | 'never';
type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped';

const LEVEL: Record<Severity, 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', notice: 'notice' };

/** failure when a finding at or above `failOn` is on changed lines; neutral for lesser warnings; success otherwise. */
export function conclusionFor(findings: readonly Finding[], failOn: FailOn = 'error'): Conclusion {
  const c = severityCounts(findings);
  if (failOn !== 'never' && (c.error > 0 || (failOn === 'warning' && c.warning > 0))) return 'failure';
  if (c.error > 0 || c.warning > 0) return 'neutral';
  return 'success';
}

export class CheckRun {
  private constructor(
    private readonly octokit: GitHub,
    private readonly target: PullTarget,
    private readonly log: Logger,
    readonly id: number | undefined,
  ) {}

  /** Creates the run in progress. A refused check run (missing permission) never stops the review. */
  static async start(octokit: GitHub, target: PullTarget, log: Logger): Promise<CheckRun> {
    try {
      const { data } = await octokit.rest.checks.create({
        owner: target.owner,
        repo: target.repo,
        name: CHECK_NAME,
        head_sha: target.headSha,
        status: 'in_progress',
        started_at: new Date().toISOString(),
      });
      return new CheckRun(octokit, target, log, data.id);
    } catch (error) {
      log.warn({ err: error, status: statusOf(error) }, 'cannot create the check run; reviewing without it');
      return new CheckRun(octokit, target, log, undefined);
    }
  }

  async complete(
    plan: ReviewPlan,
    options: RenderOptions & { failOn?: FailOn; configSummary?: string; extraSummary?: string[] },
  ): Promise<void> {
    if (this.id === undefined) return;
    const findings = plan.inScope;
    const c = severityCounts(findings);
    const title =
      findings.length === 0 ? 'No findings on changed lines' : `${c.error} error, ${c.warning} warning, ${c.notice} notice on changed lines`;
    const summaryLines = findings.length > 0 ? countsTable(findings, options) : ['No findings on the changed lines.'];
    if (options.extraSummary?.length) summaryLines.push('', ...options.extraSummary);
    if (options.configSummary) summaryLines.push('', options.configSummary);
    const summary = truncateBody(summaryLines.join('\n'), OUTPUT_LIMIT - 200);
    const annotations = findings.map((f) => ({
      path: f.path,
      start_line: f.span.startLine,
      end_line: f.span.endLine,
      annotation_level: LEVEL[f.severity],
      title: f.rule,
      message: f.message,
      raw_details: `Cites: ${f.section}`,
    }));
    const batches: (typeof annotations)[] = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const last = batches.pop() ?? [];
    for (const batch of batches) await this.update({ output: { title, summary, annotations: batch } });
    await this.update({
      status: 'completed',
      conclusion: conclusionFor(findings, options.failOn),
      completed_at: new Date().toISOString(),
      output: { title, summary, annotations: last },
    });
  }

  /** Ends the run without a verdict (superseded by a newer push, or the review failed). */
  async end(conclusion: 'cancelled' | 'skipped' | 'neutral' | 'failure', title: string, summary: string): Promise<void> {
    if (this.id === undefined) return;
    await this.update({ status: 'completed', conclusion, completed_at: new Date().toISOString(), output: { title, summary } });
  }

  private async update(fields: Record<string, unknown>): Promise<void> {
    try {
      await this.octokit.rest.checks.update({ owner: this.target.owner, repo: this.target.repo, check_run_id: this.id!, ...fields });
    } catch (error) {
      this.log.warn({ err: error, status: statusOf(error) }, 'cannot update the check run');
    }
  }
}
