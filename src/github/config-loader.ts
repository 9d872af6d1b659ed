/**
 * The repository's configuration, read at the pull request's base (a pull request must not be
 * able to switch its own review off) through Probot's config loader, so that an organisation's
 * `.github` repository provides defaults and `_extends` works. Cached per repository and base
 * commit.
 *
 * The two files the loader always asks for first (the repository's at the base, the
 * organisation's `.github` repository's at its default branch) can come prefetched in the
 * review's GraphQL snapshot; the loader then reads them from there and goes to the contents API
 * only for what `_extends` names.
 */
import { composeConfigGet } from '@probot/octokit-plugin-config';
import { LRUCache } from 'lru-cache';
import { CONFIG_PATH, locateProblems, parseConfigText, validateConfig, type Config, type ConfigProblem } from '../core/config.js';
import { mergeLayers, type ConfigLayer, type EffectiveConfig } from '../core/config-merge.js';
import { statusOf, type GitHub, type Logger } from './types.js';

export interface LoadedConfig extends EffectiveConfig {
  /** Problems found, with the file they are in; empty when the configuration is valid. */
  problems: Array<ConfigProblem & { file: string }>;
  /** Whether the (invalid) configuration asked to skip the review rather than use defaults. */
  skipReview: boolean;
}

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  url: string;
  config: Record<string, unknown> | null;
}

/**
 * The organisation's `.github` configuration file by owner (null text: none), warmed when the
 * app is installed and refreshed by every review snapshot. Reviews that cannot use GraphQL read
 * the organisation's defaults from here instead of the contents API.
 */
export type OrgConfigCache = LRUCache<string, { text: string | null }>;

export function createOrgConfigCache(): OrgConfigCache {
  return new LRUCache<string, { text: string | null }>({ max: 1000, ttl: 10 * 60 * 1000 });
}

/** Reads the organisation's defaults (`<owner>/.github`, default branch) once, for the cache. */
export async function warmOrgConfig(
  octokit: GitHub,
  owner: string,
  knownRules: ReadonlySet<string>,
  cache: OrgConfigCache,
  log: Logger,
): Promise<void> {
  let text: string | null;
  try {
    text = await readRaw(octokit, { owner, repo: '.github', path: CONFIG_PATH });
  } catch (error) {
    if (statusOf(error) !== 404) {
      log.warn({ err: error, owner }, 'cannot read the organisation configuration');
      return;
    }
    text = null;
  }
  cache.set(owner, { text });
  const source = `${owner}/.github:${CONFIG_PATH}`;
  if (text === null) {
    log.info({ owner }, 'no organisation configuration: repositories use their own or the defaults');
    return;
  }
  const result = parseConfigText(text, knownRules);
  if (result.ok) log.info({ owner, file: source }, 'organisation configuration loaded');
  else for (const p of result.problems) log.warn({ owner, file: source, key: p.key, line: p.line }, `invalid organisation configuration: ${p.message}`);
}

/**
 * The files a review already has for the loader: those its snapshot brought (which refresh the
 * organisation cache), plus the organisation's defaults from the cache when the snapshot has not
 * got them.
 */
export function prefetchedFiles(owner: string, snapshot: PrefetchedConfig | undefined, orgCache: OrgConfigCache): PrefetchedConfig {
  const files = new Map(snapshot ?? []);
  const orgKey = prefetchKey(owner, '.github', CONFIG_PATH);
  const fromSnapshot = files.get(orgKey);
  if (fromSnapshot !== undefined) orgCache.set(owner, { text: fromSnapshot });
  else {
    const cached = orgCache.get(owner);
    if (cached) files.set(orgKey, cached.text);
  }
  return files;
}

/** Configuration per repository and base commit: a burst of pull requests costs one read. */
export function createConfigCache(): LRUCache<string, LoadedConfig> {
  return new LRUCache<string, LoadedConfig>({ max: 500, ttl: 10 * 60 * 1000 });
}

/**
 * Configuration files already read, keyed by `prefetchKey`: the text, or null for a file that
 * does not exist. Files not in the map are read from GitHub.
 */
export type PrefetchedConfig = ReadonlyMap<string, string | null>;

/** Key of a configuration file in a `PrefetchedConfig`; no ref: the default branch. */
export function prefetchKey(owner: string, repo: string, path: string, ref?: string): string {
  return `${owner}/${repo}/${path}@${ref ?? ''}`;
}

/** The files the loader asks for before any `_extends`: the repository's at the base, then the organisation's. */
export interface ConfigFileRef {
  owner: string;
  repo: string;
  path: string;
  /** The commit to read at; absent: the default branch. */
  ref?: string;
}

export function firstConfigFiles(repo: { owner: string; repo: string }, baseSha: string): [own: ConfigFileRef, org: ConfigFileRef] {
  return [
    { ...repo, path: CONFIG_PATH, ref: baseSha },
    { owner: repo.owner, repo: '.github', path: CONFIG_PATH },
  ];
}

