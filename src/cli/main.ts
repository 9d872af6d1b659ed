/**
 * go-standards: the review core on local files. The CLI gathers its own inputs (files on disk,
 * the changed lines of a diff or of `git diff`, no history), calls the same core entry as the
 * app (`reviewChange`) and writes what it keeps in the formats asked for.
 * Exit status: 0 below the fail level, 1 at or above it, 2 usage or input error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pathFilter } from '../core/config.js';
import { parseUnifiedDiff, type ChangedLines } from '../core/diff/changed-lines.js';
import { SEVERITY_RANK, type Finding } from '../core/model.js';
import { DEFAULT_DOCS_URL, ruleDocsUrl } from '../core/render/comment.js';
import { fingerprints } from '../core/render/fingerprint.js';
import { reviewChange, type ChangedFile } from '../core/review.js';
import type { SkippedFile } from '../core/review-plan.js';
import type { Rule } from '../core/rule.js';
import { RULES } from '../rules/index.js';
import { AnalysisCache, DEFAULT_CACHE_FILE } from './analysis-cache.js';
import { Analyses, POOL_MIN_FILES } from './analyses.js';
import { defaultThreads } from '../analysis/pool.js';
import { loadCliConfig } from './config-file.js';
import { explainRule } from './explain.js';
import { collectGoFiles, InputError, ModuleVersions, readGoFile } from './files.js';
import { fixesDiff, planFixes, writeFixes } from './fix.js';
import { FORMATS, formatReport, formatRules, isFormat, toJson, type CheckReport, type Format, type ReportedFinding } from './format.js';
import { severitySummary } from './formats/text.js';
import { changedSinceRev, gitRoot } from './git.js';

const CHECK_HELP = `Usage: go-standards check [PATH...] [options]

Review Go files or directories (default: .), skipping vendor/, testdata/, hidden
directories and generated files. The findings printed are the comment tier, as the
app would comment them on a pull request (no cap, no history); the exit status says
whether any reached the fail level.

Options:
  --format NAME[=FILE]   Output format, repeatable; NAME=FILE writes to FILE.
                         NAME: ${FORMATS.join('|')} (default: text)
  --fail-level LEVEL     error|warning|notice|never: the lowest severity that makes
                         the exit status 1 (default: failOn in the config, error).
                         Advisory findings never fail.
  --advisory             Also print the advisory findings (those the app lists,
                         collapsed, in its summary), and with --fix apply theirs.
  --new-from-rev REF     Only findings on lines changed since REF (git diff against
                         the merge base of REF and HEAD); works from any subdirectory.
  --diff FILE|-          Only findings on lines a unified diff adds.
  --fix                  Apply every safe suggestion in place.
  --dry-run              With --fix: print the unified diff instead of writing.
  --config FILE          The configuration (default: .github/go-standards.yml at the
                         repository root, if present).
  --allow-empty          Exit 0 when the paths hold no Go files.
  -j, --jobs N           Worker threads (default: all cores; one for a few files).
  --cache                Keep analyses between runs; an unchanged file is not analysed again.
  --cache-location PATH  The cache file (default: .go-standards-cache at the repository
                         root); implies --cache.
  --no-color             No colour in text output (also: NO_COLOR set).
  -h, --help             This help.

Exit status: 0 nothing at the fail level, 1 findings at or above it, 2 usage error,
an unreadable input, or no Go files found (0 with --allow-empty).

Examples:
  go-standards check ./...
  go-standards check --new-from-rev origin/main --format github --format sarif=go-standards.sarif
  go-standards check --fix --dry-run ./internal
  go-standards check --advisory --format json ./... | jq '.[] | select(.tier == "advisory")'
  git diff main | go-standards check --diff - --fail-level warning`;

const RULES_HELP = `Usage: go-standards rules [--format text|json]

List the rules: id, severity, oldest Go version, whether it offers fixes, title.
As JSON also each rule's section, default tier (comment or advisory), precision
measured on the labelled corpus (null while too few findings are judged), judged
findings and the peer linters whose directives it honours.

Examples:
  go-standards rules
  go-standards rules --format json | jq -r '.[].id'`;

const EXPLAIN_HELP = `Usage: go-standards explain RULE-ID

Print a rule's page: what it detects and why, the standard's section it enforces,
and examples of code it reports and code it accepts.

Examples:
  go-standards explain prealloc-slice
  go-standards rules | cut -d' ' -f1 | xargs -n1 go-standards explain`;

const USAGE = `Usage: go-standards COMMAND [options]

Commands:
  check [PATH...]     Review Go files or directories (see go-standards check --help)
  rules               List the rules
  explain RULE-ID     Print a rule's page
  help [COMMAND]      Help, for one command

Options:
  -v, --version       Print the version
  -h, --help          This help

Examples:
  go-standards check
  go-standards check --new-from-rev origin/main --format sarif=results.sarif
  go-standards explain empty-interface`;

const HELP: Record<string, string> = { check: CHECK_HELP, rules: RULES_HELP, explain: EXPLAIN_HELP };

const OPTIONS = {
  diff: { type: 'string' },
  'new-from-rev': { type: 'string' },
  format: { type: 'string', multiple: true },
  config: { type: 'string' },
  'fail-level': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  advisory: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

type FailLevel = 'error' | 'warning' | 'notice' | 'never';
const FAIL_LEVELS: readonly FailLevel[] = ['error', 'warning', 'notice', 'never'];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

interface Output {
  format: Format;
  /** Absent: standard output. */
  file?: string;
}

