/**
 * Gathering a review's inputs from GitHub: the head, the configuration, the changed Go files
 * with their contents and Go versions, the bot's history and review threads, as one value. One
 * GraphQL snapshot brings most of it; whatever it did not bring (or everything, when GraphQL is
 * unavailable or turned off) comes from REST. Callers never learn which.
 */
import { posix } from 'node:path';
import PQueue from 'p-queue';
import { pathFilter } from '../core/config.js';
import type { ChangedFile, ChangeInput } from '../core/review.js';
import type { SkippedFile } from '../core/review-plan.js';
import { isGenerated, isGoFile, isVendored } from '../core/sources.js';
import { cachedConfig, loadConfig, prefetchedFiles, type LoadedConfig } from './config-loader.js';
import { ModuleVersionLookup } from './go-modules.js';
import { readHistory, type PostedComment } from './history.js';
import type { ReviewCaches } from './review-caches.js';
import type { ReviewSettings } from './settings.js';
import { ancestorDirs, fetchSnapshot, MAX_GO_MOD_DIRS, snapshotGoVersion, type Snapshot } from './snapshot.js';
import { fetchHeadFile, fetchHeadFilesGraphQL, GRAPHQL_BATCH, LIST_FILES_CAP, listPullFiles, type FetchedFile, type PullFile } from './source.js';
import type { GitHub, Logger, PullTarget, Threads } from './types.js';

export interface GatherDeps {
  octokit: GitHub;
  log: Logger;
  settings: ReviewSettings;
  caches: ReviewCaches;
  /** Every rule id, for judging the configuration. */
  knownRules: ReadonlySet<string>;
}

export interface PullContext {
  /** The base commit: the configuration is read there, never at the head. */
  baseSha: string;
  draft?: boolean;
  /** The head of a newer push waiting to be reviewed, if any (the review queue knows). */
  superseded?: () => string | undefined;
}

export interface PullInputs {
  /**
   * The head under review. `confirmed`: GitHub said it was still the pull request's head just
   * before the analysis (a push since then shows as a newer job in the queue); otherwise the
   * publisher asks again before posting.
   */
  head: { sha: string; confirmed: boolean };
  config: LoadedConfig;
  /** The core's input: files with contents and Go versions, removed and skipped files, remarks, history. */
  change: ChangeInput<PostedComment>;
  /** The review threads, when they came with the rest; else they are listed only if a fixed finding needs them. */
  threads?: Threads;
}

export type Gathered =
  | { status: 'draft' }
  | { status: 'no-go-files' }
  | { status: 'superseded'; headSha: string }
  /** The configuration is invalid and asks to skip the review. */
  | { status: 'invalid-config'; config: LoadedConfig }
  | { status: 'ready'; inputs: PullInputs };

/**
 * Everything a review of `target` needs. `onScoped` is called once the pull request is known to
 * change Go files in the reviewed paths, before their contents are read: the review has begun
 * (its check run starts its clock there).
 */
export async function gatherInputs(deps: GatherDeps, target: PullTarget, pull: PullContext, onScoped: () => void): Promise<Gathered> {
  const scoped = await scopePull(deps, target, pull);
  if (scoped.status !== 'scoped') return scoped;
  const { loaded, snapshot, goFiles } = scoped;
  onScoped();
  for (const p of loaded.problems) deps.log.warn({ file: p.file, key: p.key, line: p.line }, `invalid configuration: ${p.message}`);
  if (loaded.problems.length > 0 && loaded.skipReview) return { status: 'invalid-config', config: loaded };

  const { files, skipped } = await readChangedFiles(deps, target, goFiles, snapshot, loaded.config.goVersion !== undefined);
  for (const s of skipped) deps.log.info({ path: s.path, reason: s.reason }, 'file not reviewed');
  return {
    status: 'ready',
    inputs: {
      head: { sha: target.headSha, confirmed: snapshot !== null },
      config: loaded,
      change: {
        files,
        removed: goFiles.filter((f) => f.status === 'removed').map((f) => f.filename),
        skipped,
        remarks: scoped.truncated ? [`GitHub lists only the first ${LIST_FILES_CAP} files of a pull request; files beyond those were not reviewed.`] : [],
        history: snapshot?.history ?? (await readHistory(deps.octokit, target, deps.settings.botLogin)),
      },
      threads: snapshot?.threads,
    },
  };
}

type Scoped =
  | Exclude<Gathered, { status: 'ready' | 'invalid-config' }>
  | { status: 'scoped'; loaded: LoadedConfig; snapshot: Snapshot | null; goFiles: PullFile[]; truncated: boolean };

/**
 * The configuration, the changed Go files it reviews, and the snapshot (with GraphQL): one
 * request for the current head, the configuration (unless cached), the first 50 files, their
 * go.mod files and the bot's history.
 */
