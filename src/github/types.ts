import type { ProbotOctokit, Logger } from 'probot';

/** The installation-authenticated client Probot hands to event handlers. */
export type GitHub = InstanceType<typeof ProbotOctokit>;
export type { Logger };

/** One pull request at one head commit. */
export interface PullTarget {
  owner: string;
  repo: string;
  pull_number: number;
  headSha: string;
}

/** A pull request's review threads by the id of their first comment. */
export type Threads = Map<number, { id: string; isResolved: boolean }>;

/** What a status code on an Octokit error says, if any. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}
