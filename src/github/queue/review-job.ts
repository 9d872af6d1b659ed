/**
 * A review job: what a webhook (or recovery) asks a worker to do, as stored in a queue. It names
 * the pull request, not a snapshot of it: a worker reads the pull request's current head when the
 * job runs, so a job that waited behind a newer push reviews the newest head.
 */
import { z } from 'zod';

export const reviewJobSchema = z.object({
  installationId: z.number().int().positive(),
  owner: z.string().min(1),
  repo: z.string().min(1),
  pull: z.number().int().positive(),
  /** What asked for the review. */
  reason: z.enum(['push', 'recheck', 'rerun', 'recovery']),
  /** The head the webhook named (a hint: the worker reads the current one). */
  headSha: z.string().optional(),
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