const CONTENTS_ROUTE = '/repos/{owner}/{repo}/contents/{path}';

/**
 * The client the loader talks to: contents requests for prefetched files are answered from the
 * map (a missing file as the 404 GitHub would send), everything else goes to GitHub.
 */
function withPrefetched(octokit: GitHub, prefetched: PrefetchedConfig | undefined): GitHub {
  if (!prefetched || prefetched.size === 0) return octokit;
  const request = (async (route: unknown, params?: Record<string, unknown>) => {
    const options = (typeof route === 'string' ? { ...params, ...parseRoute(route) } : route) as Record<string, unknown>;
    if (options.url === CONTENTS_ROUTE && (options.method ?? 'GET') === 'GET') {
      const key = prefetchKey(String(options.owner), String(options.repo), String(options.path), options.ref as string | undefined);
      const text = prefetched.get(key);
      if (text === null) throw Object.assign(new Error('Not Found'), { status: 404 });
      if (text !== undefined) return { status: 200, url: octokit.request.endpoint(options as never).url, headers: { 'content-type': 'text/plain; charset=utf-8' }, data: text };
    }
    return octokit.request(options as never);
  }) as unknown as GitHub['request'];
  Object.assign(request, { endpoint: octokit.request.endpoint });
  return { request } as unknown as GitHub; // the loader uses `request` alone
}

function parseRoute(route: string): { method: string; url: string } {
  const [method, url] = route.split(' ') as [string, string];
  return { method, url };
}

/** A file's text from the contents API (raw media type); no ref: the default branch. Throws GitHub's errors. */
async function readRaw(octokit: GitHub, file: ConfigFileRef): Promise<string> {
  const res = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
    owner: file.owner,
    repo: file.repo,
    path: file.path,
    ...(file.ref ? { ref: file.ref } : {}),
    mediaType: { format: 'raw' },
  });
  return String(res.data);
}

export async function loadConfig(
  octokit: GitHub,
  repo: { owner: string; repo: string },
  baseSha: string,
  knownRules: ReadonlySet<string>,
  log: Logger,
  cache: LRUCache<string, LoadedConfig>,
  prefetched?: PrefetchedConfig,
): Promise<LoadedConfig> {
  const cached = cache.get(configCacheKey(repo, baseSha));
  if (cached) return cached;
  const client = withPrefetched(octokit, prefetched);
  let files: ConfigFile[];
  try {
    ({ files } = (await composeConfigGet(client, { ...repo, path: CONFIG_PATH, branch: baseSha })) as unknown as { files: ConfigFile[] });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, '') : String(error);
    log.warn({ err: error }, 'cannot read the configuration');
    const loaded: LoadedConfig = { ...mergeLayers([]), problems: [{ file: CONFIG_PATH, key: '(file)', message }], skipReview: false };
    return loaded; // not cached: a transient error should not stick
  }
  const layers: ConfigLayer[] = [];
  const problems: LoadedConfig['problems'] = [];
  let skipReview = false;
  // files: the repository's own first, then the organisation's, then what they extend.
  for (const [i, file] of [...files.entries()].reverse()) {
    if (!file.config) continue;
    const source = `${file.owner}/${file.repo}:${file.path}`;
    const { _extends: _ignored, ...raw } = file.config;
    const result = validateConfig(raw, knownRules);
    if (result.ok) {
      layers.push({ source, config: pickDefined(raw, result.config) });
      continue;
    }
    if ((raw as { invalidConfig?: unknown }).invalidConfig === 'skip-review') skipReview = true;
    const text = await readRaw(client, { ...file, ref: i === 0 ? baseSha : undefined }).catch(() => undefined);
    const located = text ? locateProblems(text, result.problems) : result.problems;
    for (const p of located) problems.push({ ...p, file: source });
  }
  const loaded: LoadedConfig = { ...mergeLayers(problems.length > 0 ? [] : layers), problems, skipReview };
  cache.set(configCacheKey(repo, baseSha), loaded);
  return loaded;
}

function configCacheKey(repo: { owner: string; repo: string }, baseSha: string): string {
  return `${repo.owner}/${repo.repo}@${baseSha}`;
}

/** The configuration already loaded for this repository and base commit, if any. */
export function cachedConfig(cache: LRUCache<string, LoadedConfig>, repo: { owner: string; repo: string }, baseSha: string): LoadedConfig | undefined {
  return cache.get(configCacheKey(repo, baseSha));
}

/** Only the keys the file wrote (validated values), so defaults do not mask lower layers. */
function pickDefined(raw: Record<string, unknown>, validated: Config): Partial<Config> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (key === 'paths' && raw.paths && typeof raw.paths === 'object') {
      out.paths = Object.fromEntries(Object.keys(raw.paths).map((k) => [k, (validated.paths as Record<string, unknown>)[k]]));
    } else {
      out[key] = (validated as Record<string, unknown>)[key];
    }
  }
  return out as Partial<Config>;
}
