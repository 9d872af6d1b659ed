/**
 * One GraphQL request for what a review needs besides the file list: the pull request's current
 * head, up to 50 changed files at the head, the go.mod files in their directories, the
 * configuration files (the repository's at the base, the organisation's `.github` one) and the
 * bot's earlier reviews and review threads. Returns null when GraphQL is unavailable or the
 * answer is too big for one page; the caller then uses the REST path.
 */
import { posix } from 'node:path';
import { firstConfigFiles, prefetchKey, type ConfigFileRef, type PrefetchedConfig } from './config-loader.js';
import { goModVersion } from '../core/go-version.js';
import { SUMMARY_MARKER } from '../core/render/markers.js';
import { assembleHistory, isOwnBot, type History, type ThreadComments } from './history.js';
import { headFileLookups, readBlobAnswer, type BlobAnswer, type FetchedFile } from './source.js';
import type { GitHub, PullTarget, Threads } from './types.js';

/** Directories whose go.mod is looked up in the same request, at most. */
export const MAX_GO_MOD_DIRS = 50;

export interface Snapshot {
  /** The pull request's head commit when the snapshot was taken. */
  headSha: string;
  /** The configuration files read (empty when none were asked for). */
  config: PrefetchedConfig;
  files: Map<string, FetchedFile>;
  /** Directory → the `go` directive of its go.mod ('' for a go.mod without one); absent: no go.mod. */
  goMods: Map<string, string>;
  /** Every directory that was looked up. */
  goModDirs: Set<string>;
  history: History;
  /** First comment id → its review thread (for resolving fixed findings). */
  threads: Threads;
}

interface Author {
  __typename?: string;
  login?: string;
}

interface SnapshotAnswer {
  repository: {
    pullRequest: {
      headRefOid: string;
      reviews: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ databaseId: number; body: string; author: Author | null }> };
      reviewThreads: {
        pageInfo: { hasNextPage: boolean };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          path: string;
          comments: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ databaseId: number; body: string; author: Author | null }> };
        }>;
      };
    } | null;
    [alias: string]: unknown;
  } | null;
  orgConfig?: { object: { text: string | null } | null } | null;
}

/** Alias of the organisation `.github` repository in the query. */
const ORG_ALIAS = 'orgConfig';

/** A GraphQL error answer whose only errors are "not found" for the organisation's `.github` repository. */
function partialAnswer(error: unknown): SnapshotAnswer | undefined {
  const e = error as { name?: string; errors?: Array<{ type?: string; path?: Array<string | number> }>; data?: SnapshotAnswer };
  if (e?.name !== 'GraphqlResponseError' || !e.data || !e.errors?.length) return undefined;
  return e.errors.every((x) => x.type === 'NOT_FOUND' && x.path?.[0] === ORG_ALIAS) ? e.data : undefined;
}

/** Every directory from each file's own up to the repository root. */
export function ancestorDirs(paths: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const p of paths) {
    for (let d = posix.dirname(p); ; d = posix.dirname(d)) {
      dirs.add(d);
      if (d === '.' || d === '/') break;
    }
  }
  return [...dirs];
}

