/**
 * What a worker does with a review job: authenticate as the installation, review the pull
 * request's head, and make sure the "Go Standards" check run never stays open — a run
 * interrupted by a crash is closed when the job is taken again, and a job that fails for good
 * ends with a neutral check run saying what happened and how to retry.
 */
import { CHECK_NAME } from './check-run.js';
import { reviewPullRequest, type ReviewDeps, type ReviewOutcome } from './pull-request.js';
import type { JobAttempt, JobRunner } from './queue/job-queue.js';
import { pullKey, type ReviewJob } from './queue/review-job.js';
import { statusOf, type GitHub, type Logger, type PullTarget } from './types.js';
import type { Finding } from '../core/model.js';
import type { Metrics } from '../ops/metrics.js';

export interface RunnerDeps {
  /** An Octokit authenticated as the installation. */
  octokitFor(installationId: number): Promise<GitHub>;
  review: Omit<ReviewDeps, 'octokit' | 'log'>;
  log: Logger;
  /** This app's id: only its own check runs are closed. */
  appId?: number;
  metrics?: Metrics;
}

/** A run that finds the head moved on, with no newer job queued, reviews the newer head: at most this many times. */
const MAX_HEAD_CHASES = 3;

interface PullState {
  headSha: string;
  baseSha: string;
  draft: boolean;
  open: boolean;
}

export const RETRY_HINT = 'Comment `/go-standards recheck` on the pull request to try again.';

export function createReviewRunner(deps: RunnerDeps): JobRunner {
  /** The head each pull request's current job is on (for reporting a failure). */
  const lastHead = new Map<string, string>();
  const readPull = async (octokit: GitHub, job: ReviewJob): Promise<PullState> => {
    const { data } = await octokit.rest.pulls.get({ owner: job.owner, repo: job.repo, pull_number: job.pull });
    return { headSha: data.head.sha, baseSha: data.base.sha, draft: data.draft ?? false, open: data.state === 'open' };
  };

  const react = async (octokit: GitHub, job: ReviewJob, content: 'rocket' | 'confused', log: Logger): Promise<void> => {
    if (!job.commentId) return;
    try {
      await octokit.rest.reactions.createForIssueComment({ owner: job.owner, repo: job.repo, comment_id: job.commentId, content });
    } catch (error) {
      log.warn({ err: error, status: statusOf(error) }, `cannot add the ${content} reaction`);
    }
  };

  const onFindings = (findings: readonly Finding[]): void => {
    for (const f of findings) deps.metrics?.findings.inc({ rule: f.rule, tier: f.tier ?? 'comment' });
  };

  const jobLog = (job: ReviewJob, attempt?: JobAttempt): Logger =>
    deps.log.child({ repo: `${job.owner}/${job.repo}`, pr: job.pull, reason: job.reason, ...(attempt ? { attempt: attempt.number } : {}) });

  return {
    async run(job, attempt) {
      const log = jobLog(job, attempt);
      const octokit = await deps.octokitFor(job.installationId);
      let pull: PullState =
        job.headSha && job.baseSha && job.draft !== undefined
          ? { headSha: job.headSha, baseSha: job.baseSha, draft: job.draft, open: true }
          : await readPull(octokit, job);
      lastHead.set(pullKey(job), pull.headSha);
      if (!pull.open) {
        log.info('pull request is not open: nothing to review');
        await react(octokit, job, 'rocket', log);
        return;
      }
      if (attempt.recovered || job.reason === 'recovery') {
        await closeOpenCheckRuns(octokit, target(job, pull.headSha), deps.appId, log, {
          title: 'Interrupted',
          summary: 'This run was interrupted before it finished (the process stopped or the attempt failed); the review was started again.',
        });
      }
      let outcome: ReviewOutcome | undefined;
      for (let chase = 0; chase <= MAX_HEAD_CHASES; chase++) {
        const started = Date.now();
        try {
          outcome = await reviewPullRequest({ ...deps.review, octokit, log: log.child({ sha: pull.headSha }), onFindings }, target(job, pull.headSha), {
            baseSha: pull.baseSha,
            draft: pull.draft,
            superseded: attempt.superseded,
          });
        } catch (error) {
          deps.metrics?.reviewDuration.observe({ outcome: 'error' }, (Date.now() - started) / 1000);
          throw error;
        }
        deps.metrics?.reviews.inc({ outcome: outcome.status });
        deps.metrics?.reviewDuration.observe({ outcome: outcome.status }, (Date.now() - started) / 1000);
        log.info({ outcome: outcome.status, sha: pull.headSha }, 'review run finished');
        // The head moved on: a job queued behind this one reviews it; otherwise this one does.
        if (outcome.status !== 'superseded' || (await attempt.newerQueued())) break;
        pull = await readPull(octokit, job);
        lastHead.set(pullKey(job), pull.headSha);
        if (!pull.open) break;
      }
      lastHead.delete(pullKey(job));
      await react(octokit, job, 'rocket', log);
    },

    async gaveUp(job, error) {
      const log = jobLog(job);
      deps.metrics?.reviews.inc({ outcome: 'failed' });
      log.error({ err: error, status: statusOf(error) }, 'review failed for good');
      let octokit: GitHub;
      try {
        octokit = await deps.octokitFor(job.installationId);
      } catch (authError) {
        log.error({ err: authError }, 'cannot report the failed review on GitHub');
        return;
      }
      if (job.commentId) {
        await react(octokit, job, 'confused', log);
        await octokit.rest.issues
          .createComment({ owner: job.owner, repo: job.repo, issue_number: job.pull, body: `The re-check failed: ${describeFailure(error)}. ${RETRY_HINT}` })
          .catch((replyError) => log.warn({ err: replyError, status: statusOf(replyError) }, 'cannot reply that the re-check failed'));
      }
      try {
        const headSha = job.headSha ?? lastHead.get(pullKey(job)) ?? (await readPull(octokit, job)).headSha;
        const where = target(job, headSha);
        await closeOpenCheckRuns(octokit, where, deps.appId, log, { title: 'Interrupted', summary: 'This run did not finish.' });
        await octokit.rest.checks.create({
          owner: job.owner,
          repo: job.repo,
          name: CHECK_NAME,
          head_sha: headSha,
          status: 'completed',
          conclusion: 'neutral',
          completed_at: new Date().toISOString(),
          output: {
            title: 'The review could not finish',
            summary: [`The review of \`${headSha.slice(0, 12)}\` failed and will not be retried automatically: ${describeFailure(error)}.`, '', RETRY_HINT].join('\n'),
          },
        });
      } catch (reportError) {
        log.error({ err: reportError, status: statusOf(reportError) }, 'cannot report the failed review in a check run');
      } finally {
        lastHead.delete(pullKey(job));
      }
    },
  };
}

