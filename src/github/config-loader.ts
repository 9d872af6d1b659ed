/**
 * The repository's configuration, read at the pull request's base (a pull request must not be
 * able to switch its own review off) through Probot's config loader, so that an organisation's
 * `.github` repository provides defaults and `_extends` works. Cached per repository and base
 * commit.
 */
import { LRUCache } from 'lru-cache';
import { CONFIG_PATH, locateProblems, validateConfig, type Config, type ConfigProblem } from '../core/config.js';
import { mergeLayers, type ConfigLayer, type EffectiveConfig } from '../core/config-merge.js';
import type { GitHub, Logger } from './types.js';

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

/** Configuration per repository and base commit: a burst of pull requests costs one read. */
export function createConfigCache(): LRUCache<string, LoadedConfig> {
  return new LRUCache<string, LoadedConfig>({ max: 500, ttl: 10 * 60 * 1000 });
}

async function rawText(octokit: GitHub, file: ConfigFile, ref: string | undefined): Promise<string | undefined> {
  try {
    const res = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: file.owner,
      repo: file.repo,
      path: file.path,
      ...(ref ? { ref } : {}),
      mediaType: { format: 'raw' },
    });
    return String(res.data);
  } catch {
    return undefined;
  }
}

export async function loadConfig(
  octokit: GitHub,
  repo: { owner: string; repo: string },
  baseSha: string,
  knownRules: ReadonlySet<string>,
  log: Logger,
  cache: LRUCache<string, LoadedConfig>,
): Promise<LoadedConfig> {
  const key = `${repo.owner}/${repo.repo}@${baseSha}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let files: ConfigFile[];
  try {
    ({ files } = (await octokit.config.get({ ...repo, path: CONFIG_PATH, branch: baseSha })) as unknown as { files: ConfigFile[] });
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
    const text = await rawText(octokit, file, i === 0 ? baseSha : undefined);
    const located = text ? locateProblems(text, result.problems) : result.problems;
    for (const p of located) problems.push({ ...p, file: source });
  }
  const loaded: LoadedConfig = { ...mergeLayers(problems.length > 0 ? [] : layers), problems, skipReview };
  cache.set(key, loaded);
  return loaded;
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