async function scopePull(deps: GatherDeps, target: PullTarget, pull: PullContext): Promise<Scoped> {
  const { octokit, log, settings, caches } = deps;
  const repo = { owner: target.owner, repo: target.repo };
  const readConfig = (snapshot?: Snapshot | null): Promise<LoadedConfig> =>
    loadConfig(octokit, repo, pull.baseSha, deps.knownRules, log, caches.config, prefetchedFiles(repo.owner, snapshot?.config, caches.orgConfig));
  // A draft's review depends on `drafts`: read the configuration first (it is cached for later).
  let loaded = pull.draft ? await readConfig() : cachedConfig(caches.config, repo, pull.baseSha);
  if (pull.draft && loaded?.config.drafts === 'skip') {
    log.info('draft pull request: skipped until ready for review');
    return { status: 'draft' };
  }
  const { files, truncated } = await listPullFiles(octokit, target);
  const candidates = files.filter((f) => isGoFile(f.filename) && !isVendored(f.filename));
  if (candidates.length === 0) {
    log.info({ files: files.length }, 'no changed Go files: nothing to review');
    return { status: 'no-go-files' };
  }
  const fetchable = candidates.filter((f) => f.status !== 'removed' && f.patch);
  const snapshot =
    settings.contentsVia === 'graphql'
      ? await fetchSnapshot(
          octokit,
          target,
          fetchable.slice(0, GRAPHQL_BATCH).map((f) => f.filename),
          goModLookups(fetchable.map((f) => f.filename)),
          settings.maxFileBytes,
          loaded ? undefined : pull.baseSha,
          settings.botLogin,
        )
      : null;
  if (snapshot && snapshot.headSha !== target.headSha) {
    log.info({ newHead: snapshot.headSha }, 'the pull request has moved on: not reviewing the old head');
    return { status: 'superseded', headSha: snapshot.headSha };
  }
  loaded ??= await readConfig(snapshot);
  const reviewed = pathFilter(loaded.config);
  const goFiles = candidates.filter((f) => reviewed(f.filename));
  if (goFiles.length === 0) {
    log.info({ files: files.length }, 'no changed Go files in the reviewed paths: nothing to review');
    return { status: 'no-go-files' };
  }
  return { status: 'scoped', loaded, snapshot, goFiles, truncated };
}

/**
 * The head version, diff and Go version of each changed file (the snapshot's, else fetched), or
 * why it is skipped. `versionConfigured`: the configuration names the Go version, so no go.mod
 * is read.
 */
async function readChangedFiles(
  deps: GatherDeps,
  target: PullTarget,
  goFiles: readonly PullFile[],
  snapshot: Snapshot | null,
  versionConfigured: boolean,
): Promise<{ files: ChangedFile[]; skipped: SkippedFile[] }> {
  const skipped: SkippedFile[] = [];
  const withPatch = goFiles.filter((f) => {
    if (f.status === 'removed') return false;
    if (f.patch) return true;
    skipped.push({ path: f.filename, reason: 'GitHub sent no diff for it (binary or too large)' });
    return false;
  });
  // Files the snapshot brought are not fetched again.
  const fetched = [
    ...withPatch.filter((f) => snapshot?.files.has(f.filename)).map((f) => ({ file: f, content: snapshot!.files.get(f.filename)! })),
    ...(await fetchHeadFiles(deps, target, withPatch.filter((f) => !snapshot?.files.has(f.filename)))),
  ];
  const modules = new ModuleVersionLookup(deps.octokit, { owner: target.owner, repo: target.repo }, target.headSha, deps.log, deps.caches.modules);
  const goVersion = async (path: string, source: string): Promise<string | undefined> => {
    // A generated file is not analysed: it needs no go.mod either.
    if (versionConfigured || isGenerated(source)) return undefined;
    return snapshot?.goModDirs.has(posix.dirname(path)) ? snapshotGoVersion(snapshot, path) : modules.forFile(path);
  };
  const files: ChangedFile[] = [];
  for (const { file, content } of fetched) {
    if (!content.ok) {
      skipped.push({ path: file.filename, reason: content.reason });
      continue;
    }
    files.push({ path: file.filename, source: content.source, patch: file.patch!, goVersion: await goVersion(file.filename, content.source) });
  }
  return { files, skipped };
}

/** The directories whose go.mod the snapshot looks up: all of them, or none when too many (the tree is read instead). */
function goModLookups(paths: readonly string[]): string[] {
  const dirs = ancestorDirs(paths);
  return dirs.length <= MAX_GO_MOD_DIRS ? dirs : [];
}

/**
 * Head versions of the files: 50 per GraphQL request where GraphQL answers, else one
 * contents-API request per file (a few at a time).
 */
async function fetchHeadFiles(deps: GatherDeps, target: PullTarget, files: readonly PullFile[]): Promise<Array<{ file: PullFile; content: FetchedFile }>> {
  const { octokit, settings, log } = deps;
  const results: Array<{ file: PullFile; content: FetchedFile }> = [];
  let rest = [...files];
  if (settings.contentsVia === 'graphql') {
    rest = [];
    for (let i = 0; i < files.length; i += GRAPHQL_BATCH) {
      const batch = files.slice(i, i + GRAPHQL_BATCH);
      const got = await fetchHeadFilesGraphQL(octokit, target, batch.map((f) => f.filename), settings.maxFileBytes);
      if (!got) {
        log.info('GraphQL unavailable: fetching files one by one');
        rest = files.slice(i);
        break;
      }
      for (const f of batch) results.push({ file: f, content: got.get(f.filename)! });
    }
  }
  const fetchQueue = new PQueue({ concurrency: settings.fetchConcurrency });
  const viaRest = await Promise.all(
    rest.map((f) => fetchQueue.add(async () => ({ file: f, content: await fetchHeadFile(octokit, target, f.filename, settings.maxFileBytes) }))),
  );
  return [...results, ...viaRest];
}
