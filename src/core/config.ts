/**
 * The configuration schema (`.github/go-standards.yml`), its defaults in one place, and the
 * effective configuration with where each part came from. Shared by the app and the CLI.
 */
import picomatch from 'picomatch';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Severity, Tier } from './model.js';

export const CONFIG_PATH = '.github/go-standards.yml';

const ruleLevel = z.enum(['off', 'notice', 'warning', 'error']);
const ruleTier = z.enum(['comment', 'advisory']);
/** A rule's setting: its level, or a mapping of level and tier (each optional). */
const ruleSetting = z.union([ruleLevel, z.object({ level: ruleLevel.optional(), tier: ruleTier.optional() }).strict()]);

export const configSchema = z
  .object({
    rules: z
      .record(z.string(), ruleSetting)
      .default({})
      .describe(
        'Per rule: its level, `off`, `notice`, `warning` or `error` (default: the rule\'s own severity), or `{ level: …, tier: … }` with `tier` `comment` or `advisory`. `tier: advisory` makes every finding of the rule advisory; `tier: comment` lets it comment where its evidence suffices (default: the rule\'s measured default tier). Merged key by key from the organisation\'s file to the repository\'s.',
      ),
    paths: z
      .object({
        include: z.array(z.string()).default(['**/*.go']).describe('Globs of files to review.'),
        exclude: z.array(z.string()).default([]).describe('Globs of files never reviewed (besides `vendor/` and generated files).'),
      })
      .strict()
      .default({ include: ['**/*.go'], exclude: [] }),
    scope: z
      .enum(['added', 'diff-context', 'file'])
      .default('added')
      .describe('Which findings are commented: on lines the PR `added`, on any line shown in the diff (`diff-context`), or anywhere in a changed `file`.'),
    failOn: z
      .enum(['error', 'warning', 'notice', 'never'])
      .default('error')
      .describe('The lowest severity on changed lines that makes the check run fail (advisory findings never do).'),
    maxInlineComments: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(30)
      .describe('At most this many inline comments per review, highest severity first; the rest are listed in the summary.'),
    reviewEvent: z.enum(['COMMENT', 'REQUEST_CHANGES']).default('COMMENT').describe('The review event (an app cannot approve).'),
    drafts: z.enum(['skip', 'review']).default('skip').describe('Whether draft pull requests are reviewed.'),
    standardUrl: z.url().optional().describe('Your organisation\'s copy of the standard; citations link to its sections.'),
    goVersion: z
      .string()
      .regex(/^\d+\.\d+(\.\d+)?$/, 'must look like 1.22')
      .optional()
      .describe('Go version to assume instead of the nearest go.mod\'s `go` directive.'),
    invalidConfig: z
      .enum(['use-defaults', 'skip-review'])
      .default('use-defaults')
      .describe('What an invalid configuration does: review with the defaults, or skip the review (fail closed).'),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type RuleLevel = z.output<typeof ruleLevel>;
export type RuleSetting = z.output<typeof ruleSetting>;

/** A rule's setting as a mapping: `warning` is `{ level: 'warning' }`. */
export function ruleSettingParts(setting: RuleSetting): { level?: RuleLevel; tier?: Tier } {
  return typeof setting === 'string' ? { level: setting } : setting;
}

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export interface ConfigProblem {
  /** Dotted key path, e.g. `rules.prealloc-slic`. */
  key: string;
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Validates a parsed configuration object. Unknown rule ids are problems too. */
export function validateConfig(raw: unknown, knownRules: ReadonlySet<string>): ConfigResult {
  const input = raw === null || raw === undefined ? {} : raw;
  const parsed = configSchema.safeParse(input);
  const problems: ConfigProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const base = issue.path.map(String);
      if (issue.code === 'invalid_union') {
        // A rule setting is a level or a mapping: report the branch the value was meant for
        // (the one whose problems are inside the value), else the first.
        const branch = issue.errors.find((list) => list.every((i) => i.path.length > 0)) ?? issue.errors[0] ?? [];
        for (const i of branch) problems.push({ key: [...base, ...i.path.map(String)].join('.'), message: i.message });
        if (branch.length === 0) problems.push({ key: base.join('.'), message: issue.message });
      } else if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) problems.push({ key: [...base, k].join('.'), message: 'unknown key' });
      } else {
        problems.push({ key: base.join('.') || '(top level)', message: issue.message });
      }
    }
  }
  const rules = (input as { rules?: unknown }).rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const id of Object.keys(rules)) {
      if (!knownRules.has(id)) problems.push({ key: `rules.${id}`, message: `unknown rule "${id}"` });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, config: parsed.data };
}

