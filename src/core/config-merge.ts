/**
 * Merging configuration layers (defaults ← organisation `.github` ← repository), keeping for
 * each effective setting the layer it came from.
 */
import { DEFAULT_CONFIG, ruleSettingParts, type Config, type RuleSetting } from './config.js';

export interface ConfigLayer {
  /** Where the layer came from, e.g. `acme/.github:.github/go-standards.yml`. */
  source: string;
  config: Partial<Config>;
}

export interface EffectiveConfig {
  config: Config;
  /** Setting (`scope`, `rules.prealloc-slice`, `paths.exclude`…) → the layer that set it. */
  sources: Map<string, string>;
}

/** Later layers win; `rules` merge per rule and `paths` per key, other keys replace. */
export function mergeLayers(layers: readonly ConfigLayer[]): EffectiveConfig {
  const config: Config = structuredClone(DEFAULT_CONFIG);
  const sources = new Map<string, string>();
  for (const { source, config: layer } of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'rules') {
        for (const [id, setting] of Object.entries(value as Config['rules'])) {
          config.rules[id] = mergeRuleSetting(config.rules[id], setting);
          sources.set(`rules.${id}`, source);
        }
      } else if (key === 'paths') {
        for (const [sub, v] of Object.entries(value as Partial<Config['paths']>)) {
          if (v === undefined) continue;
          (config.paths as Record<string, unknown>)[sub] = v;
          sources.set(`paths.${sub}`, source);
        }
      } else {
        (config as Record<string, unknown>)[key] = value;
        sources.set(key, source);
      }
    }
  }
  return { config, sources };
}

/**
 * A rule's setting over an earlier layer's, key by key: a repository's `{ tier: advisory }` over
 * an organisation's `warning` keeps the level. A setting of the level alone stays a string.
 */
export function mergeRuleSetting(earlier: RuleSetting | undefined, later: RuleSetting): RuleSetting {
  if (earlier === undefined) return later;
  const merged = { ...ruleSettingParts(earlier) };
  for (const [key, v] of Object.entries(ruleSettingParts(later))) if (v !== undefined) Object.assign(merged, { [key]: v });
  return merged.tier === undefined && merged.level !== undefined ? merged.level : merged;
}

/** A markdown table of the effective configuration and where each setting came from. */
export function describeEffectiveConfig(effective: EffectiveConfig): string {
  const { config, sources } = effective;
  const rows: Array<[string, unknown]> = [
    ['scope', config.scope],
    ['failOn', config.failOn],
    ['maxInlineComments', config.maxInlineComments],
    ['reviewEvent', config.reviewEvent],
    ['drafts', config.drafts],
    ['paths.include', config.paths.include],
    ['paths.exclude', config.paths.exclude],
    ['standardUrl', config.standardUrl],
    ['goVersion', config.goVersion ?? '(nearest go.mod)'],
    ['invalidConfig', config.invalidConfig],
    ...Object.entries(config.rules).sort(([a], [b]) => a.localeCompare(b)).map(([id, setting]) => [`rules.${id}`, setting] as [string, unknown]),
  ];
  const lines = ['**Effective configuration**', '', '| Setting | Value | From |', '|---|---|---|'];
  for (const [key, value] of rows) {
    if (value === undefined) continue;
    lines.push(`| \`${key}\` | \`${JSON.stringify(value)}\` | ${sources.get(key) ?? 'default'} |`);
  }
  return lines.join('\n');
}
