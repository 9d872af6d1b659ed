/** What the bot already said on a pull request: its review comments and review summaries. */
import { readMarker } from '../core/render/fingerprint.js';
import { FIXED_MARKER, readListedMarker, SUMMARY_MARKER } from '../core/render/markers.js';
import type { GitHub, PullTarget } from './types.js';

export interface PostedComment {
  id: number;
  path: string;
  rule: string;
  fingerprint: string;
  /** Replies by anyone. */
  replies: number;
  /** Whether the bot already replied that it was fixed. */
  fixedReplied: boolean;
}

export interface History {
  /** Fingerprints commented inline or listed in a summary by an earlier run. */
  posted: Set<string>;
  comments: PostedComment[];
  /** Bodies of the bot's earlier reviews (for finding a review a failed request did create). */
  reviewBodies: Array<{ id: number; body: string }>;
}

interface RawComment {
  id: number;
  body: string;
  path: string;
  in_reply_to_id?: number;
  user: { type?: string; login?: string } | null;
}

interface RawReview {
  id: number;
  body: string | null;
  user: { type?: string; login?: string } | null;
}

const withoutBotSuffix = (login: string): string => login.replace(/\[bot\]$/, '').toLowerCase();

/**
 * Whether an author is this app's bot user. REST names it `<slug>[bot]`, GraphQL `<slug>`.
 * Without `botLogin` (the app's identity unknown) any bot counts.
 */
export function isOwnBot(author: { type?: string; __typename?: string; login?: string } | null | undefined, botLogin: string | undefined): boolean {
  if (!author || (author.type ?? author.__typename) !== 'Bot') return false;
  return botLogin === undefined || (author.login !== undefined && withoutBotSuffix(author.login) === withoutBotSuffix(botLogin));
}

export async function listBotReviews(octokit: GitHub, target: PullTarget, botLogin?: string): Promise<Array<{ id: number; body: string }>> {
  const reviews = (await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pull_number,
    per_page: 100,
  })) as RawReview[];
  return reviews.filter((r) => isOwnBot(r.user, botLogin) && r.body?.includes(SUMMARY_MARKER)).map((r) => ({ id: r.id, body: r.body ?? '' }));
}

/** The app's earlier comments and summaries: only those by its own bot user (`botLogin`) are trusted. */
export async function readHistory(octokit: GitHub, target: PullTarget, botLogin?: string): Promise<History> {
  const [raw, reviewBodies] = await Promise.all([
    octokit.paginate(octokit.rest.pulls.listReviewComments, {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pull_number,
      per_page: 100,
    }) as Promise<RawComment[]>,
    listBotReviews(octokit, target, botLogin),
  ]);
  const replies = new Map<number, RawComment[]>();
  for (const c of raw) {
    if (c.in_reply_to_id !== undefined) replies.set(c.in_reply_to_id, [...(replies.get(c.in_reply_to_id) ?? []), c]);
  }
  const threads = raw
    .filter((c) => c.in_reply_to_id === undefined)
    .map((c) => ({
      first: { id: c.id, path: c.path, body: c.body, byBot: isOwnBot(c.user, botLogin) },
      replies: (replies.get(c.id) ?? []).map((r) => ({ body: r.body, byBot: isOwnBot(r.user, botLogin) })),
    }));
  return assembleHistory(threads, reviewBodies);
}

export interface ThreadComments {
  first: { id: number; path: string; body: string; byBot: boolean };
  replies: Array<{ body: string; byBot: boolean }>;
}

/** The bot's history from its review threads and summaries, however they were read. */
export function assembleHistory(threads: readonly ThreadComments[], reviewBodies: History['reviewBodies']): History {
  const comments: PostedComment[] = [];
  const posted = new Set<string>();
  for (const { first, replies } of threads) {
    const marker = first.byBot ? readMarker(first.body) : null;
    if (!marker) continue;
    posted.add(marker.fingerprint);
    comments.push({
      id: first.id,
      path: first.path,
      rule: marker.rule,
      fingerprint: marker.fingerprint,
      replies: replies.length,
      fixedReplied: replies.some((r) => r.byBot && r.body.includes(FIXED_MARKER)),
    });
  }
  for (const r of reviewBodies) for (const fp of readListedMarker(r.body)) posted.add(fp);
  return { posted, comments, reviewBodies };
}
