/**
 * The "Go Standards" check run on the head commit: written once when the review is quick, in
 * progress first when it is slow. Its text comes from the core (`core/render/check-run.ts`).
 */
import { supersededBy, type CheckRunReport } from '../core/render/check-run.js';
import type { GitHub, Logger, PullTarget } from './types.js';
import { statusOf } from './types.js';

export const CHECK_NAME = 'Go Standards';

/** Milliseconds since the epoch (tests may pass their own). */
export type Clock = () => number;

/**
 * The run is written once when the review is quick: created already completed. A review still
 * going after `inProgressAfterMs` shows as in progress first and is completed by an update.
 */
export class CheckRun {
  private id: number | undefined;
  private creating: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The check run was refused (missing permission): stop trying. */
  private refused = false;
  private readonly startedAt: string;

  private constructor(
    private readonly octokit: GitHub,
    private readonly target: PullTarget,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {
    this.startedAt = new Date(clock()).toISOString();
  }

  static begin(octokit: GitHub, target: PullTarget, log: Logger, inProgressAfterMs: number, clock: Clock = Date.now): CheckRun {
    const run = new CheckRun(octokit, target, log, clock);
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

  /** Completes the run with a review's report, or ends it without one (failed, skipped). */
  async complete(report: CheckRunReport): Promise<void> {
    await this.write({ status: 'completed', conclusion: report.conclusion, completed_at: new Date(this.clock()).toISOString(), output: report.output });
  }

  /**
   * A newer push replaced the reviewed head. A run already shown in progress is closed as
   * skipped; one never shown is not created at all (the newer head gets its own).
   */
  async superseded(newHead: string | undefined): Promise<void> {
    this.cancelTimer();
    await this.creating;
    if (this.id === undefined) return;
    await this.complete(supersededBy(newHead));
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