export async function fetchSnapshot(
  octokit: GitHub,
  target: PullTarget,
  paths: readonly string[],
  goModDirs: readonly string[],
  maxBytes: number,
  /** Set: also read the configuration files at this base commit. */
  configAt?: string,
  /** This app's bot user: only its comments and summaries are history. */
  botLogin?: string,
): Promise<Snapshot | null> {
  const lookups = headFileLookups(target.headSha, paths);
  const variables: Record<string, string | number> = { owner: target.owner, repo: target.repo, number: target.pull_number, ...lookups.variables };
  const decls = ['$owner: String!', '$repo: String!', '$number: Int!', ...lookups.declarations];
  const fields = [...lookups.fields];
  goModDirs.forEach((d, i) => {
    decls.push(`$m${i}: String!`);
    variables[`m${i}`] = `${target.headSha}:${d === '.' ? '' : `${d}/`}go.mod`;
    fields.push(`m${i}: object(expression: $m${i}) { ... on Blob { text } }`);
  });
  const configFiles = configAt ? firstConfigFiles(target, configAt) : undefined;
  let orgField = '';
  if (configFiles) {
    const [own, org] = configFiles;
    decls.push('$c0: String!', '$c1: String!');
    variables.c0 = `${own.ref}:${own.path}`;
    variables.c1 = `HEAD:${org.path}`;
    fields.push('c0: object(expression: $c0) { ... on Blob { text } }');
    orgField = `${ORG_ALIAS}: repository(owner: $owner, name: ".github") { object(expression: $c1) { ... on Blob { text } } }`;
  }
  const author = 'author { __typename login }';
  const query = `query(${decls.join(', ')}) {
  ${orgField}
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      headRefOid
      reviews(first: 100) { pageInfo { hasNextPage } nodes { databaseId body ${author} } }
      reviewThreads(first: 100) {
        pageInfo { hasNextPage }
        nodes { id isResolved path comments(first: 50) { pageInfo { hasNextPage } nodes { databaseId body ${author} } } }
      }
    }
    ${fields.join('\n    ')}
  }
}`;
  let data: SnapshotAnswer;
  try {
    data = await octokit.graphql<SnapshotAnswer>(query, variables);
  } catch (error) {
    const partial = partialAnswer(error);
    if (!partial) return null;
    data = partial;
  }
  const pr = data.repository?.pullRequest;
  if (!data.repository || !pr) return null;
  if (pr.reviews.pageInfo.hasNextPage || pr.reviewThreads.pageInfo.hasNextPage) return null;
  if (pr.reviewThreads.nodes.some((t) => t.comments.pageInfo.hasNextPage)) return null;

  const files = new Map<string, FetchedFile>();
  paths.forEach((p, i) => files.set(p, readBlobAnswer(data.repository![`f${i}`] as BlobAnswer | null, maxBytes)));
  const goMods = new Map<string, string>();
  goModDirs.forEach((d, i) => {
    const blob = data.repository![`m${i}`] as { text: string | null } | null;
    if (blob) goMods.set(d, goModVersion(blob.text ?? '') ?? '');
  });

  const isBot = (a: Author | null): boolean => isOwnBot(a, botLogin);
  const threads: Threads = new Map();
  const threadComments: ThreadComments[] = [];
  for (const t of pr.reviewThreads.nodes) {
    const [first, ...replies] = t.comments.nodes;
    if (!first) continue;
    threads.set(first.databaseId, { id: t.id, isResolved: t.isResolved });
    threadComments.push({
      first: { id: first.databaseId, path: t.path, body: first.body, byBot: isBot(first.author) },
      replies: replies.map((r) => ({ body: r.body, byBot: isBot(r.author) })),
    });
  }
  const reviewBodies = pr.reviews.nodes
    .filter((r) => isBot(r.author) && r.body.includes(SUMMARY_MARKER))
    .map((r) => ({ id: r.databaseId, body: r.body }));
  const history = assembleHistory(threadComments, reviewBodies);
  const config = new Map<string, string | null>();
  if (configFiles) {
    const [own, org] = configFiles;
    // A blob without text (binary) or an answer without the field is left to the loader.
    const orgRepo = data[ORG_ALIAS];
    const answers: Array<[ConfigFileRef, { text: string | null } | null | undefined]> = [
      [own, data.repository.c0 as { text: string | null } | null | undefined],
      [org, orgRepo === null ? null : orgRepo?.object],
    ];
    for (const [file, blob] of answers) {
      const key = prefetchKey(file.owner, file.repo, file.path, file.ref);
      if (blob === null) config.set(key, null);
      else if (typeof blob?.text === 'string') config.set(key, blob.text);
    }
  }
  return { headSha: pr.headRefOid, config, files, goMods, goModDirs: new Set(goModDirs), history, threads };
}

/** The `go` version for a file from the snapshot's go.mod lookups (nearest directory wins). */
export function snapshotGoVersion(snapshot: Snapshot, path: string): string | undefined {
  for (let d = posix.dirname(path); ; d = posix.dirname(d)) {
    const v = snapshot.goMods.get(d);
    if (v !== undefined) return v || undefined;
    if (d === '.' || d === '/') return undefined;
  }
}
