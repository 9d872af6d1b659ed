/** Reading a pull request's changed files and their head versions from GitHub. */
import type { GitHub, PullTarget } from './types.js';
import { statusOf } from './types.js';

/** GitHub lists at most this many files of a pull request. */
export const LIST_FILES_CAP = 3000;

export interface PullFile {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

export async function listPullFiles(octokit: GitHub, target: PullTarget): Promise<{ files: PullFile[]; truncated: boolean }> {
  const files = (await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pull_number,
    per_page: 100,
  })) as PullFile[];
  return { files, truncated: files.length >= LIST_FILES_CAP };
}

export type FetchedFile = { ok: true; source: string } | { ok: false; reason: string };

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Each path segment percent-encoded, the slashes kept (as GitHub documents the route). */
function contentPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function decode(bytes: Buffer): FetchedFile {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary content' };
  return { ok: true, source: bytes.toString('utf8') };
}

/**
 * Fetches the whole file at the head commit. The JSON form carries the content up to 1 MB;
 * larger files (when the cap allows them) come with the raw media type.
 */
export async function fetchHeadFile(octokit: GitHub, target: PullTarget, path: string, maxBytes: number): Promise<FetchedFile> {
  let data: unknown;
  try {
    ({ data } = await octokit.request(`GET /repos/{owner}/{repo}/contents/${contentPath(path)}`, {
      owner: target.owner,
      repo: target.repo,
      ref: target.headSha,
    }));
  } catch (error) {
    if (statusOf(error) === 404) return { ok: false, reason: 'not found at the head commit' };
    throw error;
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null || (data as { type?: string }).type !== 'file') {
    return { ok: false, reason: 'not a regular file (symlink or submodule)' };
  }
  const file = data as { size: number; content?: string; encoding?: string };
  if (file.size > maxBytes) return { ok: false, reason: `${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} size cap` };
  if (file.encoding === 'base64' && file.content !== undefined) return decode(Buffer.from(file.content, 'base64'));
  const raw = await octokit.request(`GET /repos/{owner}/{repo}/contents/${contentPath(path)}`, {
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    mediaType: { format: 'raw' },
  });
  return decode(Buffer.from(raw.data as unknown as string, 'utf8'));
}

/** Files per GraphQL request: each is one aliased `object(expression:)` lookup. */
export const GRAPHQL_BATCH = 50;

export interface BlobAnswer {
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
  text: string | null;
}

/**
 * Fetches up to GRAPHQL_BATCH files at the head commit in one GraphQL request. Returns null
 * when GraphQL is not available (the caller falls back to the contents API).
 */
export async function fetchHeadFilesGraphQL(
  octokit: GitHub,
  target: PullTarget,
  paths: readonly string[],
  maxBytes: number,
): Promise<Map<string, FetchedFile> | null> {
  const files = headFileLookups(target.headSha, paths);
  const variables = { owner: target.owner, repo: target.repo, ...files.variables };
  const query = `query(${['$owner: String!', '$repo: String!', ...files.declarations].join(', ')}) {
  repository(owner: $owner, name: $repo) { ${files.fields.join('\n    ')} }
}`;
  let data: { repository: Record<string, BlobAnswer | null> | null };
  try {
    data = await octokit.graphql(query, variables);
  } catch {
    return null;
  }
  if (!data.repository) return null;
  const out = new Map<string, FetchedFile>();
  paths.forEach((p, i) => out.set(p, readBlobAnswer(data.repository![`f${i}`] ?? null, maxBytes)));
  return out;
}

/**
 * Aliased `object(expression: "<sha>:<path>")` lookups of the files, as `f0…fN` with variables
 * `$e0…$eN`: the GraphQL fragments, their variable declarations and values.
 */
export function headFileLookups(sha: string, paths: readonly string[]): { fields: string[]; declarations: string[]; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  paths.forEach((p, i) => (variables[`e${i}`] = `${sha}:${p}`));
  return {
    fields: paths.map((_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { byteSize isBinary isTruncated text } }`),
    declarations: paths.map((_, i) => `$e${i}: String!`),
    variables,
  };
}

/** A GraphQL Blob answer as a fetched file, or the reason it is skipped. */
export function readBlobAnswer(blob: BlobAnswer | null, maxBytes: number): FetchedFile {
  if (!blob) return { ok: false, reason: 'not found at the head commit' };
  if (blob.byteSize > maxBytes) return { ok: false, reason: `${formatBytes(blob.byteSize)}, over the ${formatBytes(maxBytes)} size cap` };
  if (blob.isBinary || blob.text === null || blob.text.slice(0, 8192).includes('\u0000')) return { ok: false, reason: 'binary content' };
  if (blob.isTruncated) return { ok: false, reason: 'GitHub truncated its content' };
  return { ok: true, source: blob.text };
}
