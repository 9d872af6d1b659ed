/**
 * Reviewing one pull request at one head commit: gather inputs from GitHub, run the core, then
 * publish only what is new, close what was fixed, and report in the check run.
 */
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import PQueue from 'p-queue';
import picomatch from 'picomatch';
import { formatProblem, ruleLevels } from '../core/config.js';
import { describeEffectiveConfig } from '../core/config-merge.js';
import { compileRules } from '../core/engine.js';
import type { Rule } from '../core/rule.js';
import { cachedConfig, createConfigCache, createOrgConfigCache, loadConfig, prefetchedFiles, type LoadedConfig, type OrgConfigCache } from './config-loader.js';
import { createModuleCaches, ModuleVersionLookup, type ModuleCaches } from './go-modules.js';
import { changedLinesFromPatch } from '../core/diff/changed-lines.js';
import type { RuleSet } from '../core/engine.js';
import { reviewChange, type ChangedFile } from '../core/review.js';
import { demoteComments, type SkippedFile } from '../core/review-plan.js';
import { isGenerated, isGoFile, isVendored } from '../core/sources.js';
import { CheckRun, type FailOn } from './check-run.js';
import { readHistory } from './history.js';
import { ancestorDirs, fetchSnapshot, MAX_GO_MOD_DIRS, snapshotGoVersion, type Snapshot } from './snapshot.js';
import { publishReview } from './publisher.js';
import { closeFixedFindings } from './resolve.js';
import type { ReviewSettings } from './settings.js';
import { fetchHeadFile, fetchHeadFilesGraphQL, GRAPHQL_BATCH, LIST_FILES_CAP, listPullFiles } from './source.js';
import type { GitHub, Logger, PullTarget } from './types.js';
import type { Finding } from '../core/model.js';

export interface ReviewDeps {
  octokit: GitHub;
  log: Logger;
  /** Every rule; the repository's configuration decides which run. */
  rules: readonly Rule[];
  settings: ReviewSettings;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  caches: ReviewCaches;
}

/** What a process remembers between reviews: configuration and go.mod lookups. */
export interface ReviewCaches {
  config: ReturnType<typeof createConfigCache>;
  /** The organisation's defaults by owner, warmed on install. */
  orgConfig: OrgConfigCache;
  modules: ModuleCaches;
}

export function createReviewCaches(): ReviewCaches {
  return { config: createConfigCache(), orgConfig: createOrgConfigCache(), modules: createModuleCaches() };
}

export type ReviewOutcome =
  | { status: 'no-go-files' }
  | { status: 'draft' }
  | { status: 'invalid-config' }
  | { status: 'superseded'; headSha: string }
  | { status: 'nothing-new'; files: number; resolved: number }
  | { status: 'reviewed'; files: number; comments: number; listed: number; reviewId: number; resolved: number };

export interface PullContext {
  /** The base commit: the configuration is read there, never at the head. */
  baseSha: string;
  draft?: boolean;
  /** The head of a newer push waiting to be reviewed, if any (the review queue knows). */
  superseded?: () => string | undefined;
}

const ruleSets = new Map<string, RuleSet>();

/** Rule sets compiled once per set of disabled rules. */
function ruleSetFor(rules: readonly Rule[], disabled: ReadonlySet<string>): RuleSet {
  const key = [...disabled].sort().join(',');
  let set = ruleSets.get(key);
  if (!set) {
    set = compileRules(rules.filter((r) => !disabled.has(r.id)));
    ruleSets.set(key, set);
  }
  return set;
}