/**
 * Parses and validates the text of a configuration file, with line numbers for every problem.
 * `_extends` (resolved by the app through Probot's config loader) is ignored here.
 */
export function parseConfigText(text: string, knownRules: ReadonlySet<string>): ConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ key: '(file)', message: `invalid YAML: ${e.message.split('\n')[0]}`, line: lineCounter.linePos(e.pos[0]).line })),
    };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ key: '(top level)', message: 'expected a mapping of keys', line: 1 }] };
  delete raw._extends;
  const result = validateConfig(raw, knownRules);
  return result.ok ? result : { ok: false, problems: locateProblems(text, result.problems) };
}

/** Adds the line of each problem's key in the YAML text, where it can be found. */
export function locateProblems(text: string, problems: readonly ConfigProblem[]): ConfigProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return problems.map((p) => {
    const path = p.key.split('.');
    for (let n = path.length; n > 0; n--) {
      const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
      const pair = (parent as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null)?.items?.find(
        (item) => String(item.key?.value) === path[n - 1],
      );
      if (pair?.key?.range) return { ...p, line: lineCounter.linePos(pair.key.range[0]).line };
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return { ...p, line: lineCounter.linePos(node.range[0]).line };
    }
    return { ...p };
  });
}

export function formatProblem(p: ConfigProblem, file = CONFIG_PATH): string {
  return `${file}${p.line ? `:${p.line}` : ''}: \`${p.key}\`: ${p.message}`;
}

/** Severity and tier per rule id after configuration; `off` rules are in `disabled` only. */
export function ruleLevels(config: Pick<Config, 'rules'>): { disabled: Set<string>; severities: Map<string, Severity>; tiers: Map<string, Tier> } {
  const disabled = new Set<string>();
  const severities = new Map<string, Severity>();
  const tiers = new Map<string, Tier>();
  for (const [id, setting] of Object.entries(config.rules)) {
    const { level, tier } = ruleSettingParts(setting);
    if (level === 'off') {
      disabled.add(id);
      continue;
    }
    if (level) severities.set(id, level);
    if (tier) tiers.set(id, tier);
  }
  return { disabled, severities, tiers };
}

/**
 * Whether a path (relative to the repository root, `/`-separated) is reviewed: matched by
 * `paths.include` and not by `paths.exclude`.
 */
export function pathFilter(config: Pick<Config, 'paths'>): (path: string) => boolean {
  const include = picomatch(config.paths.include, { dot: true });
  const exclude = config.paths.exclude.length > 0 ? picomatch(config.paths.exclude, { dot: true }) : () => false;
  return (path) => include(path) && !exclude(path);
}

/** One line per top-level key of the schema: for the README's configuration reference. */
export function configReference(): Array<{ key: string; type: string; default: string; description: string }> {
  const rows: Array<{ key: string; type: string; default: string; description: string }> = [];
  const describe = (key: string, schema: z.ZodType, dflt: unknown): void => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const type = Array.isArray(json.enum)
      ? (json.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| ')
      : json.type === 'object' && json.additionalProperties
        ? 'map of rule id → level or `{ level, tier }`'
        : String(json.type ?? 'string');
    rows.push({ key, type, default: dflt === undefined ? '—' : `\`${JSON.stringify(dflt)}\``, description: schema.description ?? '' });
  };
  const shape = configSchema.shape;
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'paths') {
      const paths = (schema as unknown as z.ZodDefault<z.ZodObject>).def.innerType as z.ZodObject;
      for (const [sub, s] of Object.entries(paths.shape)) describe(`paths.${sub}`, s as z.ZodType, (DEFAULT_CONFIG.paths as Record<string, unknown>)[sub]);
      continue;
    }
    describe(key, schema as z.ZodType, (DEFAULT_CONFIG as Record<string, unknown>)[key]);
  }
  return rows;
}