function target(job: ReviewJob, headSha: string): PullTarget {
  return { owner: job.owner, repo: job.repo, pull_number: job.pull, headSha };
}

/** What went wrong, in one short line for a user: a status and GitHub's message, never a request body. */
export function describeFailure(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown error';
  if (status !== undefined) return `GitHub answered ${status} (${message})`;
  if (/stalled/i.test(message)) return 'the process running it stopped repeatedly';
  return message;
}

/** Completes this app's "Go Standards" check runs on the head that are still queued or in progress. */
export async function closeOpenCheckRuns(
  octokit: GitHub,
  where: PullTarget,
  appId: number | undefined,
  log: Logger,
  output: { title: string; summary: string },
): Promise<number> {
  try {
    const { data } = await octokit.rest.checks.listForRef({
      owner: where.owner,
      repo: where.repo,
      ref: where.headSha,
      check_name: CHECK_NAME,
      ...(appId ? { app_id: appId } : {}),
      per_page: 100,
    });
    const open = data.check_runs.filter((run) => run.status !== 'completed' && (!appId || run.app?.id === undefined || run.app.id === appId));
    for (const run of open) {
      await octokit.rest.checks.update({
        owner: where.owner,
        repo: where.repo,
        check_run_id: run.id,
        status: 'completed',
        conclusion: 'neutral',
        completed_at: new Date().toISOString(),
        output,
      });
    }
    if (open.length > 0) log.info({ closed: open.length }, 'closed check runs left open by an interrupted run');
    return open.length;
  } catch (error) {
    log.warn({ err: error, status: statusOf(error) }, 'cannot close check runs left open');
    return 0;
  }
}