export async function reviewPullRequest(deps: ReviewDeps, target: PullTarget, pull: PullContext): Promise<ReviewOutcome> {
  const { octokit, log, settings } = deps;
  const started = Date.now();
  const repo = { owner: target.owner, repo: target.repo };
  const knownRules = new Set(deps.rules.map((r) => r.id));
  // A draft's review depends on `drafts`: read the configuration first (it is cached for later).
  let loaded = pull.draft
    ? await loadConfig(octokit, repo, pull.baseSha, knownRules, log, deps.caches.config, prefetchedFiles(repo.owner, undefined, deps.caches.orgConfig))
    : cachedConfig(deps.caches.config, repo, pull.baseSha);
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

  // One GraphQL request: the current head, the configuration (unless cached), the first 50
  // files, their go.mod files and the bot's history.
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
        )
      : null;
  if (snapshot && snapshot.headSha !== target.headSha) {
    log.info({ newHead: snapshot.headSha }, 'the pull request has moved on: not reviewing the old head');
    return { status: 'superseded', headSha: snapshot.headSha };
  }
  loaded ??= await loadConfig(octokit, repo, pull.baseSha, knownRules, log, deps.caches.config, prefetchedFiles(repo.owner, snapshot?.config, deps.caches.orgConfig));
  const config = loaded.config;
  const include = picomatch(config.paths.include, { dot: true });
  const exclude = config.paths.exclude.length > 0 ? picomatch(config.paths.exclude, { dot: true }) : () => false;
  const goFiles = candidates.filter((f) => include(f.filename) && !exclude(f.filename));
  if (goFiles.length === 0) {
    log.info({ files: files.length }, 'no changed Go files in the reviewed paths: nothing to review');
    return { status: 'no-go-files' };
  }
  const check = CheckRun.begin(octokit, target, log, settings.checkInProgressAfterMs);
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) log.warn({ file: p.file, key: p.key, line: p.line }, `invalid configuration: ${p.message}`);
    if (loaded.skipReview) {
      await check.end('failure', 'Invalid configuration: review skipped', configProblemsText(loaded, 'The configuration asks to skip the review when it is invalid (`invalidConfig: skip-review`).'));
      return { status: 'invalid-config' };
    }
  }
  try {
    return await review(deps, target, check, { goFiles, truncated, started, loaded, snapshot, superseded: pull.superseded });
  } catch (error) {
    await check.end('neutral', 'The review could not finish', 'The review hit an error and will be retried on the next push or `/go-standards recheck`.');
    throw error;
  }
}

async function review(
  deps: ReviewDeps,
  target: PullTarget,
  check: CheckRun,
  input: {
    goFiles: Awaited<ReturnType<typeof listPullFiles>>['files'];
    truncated: boolean;
    started: number;
    loaded: LoadedConfig;
    snapshot: Snapshot | null;
    superseded: PullContext['superseded'];
  },
): Promise<ReviewOutcome> {
  const { octokit, log } = deps;
  const config = input.loaded.config;
  const { settings } = deps;
  const render = { docsBaseUrl: settings.docsBaseUrl, standardUrl: config.standardUrl ?? settings.standardUrl };
  const levels = ruleLevels(config);
  const ruleSet = ruleSetFor(deps.rules, levels.disabled);
  const modules = new ModuleVersionLookup(octokit, { owner: target.owner, repo: target.repo }, target.headSha, log, deps.caches.modules);
  const skipped: SkippedFile[] = [];
  const remarks: string[] = [];
  if (input.truncated) {
    remarks.push(`GitHub lists only the first ${LIST_FILES_CAP} files of a pull request; files beyond those were not reviewed.`);
  }
  const removed = input.goFiles.filter((f) => f.status === 'removed').map((f) => f.filename);
  const withPatch = input.goFiles.filter((f) => {
    if (f.status === 'removed') return false;
    if (f.patch) return true;
    skipped.push({ path: f.filename, reason: 'GitHub sent no diff for it (binary or too large)' });
    return false;
  });

  // Files the snapshot brought are not fetched again.
  const { snapshot } = input;
  const inSnapshot = withPatch.filter((f) => snapshot?.files.has(f.filename));
  const fetched = [
    ...inSnapshot.map((f) => ({ file: f, content: snapshot!.files.get(f.filename)! })),
    ...(await fetchAll(deps, target, withPatch.filter((f) => !snapshot?.files.has(f.filename)))),
  ];
  const changed: ChangedFile[] = [];
  const generated: string[] = [];
  for (const { file, content } of fetched) {
    if (!content.ok) {
      skipped.push({ path: file.filename, reason: content.reason });
      continue;
    }
    if (isGenerated(content.source)) {
      generated.push(file.filename);
      continue;
    }
    const goVersion =
      config.goVersion ??
      (snapshot?.goModDirs.has(posix.dirname(file.filename)) ? snapshotGoVersion(snapshot, file.filename) : await modules.forFile(file.filename));
    changed.push({ path: file.filename, source: content.source, changed: changedLinesFromPatch(file.patch!), goVersion });
  }
  for (const s of skipped) log.info({ path: s.path, reason: s.reason }, 'file not reviewed');

  const history = snapshot?.history ?? (await readHistory(octokit, target));
  if (input.loaded.problems.length > 0) {
    remarks.push(`The configuration is invalid, so this review used the defaults: ${input.loaded.problems.map((p) => formatProblem(p, p.file)).join('; ')}.`);
  }
  const result = await reviewChange({ files: changed, skipped, remarks }, ruleSet, {
    analyze: { severities: levels.severities, knownRules: new Set(deps.rules.map((r) => r.id)) },
    ...render,
    scope: config.scope,
    posted: history.posted,
    maxInlineComments: config.maxInlineComments,
  });
  for (const note of result.notes) log.warn({ path: note.path, rule: note.rule }, note.message);
  let { plan } = result;
  log.info(
    {
      files: changed.length,
      skipped: skipped.length,
      findings: result.findings.length,
      inScope: plan.inScope.length,
      new: plan.comments.length + plan.listed.length,
      ms: Date.now() - input.started,
    },
    'analysis done',
  );

  // The newest push wins: never post for a head that is no longer the pull request's head. The
  // snapshot read the head just before the analysis, and a push since then shows as a newer job
  // for this pull request waiting in the queue; without a snapshot, ask GitHub.
  const newerHead = snapshot ? input.superseded?.() : await currentHead(octokit, target);
  if (newerHead !== undefined && newerHead !== target.headSha) {
    log.info({ newHead: newerHead }, 'the pull request moved on while reviewing: not posting for the old head');
    await check.superseded(newerHead);
    return { status: 'superseded', headSha: newerHead };
  }

  // Findings the bot commented on earlier that the new head no longer has.
  const analysedPaths = new Set([...changed.map((f) => f.path), ...removed, ...generated]);
  const fixed = history.comments.filter((c) => analysedPaths.has(c.path) && !plan.present.has(c.fingerprint));
  const resolution = await closeFixedFindings(octokit, target, fixed, log, snapshot?.threads);

  let reviewId: number | undefined;
  if (plan.comments.length + plan.listed.length > 0) {
    const runId = randomUUID();
    const publishOptions = { runId, event: config.reviewEvent, log, sleep: deps.sleep };
    let published = await publishReview(octokit, target, plan, publishOptions);
    if (!published.ok) {
      log.warn({ message: published.message, comments: plan.comments.length }, 'GitHub refused the review (422); posting it with every finding in the summary');
      plan = demoteComments(plan, plan.comments, result.planOptions, 'GitHub did not accept inline comments for this review, so every finding is listed here.');
      published = await publishReview(octokit, target, plan, publishOptions);
      if (!published.ok) throw new Error(`GitHub refused the review twice: ${published.message}`);
    }
    reviewId = published.reviewId;
    log.info({ reviewId, comments: plan.comments.length, listed: plan.listed.length }, 'review posted');
  }

  const extra = skipped.length > 0 ? ['**Files not reviewed:**', ...skipped.map((s) => `- \`${s.path}\`: ${s.reason}`)] : [];
  const suppressedLines = suppressedSummary(result.suppressed);
  await check.complete(plan, {
    ...render,
    failOn: config.failOn,
    extraSummary: [...remarks, ...extra, ...suppressedLines, ...(input.loaded.problems.length > 0 ? ['', configProblemsText(input.loaded, 'The review used the defaults.')] : [])],
    configSummary: describeEffectiveConfig(input.loaded),
  });
  const resolved = resolution.resolved + resolution.replied;
  if (reviewId === undefined) return { status: 'nothing-new', files: changed.length, resolved };
  return { status: 'reviewed', files: changed.length, comments: plan.comments.length, listed: plan.listed.length, reviewId, resolved };
}

