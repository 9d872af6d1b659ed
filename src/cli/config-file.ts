/**
 * The CLI's configuration: the local file, with `_extends` resolved as the app resolves it.
 * A value starting with `./` or `/` names a local base (relative to the file, or to the
 * repository root); any other (`.github`, `repo`, `owner/repo`, `owner/repo:path`) goes to
 * GitHub through the app's own loader, with the owner from GITHUB_REPOSITORY or the git remote,
 * the token from GITHUB_TOKEN or GH_TOKEN and the API from GITHUB_API_URL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Octokit } from '@octokit/rest';
import { parse } from 'yaml';
import { CONFIG_PATH, DEFAULT_CONFIG, formatProblem, locateProblems, validateConfig, type Config } from '../core/config.js';
import { mergeLayers, type ConfigLayer } from '../core/config-merge.js';
import { createConfigCache, loadConfig, prefetchKey } from '../github/config-loader.js';
import type { GitHub, Logger } from '../github/types.js';
import { InputError } from './files.js';

export interface CliConfig {
  config: Config;
  /** Sentences for stderr: what could not be resolved, and what was used instead. */
  warnings: string[];
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${relative(process.cwd(), path) || path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Only the keys the file wrote (validated values), so defaults do not mask lower layers. */
function written(raw: Record<string, unknown>, validated: Config): Partial<Config> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    out[key] =
      key === 'paths' && raw.paths && typeof raw.paths === 'object'
        ? Object.fromEntries(Object.keys(raw.paths).map((k) => [k, (validated.paths as Record<string, unknown>)[k]]))
        : (validated as Record<string, unknown>)[key];
  }
  return out as Partial<Config>;
}

/** owner/repo of the repository: GITHUB_REPOSITORY, else the `origin` remote's URL. */
export function repositorySlug(root: string, env: NodeJS.ProcessEnv): { owner: string; repo: string } | undefined {
  const fromEnv = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (fromEnv) return { owner: fromEnv[1]!, repo: fromEnv[2]! };
  let url = '';
  try {
    url = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
  const m = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? { owner: m[1]!, repo: m[2]! } : undefined;
}

const QUIET: Logger = { warn: () => undefined, info: () => undefined, debug: () => undefined, error: () => undefined } as unknown as Logger;

export async function loadCliConfig(file: string | undefined, root: string, knownRules: ReadonlySet<string>, env: NodeJS.ProcessEnv = process.env): Promise<CliConfig> {
  let path = file !== undefined ? resolve(file) : join(root, CONFIG_PATH);
  if (file === undefined && !existsSync(path)) return { config: DEFAULT_CONFIG, warnings: [] };
  const shown = (p: string): string => (p === resolve(file ?? '\u0000') ? file! : relative(process.cwd(), p));
  // Local files first (the named one, then the local bases it extends), highest first.
  const local: ConfigLayer[] = [];
  const seen = new Set<string>();
  let remote: { text: string; extends: string } | undefined;
  for (;;) {
    if (seen.has(path)) throw new InputError(`invalid configuration: _extends loops back to ${shown(path)}`);
    seen.add(path);
    const text = readText(path);
    let raw: unknown;
    try {
      raw = parse(text) ?? {};
    } catch (error) {
      throw new InputError(`invalid configuration:\n  ${shown(path)}: ${(error as Error).message.split('\n')[0]}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(`invalid configuration:\n  ${shown(path)}: must be a mapping`);
    const { _extends: extendsValue, ...rest } = raw as Record<string, unknown>;
    const result = validateConfig(rest, knownRules);
    if (!result.ok) throw new InputError(`invalid configuration:\n${locateProblems(text, result.problems).map((p) => `  ${formatProblem(p, shown(path))}`).join('\n')}`);
    local.push({ source: shown(path), config: written(rest, result.config) });
    if (extendsValue === undefined) break;
    if (typeof extendsValue !== 'string' || extendsValue === '') throw new InputError(`invalid configuration:\n  ${shown(path)}: \`_extends\` must be a string`);
    if (extendsValue.startsWith('./') || extendsValue.startsWith('../')) path = resolve(dirname(path), extendsValue);
    else if (extendsValue.startsWith('/')) path = join(root, extendsValue);
    else {
      remote = { text, extends: extendsValue };
      break;
    }
  }
  const warnings: string[] = [];
  // The remote chain, as the app loads it, includes the file that names it; the local layers
  // (that file among them) go on top.
  const base = remote ? await remoteConfig(remote, root, knownRules, env, warnings) : undefined;
  const layers = [...(base ? [base] : []), ...local.reverse()];
  return { config: mergeLayers(layers).config, warnings };
}

/** The file that extends a GitHub configuration, resolved by the app's loader. */
async function remoteConfig(
  remote: { text: string; extends: string },
  root: string,
  knownRules: ReadonlySet<string>,
  env: NodeJS.ProcessEnv,
  warnings: string[],
): Promise<ConfigLayer | undefined> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const slug = repositorySlug(root, env);
  if (!token || !slug) {
    warnings.push(
      `the configuration extends ${remote.extends}, which is on GitHub: ${!token ? 'set GITHUB_TOKEN or GH_TOKEN to read it' : 'set GITHUB_REPOSITORY=owner/repo (or a git remote named origin) to resolve it'}; using the local part of the configuration only`,
    );
    return undefined;
  }
  const octokit = new Octokit({ auth: token, baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), log: { debug() {}, info() {}, warn() {}, error() {} } });
  // The local file stands in for the repository's own at a ref of its own; the loader reads the rest.
  const ref = 'local';
  const prefetched = new Map([[prefetchKey(slug.owner, slug.repo, CONFIG_PATH, ref), remote.text]]);
  const loaded = await loadConfig(octokit as unknown as GitHub, slug, ref, knownRules, QUIET, createConfigCache(), prefetched);
  if (loaded.problems.length > 0) {
    warnings.push(`the configuration extends ${remote.extends}, which could not be used (${loaded.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}); using the local part of the configuration only`);
    return undefined;
  }
  return { source: remote.extends, config: loaded.config };
}