function outputs(values: readonly string[] | undefined): Output[] {
  const list = (values ?? []).map((value): Output => {
    const eq = value.indexOf('=');
    const name = eq < 0 ? value : value.slice(0, eq);
    const file = eq < 0 ? undefined : value.slice(eq + 1);
    if (!isFormat(name)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not ${name}`);
    if (file === '') throw new InputError(`--format ${name}= needs a file name`);
    return { format: name, file };
  });
  if (list.filter((o) => o.file === undefined).length > 1) throw new InputError('only one --format can write to standard output; give the others a file (NAME=FILE)');
  return list.length > 0 ? list : [{ format: 'text' }];
}

/** The repository root: git's work tree, else the nearest directory above that holds .git. */
function repositoryRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return gitRoot() ?? process.cwd();
  }
}

interface CheckOptions {
  diff?: string;
  newFromRev?: string;
  outputs: Output[];
  config?: string;
  failLevel?: FailLevel;
  allowEmpty: boolean;
  fix: boolean;
  dryRun: boolean;
  /** Advisory findings too, not only the comment tier. */
  advisory: boolean;
  colour: boolean;
  /** Absent: all cores (and no pool for a few files). */
  jobs?: number;
  cache: boolean;
  cacheLocation?: string;
}

function stderr(line: string): void {
  process.stderr.write(`go-standards: ${line}\n`);
}

/** The level at and above which a finding fails: the flag, else the config's `failOn`. */
function fails(findings: readonly Finding[], level: FailLevel): boolean {
  if (level === 'never') return false;
  return findings.some((f) => f.tier !== 'advisory' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}

async function check(paths: string[], options: CheckOptions): Promise<number> {
  const root = repositoryRoot();
  const { config, warnings } = await loadCliConfig(options.config, root, new Set(RULES.map((r) => r.id)));
  for (const warning of warnings) stderr(warning);
  const reviewed = pathFilter(config);
  // The globs are relative to the repository root, where the configuration lives. A file
  // outside it (an absolute path, ../elsewhere) is not governed by them: it was named, so it is
  // checked.
  const wanted = (path: string): boolean => {
    const rel = relative(root, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return true;
    return reviewed(rel.split(sep).join('/'));
  };
  const fromChange = options.diff !== undefined || options.newFromRev !== undefined;
  let targets: Array<{ path: string; changed?: ChangedLines }>;
  const skipped: SkippedFile[] = [];
  if (fromChange) {
    const diffs =
      options.newFromRev !== undefined
        ? changedSinceRev(options.newFromRev)
        : parseUnifiedDiff(readInput(options.diff!))
            .filter((d) => d.newPath?.endsWith('.go'))
            .map((d) => ({ path: d.newPath!, changed: d.changed }));
    const roots = paths.map((p) => normalize(p));
    targets = diffs.filter((d) => roots.length === 0 || roots.some((r) => r === '.' || !relative(r, d.path).startsWith('..')));
  } else {
    const collected = collectGoFiles(paths.length > 0 ? paths : ['.']);
    skipped.push(...collected.skipped);
    targets = collected.files.map((path) => ({ path }));
  }
  const modules = new ModuleVersions();
  const files: ChangedFile[] = [];
  const jobs = options.jobs ?? defaultThreads();
  const cache = options.cache ? AnalysisCache.open(resolve(options.cacheLocation ?? join(root, DEFAULT_CACHE_FILE)), { config, rules: RULES, toolVersion: version() }) : undefined;
  const prior = new Analyses(config, cache, jobs, jobs > 1 && targets.length >= (options.jobs !== undefined ? 2 : POOL_MIN_FILES));
  for (const target of targets) {
    if (!wanted(target.path)) continue;
    const read = readGoFile(target.path);
    if ('skipped' in read) {
      // A file the diff deletes or renames away is not there to read: nothing to check.
      if (fromChange && read.skipped.reason === 'ENOENT') continue;
      skipped.push(read.skipped);
      continue;
    }
    const file: ChangedFile = { path: target.path, source: read.source, changed: target.changed, goVersion: modules.forFile(target.path) };
    files.push(file);
    await prior.add(file);
  }
  for (const s of skipped) stderr(`skipped ${s.path}: ${s.reason}`);
  if (files.length === 0 && skipped.length === 0) {
    if (fromChange) stderr('no changed Go files');
    else stderr(`no Go files found in ${(paths.length > 0 ? paths : ['.']).join(', ')}`);
    if (!fromChange && !options.allowEmpty) return 2;
  }

  const { analyses, cacheError } = await prior.finish();
  if (cacheError) stderr(`cannot write the cache: ${(cacheError as NodeJS.ErrnoException).code ?? String(cacheError)}`);
  // Without a diff every line of a file is in scope; there is no history to skip.
  const review = await reviewChange({ files }, { rules: RULES, config: { config, sources: new Map(), problems: [] }, analyses });
  for (const path of review.unparsable) stderr(`${path}: syntax errors; checked as far as it parses`);
  for (const note of review.notes) stderr(`note: ${note.path}: ${note.message}`);

  const sources = new Map(files.map((f) => [f.path, f.source]));
  // The comment tier as the app would comment it (every finding on the selected lines: no cap,
  // no history); with --advisory the advisory findings too. In the files' order.
  const selected = new Set([...review.plan.inScope, ...(options.advisory ? review.plan.advisoryInScope : [])]);
  let inScope = review.findings.filter((f) => selected.has(f));
  const advisoryHidden = options.advisory ? 0 : review.plan.advisoryInScope.length;
  if (options.fix) {
    const outcome = planFixes(inScope, sources);
    for (const path of outcome.refused) stderr(`not fixed: ${path}: the fixed file would not parse`);
    if (options.dryRun) process.stdout.write(fixesDiff(outcome, sources));
    else {
      writeFixes(outcome);
      inScope = inScope.filter((f) => !outcome.applied.has(f));
      if (outcome.applied.size > 0) stderr(`fixed ${outcome.applied.size} finding${outcome.applied.size === 1 ? '' : 's'} in ${outcome.fixed.size} file${outcome.fixed.size === 1 ? '' : 's'}`);
    }
  }

  const report = buildReport(review.findings, inScope, sources, {
    skipped,
    unparsable: review.unparsable,
    notes: review.notes,
    checked: review.analysed,
    advisoryHidden,
    root,
    docsBaseUrl: DEFAULT_DOCS_URL,
    standardUrl: config.standardUrl,
  });
  let stdoutText = false;
  for (const output of options.outputs) {
    if (options.fix && options.dryRun && output.file === undefined) continue;
    const text = formatReport(report, output.format, { colour: output.file === undefined && options.colour });
    if (output.file === undefined) {
      process.stdout.write(text);
      stdoutText = output.format === 'text';
    } else {
      try {
        writeFileSync(output.file, text);
      } catch (error) {
        throw new InputError(`cannot write ${output.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
    }
  }
  if (!stdoutText) process.stderr.write(`${severitySummary(report)}\n`);
  if (skipped.length > 0) return 2;
  return fails(inScope, options.failLevel ?? config.failOn) ? 1 : 0;
}

/** The report the formats write: in-scope findings with fingerprints over each file's findings, as the app computes them. */
function buildReport(
  all: readonly Finding[],
  inScope: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  rest: Omit<CheckReport, 'findings' | 'rules' | 'version'> & { standardUrl?: string },
): CheckReport {
  const byFile = new Map<string, Finding[]>();
  for (const f of all) {
    const list = byFile.get(f.path);
    if (list) list.push(f);
    else byFile.set(f.path, [f]);
  }
  const printOf = new Map<Finding, string>();
  for (const list of byFile.values()) fingerprints(list).forEach((p, i) => printOf.set(list[i]!, p));
  const titles = new Map<string, string>(RULES.map((r: Rule) => [r.id, r.title]));
  const lines = new Map<string, string[]>();
  const linesOf = (path: string): string[] => {
    let l = lines.get(path);
    if (!l) lines.set(path, (l = (sources.get(path) ?? '').split(/\r?\n/)));
    return l;
  };
  const findings: ReportedFinding[] = inScope.map((finding) => {
    const fileLines = linesOf(finding.path);
    const fingerprint = printOf.get(finding) ?? '';
    const docsUrl = ruleDocsUrl(finding.rule, { docsBaseUrl: rest.docsBaseUrl });
    const reported: ReportedFinding = {
      finding,
      json: toJson(finding, fileLines, { fingerprint, docsUrl }),
      fingerprint,
      docsUrl,
      title: titles.get(finding.rule) ?? finding.rule,
    };
    if (finding.fix) reported.fixEndColumn = (fileLines[finding.fix.endLine - 1]?.length ?? 0) + 1;
    return reported;
  });
  const { standardUrl: _standardUrl, ...report } = rest;
  return { ...report, findings, rules: RULES, version: version() };
}

function colourWanted(noColor: boolean | undefined): boolean {
  if (noColor || (process.env.NO_COLOR ?? '') !== '') return false;
  if ((process.env.FORCE_COLOR ?? '') !== '' && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true && process.env.TERM !== 'dumb';
}

function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new InputError(`--jobs must be a positive number, not ${value}`);
  return Number(value);
}

function failLevel(value: string | undefined): FailLevel | undefined {
  if (value === undefined) return undefined;
  if ((FAIL_LEVELS as readonly string[]).includes(value)) return value as FailLevel;
  throw new InputError(`--fail-level must be one of ${FAIL_LEVELS.join(', ')}, not ${value}`);
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    process.stderr.write(`go-standards: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === 'help') {
    process.stdout.write(`${HELP[rest[0] ?? ''] ?? USAGE}\n`);
    return rest[0] === undefined || HELP[rest[0]] ? 0 : 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP[command ?? ''] ?? USAGE}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'check': {
        if (values['dry-run'] && !values.fix) throw new InputError('--dry-run goes with --fix');
        if (values.diff !== undefined && values['new-from-rev'] !== undefined) throw new InputError('--diff and --new-from-rev cannot be used together');
        return await check(rest, {
          diff: values.diff,
          newFromRev: values['new-from-rev'],
          outputs: outputs(values.format),
          config: values.config,
          failLevel: failLevel(values['fail-level']),
          allowEmpty: values['allow-empty'] ?? false,
          fix: values.fix ?? false,
          dryRun: values['dry-run'] ?? false,
          advisory: values.advisory ?? false,
          colour: colourWanted(values['no-color']),
          jobs: jobsOf(values.jobs),
          cache: values.cache ?? values['cache-location'] !== undefined,
          cacheLocation: values['cache-location'],
        });
      }
      case 'rules': {
        if (rest.length > 0 || values.diff !== undefined) throw new InputError('rules takes no arguments');
        const format = values.format?.[0] ?? 'text';
        if ((values.format?.length ?? 0) > 1 || (format !== 'text' && format !== 'json')) throw new InputError(`rules --format must be text or json, not ${values.format?.join(' ')}`);
        process.stdout.write(formatRules(RULES, format));
        return 0;
      }
      case 'explain': {
        if (rest.length !== 1) throw new InputError('explain takes one rule id (see go-standards rules)');
        const rule = RULES.find((r) => r.id === rest[0]);
        if (!rule) throw new InputError(`unknown rule: ${rest[0]} (see go-standards rules)`);
        process.stdout.write(explainRule(rule, { docsUrl: ruleDocsUrl(rule.id, { docsBaseUrl: DEFAULT_DOCS_URL }), colour: colourWanted(values['no-color']) }));
        return 0;
      }
      default:
        throw new InputError(command ? `unknown command: ${command}` : 'missing command');
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`go-standards: ${error.message}\n${error.message.startsWith('unknown command') || error.message === 'missing command' ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    process.stderr.write(`go-standards: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