export type { FailOn };

/** The directories whose go.mod the snapshot looks up: all of them, or none when too many (the tree is read instead). */
function goModLookups(paths: readonly string[]): string[] {
  const dirs = ancestorDirs(paths);
  return dirs.length <= MAX_GO_MOD_DIRS ? dirs : [];
}

async function currentHead(octokit: GitHub, target: PullTarget): Promise<string> {
  const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pull_number });
  return data.head.sha;
}

type PullFileWithPatch = Awaited<ReturnType<typeof listPullFiles>>['files'][number];

/**
 * Head versions of the files: 50 per GraphQL request where GraphQL answers, else one
 * contents-API request per file (a few at a time).
 */
async function fetchAll(deps: ReviewDeps, target: PullTarget, files: readonly PullFileWithPatch[]) {
  const { octokit, settings, log } = deps;
  const results: Array<{ file: PullFileWithPatch; content: Awaited<ReturnType<typeof fetchHeadFile>> }> = [];
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

function configProblemsText(loaded: LoadedConfig, consequence: string): string {
  return ['**Invalid configuration**', '', ...loaded.problems.map((p) => `- ${formatProblem(p, p.file)}`), '', consequence].join('\n');
}

function suppressedSummary(suppressed: readonly Finding[]): string[] {
  if (suppressed.length === 0) return [];
  const byRule = new Map<string, number>();
  for (const f of suppressed) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  return [
    '',
    `**Suppressed** by \`//go-standards:ignore\` directives on changed lines: ${suppressed.length}`,
    ...[...byRule.entries()].sort().map(([rule, n]) => `- ${rule}: ${n}`),
  ];
}
