/**
 * A review job: what a webhook (or recovery) asks a worker to do, as stored in a queue. It names
 * the pull request; the head it carries is a hint, so a job that stood for a newer push as well
 * (the queue keeps one waiting job per pull request) still ends on the newest head.
 */
import { z } from 'zod';

export const reviewJobSchema = z.object({
  installationId: z.number().int().positive(),
  owner: z.string().min(1),
  repo: z.string().min(1),
  pull: z.number().int().positive(),
  /** What asked for the review. */
  reason: z.enum(['push', 'recheck', 'rerun', 'recovery']),
  /**
   * The pull request as the webhook described it (hints: a run that finds the head moved on
   * reviews the newer head instead). Without them the worker reads the pull request first.
   */
  headSha: z.string().optional(),
  baseSha: z.string().optional(),
  draft: z.boolean().optional(),
  /** The `/go-standards recheck` comment to react to when the job ends. */
  commentId: z.number().int().positive().optional(),
  /** The X-GitHub-Delivery that asked for it (dropped when seen again). */
  deliveryId: z.string().min(1).optional(),
});

export type ReviewJob = z.infer<typeof reviewJobSchema>;

/** Jobs for one pull request never run together: this is the key they share. */
export function pullKey(job: Pick<ReviewJob, 'owner' | 'repo' | 'pull'>): string {
  return `${job.owner}/${job.repo}#${job.pull}`;
}
