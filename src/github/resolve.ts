/**
 * Closing the loop on findings that a new push fixed: resolve the bot's review thread, or where
 * that cannot be done, reply once that it was fixed. Comments are never deleted.
 */
import { fixedReply } from '../core/render/comment.js';
import type { PostedComment } from './history.js';
import type { GitHub, Logger, PullTarget, Threads } from './types.js';

const THREADS_QUERY = `
query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

const RESOLVE_MUTATION = `
mutation($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{ id: string; isResolved: boolean; comments: { nodes: Array<{ databaseId: number | null }> } }>;
      };
    } | null;
  } | null;
}

/** First comment id → its review thread. */
async function reviewThreads(octokit: GitHub, target: PullTarget): Promise<Threads> {
  const threads: Threads = new Map();
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, {
      owner: target.owner,
      repo: target.repo,
      number: target.pull_number,
      cursor,
    });
    const conn = data.repository?.pullRequest?.reviewThreads;
    if (!conn) break;
    for (const t of conn.nodes) {
      const first = t.comments.nodes[0]?.databaseId;
      if (first) threads.set(first, { id: t.id, isResolved: t.isResolved });
    }
    if (!conn.pageInfo.hasNextPage) break;
    cursor = conn.pageInfo.endCursor;
  }
  return threads;
}

export interface Resolution {
  resolved: number;
  replied: number;
}

export async function closeFixedFindings(
  octokit: GitHub,
  target: PullTarget,
  fixed: readonly PostedComment[],
  log: Logger,
  /** Threads already read (with the review's snapshot), to save the listing. */
  known?: Threads,
): Promise<Resolution> {
  const result: Resolution = { resolved: 0, replied: 0 };
  if (fixed.length === 0) return result;
  let threads: Threads | null = known ?? null;
  if (!threads) {
    try {
      threads = await reviewThreads(octokit, target);
    } catch (error) {
      log.warn({ err: error }, 'cannot list review threads; replying to fixed findings instead');
    }
  }
  for (const comment of fixed) {
    const thread = threads?.get(comment.id);
    if (thread?.isResolved) continue;
    if (thread) {
      try {
        await octokit.graphql(RESOLVE_MUTATION, { threadId: thread.id });
        result.resolved++;
        continue;
      } catch (error) {
        log.warn({ err: error, comment: comment.id }, 'cannot resolve the review thread; replying instead');
      }
    }
    if (comment.fixedReplied) continue;
    await octokit.rest.pulls.createReplyForReviewComment({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pull_number,
      comment_id: comment.id,
      body: fixedReply(comment.rule, target.headSha),
    });
    result.replied++;
  }
  return result;
}
