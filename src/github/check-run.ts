/** The "Go Standards" check run on the head commit: a conclusion with annotations, in progress first when the review is slow. */
import type { Finding, Severity } from '../core/model.js';
import { countsTable, severityCounts, truncateBody, type ReviewPlan } from '../core/review-plan.js';
import type { RenderOptions } from '../core/render/comment.js';
import type { GitHub, Logger, PullTarget } from './types.js';
import { statusOf } from './types.js';

export const CHECK_NAME = 'Go Standards';
/** GitHub takes at most 50 annotations per request. */
const MAX_ANNOTATIONS = 50;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
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

/**
 * The run is written once when the review is quick: created already completed. A review still
 * going after `inProgressAfterMs` shows as in progress first and is completed by an update.
 * Annotations: the 50 most severe findings, the most one request carries, so a review's check run
 * costs one or two requests however many findings there are; the rest are in the review.
 */
export class CheckRun {
  private id: number | undefined;
  private creating: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The check run was refused (missing permission): stop trying. */
  private refused = false;
  private readonly startedAt = new Date().toISOString();

  private constructor(
    private readonly octokit: GitHub,
    private readonly target: PullTarget,
    private readonly log: Logger,
  ) {}

  static begin(octokit: GitHub, target: PullTarget, log: Logger, inProgressAfterMs: number): CheckRun {
    const run = new CheckRun(octokit, target, log);
    if (inProgressAfterMs <= 0) run.showInProgress();
    else {
      run.timer = setTimeout(() => run.showInProgress(), inProgressAfterMs);
      run.timer.unref();
    }
    return run;
  }

  private showInProgress(): void {
    this.timer = undefined;
    this.creating ??= this.create({ status: 'in_progress' });
  }

  async complete(
    plan: ReviewPlan,
    options: RenderOptions & { failOn?: FailOn; configSummary?: string; extraSummary?: string[] },
  ): Promise<void> {
    const findings = plan.inScope;
    const c = severityCounts(findings);
    const title =
      findings.length === 0 ? 'No findings on changed lines' : `${c.error} error, ${c.warning} warning, ${c.notice} notice on changed lines`;
    const summaryLines = findings.length > 0 ? countsTable(findings, options) : ['No findings on the changed lines.'];
    const annotated = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, MAX_ANNOTATIONS);
    if (annotated.length < findings.length) {
      summaryLines.push('', `Annotated here: the ${annotated.length} most severe of ${findings.length} findings; every finding is in the pull request's review.`);
    }
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
    await this.write({
      status: 'completed',
      conclusion: conclusionFor(findings, options.failOn),
      completed_at: new Date().toISOString(),
      output: { title, summary, annotations },
    });
  }

  /** Ends the run without a verdict (the review failed, or the configuration asked to skip it). */
  async end(conclusion: 'cancelled' | 'skipped' | 'neutral' | 'failure', title: string, summary: string): Promise<void> {
    await this.write({ status: 'completed', conclusion, completed_at: new Date().toISOString(), output: { title, summary } });
  }

  /**
   * A newer push replaced the reviewed head. A run already shown in progress is closed as
   * skipped; one never shown is not created at all (the newer head gets its own).
   */
  async superseded(newHead: string | undefined): Promise<void> {
    this.cancelTimer();
    await this.creating;
    if (this.id === undefined) return;
    await this.end('skipped', 'Superseded by a newer push', newHead ? `A newer commit (${newHead}) is being reviewed instead.` : 'A newer commit is being reviewed instead.');
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async write(fields: Record<string, unknown>): Promise<void> {
    this.cancelTimer();
    await this.creating;
    if (this.refused) return;
    if (this.id === undefined) await this.create(fields);
    else await this.update(fields);
  }

  private async create(fields: Record<string, unknown>): Promise<void> {
    try {
      const { data } = await this.octokit.rest.checks.create({
        owner: this.target.owner,
        repo: this.target.repo,
        name: CHECK_NAME,
        head_sha: this.target.headSha,
        started_at: this.startedAt,
        ...fields,
      });
      this.id = data.id;
    } catch (error) {
      this.refused = true; // a refused check run (missing permission) never stops the review
      this.log.warn({ err: error, status: statusOf(error) }, 'cannot create the check run; reviewing without it');
    }
  }

  private async update(fields: Record<string, unknown>): Promise<void> {
    try {
      await this.octokit.rest.checks.update({ owner: this.target.owner, repo: this.target.repo, check_run_id: this.id!, ...fields });
    } catch (error) {
      this.log.warn({ err: error, status: statusOf(error) }, 'cannot update the check run');
    }
  }
}
