/**
 * go-standards: the review core on local files. The CLI gathers its own inputs (files on disk,
 * an optional unified diff, no history), calls the same core entry as the app
 * (`reviewChange`) and prints what it keeps in its own formats.
 *   go-standards check [PATH…] [--diff FILE|-] [--format text|json]
 *   go-standards rules [--format text|json]
 * Exit status: 0 no findings, 1 findings, 2 usage or input error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_PATH, DEFAULT_CONFIG, formatProblem, parseConfigText, pathFilter, type Config } from '../core/config.js';
import { parseUnifiedDiff, type ChangedLines } from '../core/diff/changed-lines.js';
import { reviewChange, type ChangedFile } from '../core/review.js';
import { looksBinary } from '../core/sources.js';
import { RULES } from '../rules/index.js';
import { collectGoFiles, InputError, ModuleVersions } from './files.js';
import { formatFindings, formatRules, toJson, type Format } from './format.js';

const USAGE = `Usage:
  go-standards check [PATH...] [--diff FILE|-] [--format text|json] [--config FILE]
      Review Go files or directories (default: .). With --diff, report only findings
      on lines the unified diff adds, reading the files from the working tree.
      --config: the configuration (default: .github/go-standards.yml at the
      repository root, if present).
  go-standards rules [--format text|json]
      List the rules.
  go-standards --version

Exit status: 0 no findings, 1 findings, 2 usage or input error.`;

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function format(value: string | undefined): Format {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new InputError(`--format must be text or json, not ${value}`);
}

/** The repository root: the nearest directory above the current one that holds .git. */
function repositoryRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

function loadCliConfig(file: string | undefined): Config {
  const path = file ?? join(repositoryRoot(), CONFIG_PATH);
  if (file === undefined && !existsSync(path)) return DEFAULT_CONFIG;
  const result = parseConfigText(readInput(path), new Set(RULES.map((r) => r.id)));
  if (!result.ok) throw new InputError(`invalid configuration:\n${result.problems.map((p) => `  ${formatProblem(p, path)}`).join('\n')}`);
  return result.config;
}

async function check(paths: string[], options: { diff?: string; format: Format; config?: string }): Promise<number> {
  const config = loadCliConfig(options.config);
  const reviewed = pathFilter(config);
  // The globs are relative to the repository root, where the configuration lives. A file
  // outside it (an absolute path, ../elsewhere) is not governed by them: it was named, so it is
  // checked.
  const root = repositoryRoot();
  const wanted = (path: string): boolean => {
    const rel = relative(root, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return true;
    return reviewed(rel.split(sep).join('/'));
  };
  let targets: Array<{ path: string; changed?: ChangedLines }>;
  if (options.diff !== undefined) {
    const diffs = parseUnifiedDiff(readInput(options.diff));
    const roots = paths.map((p) => normalize(p));
    targets = diffs
      .filter((d) => d.newPath?.endsWith('.go'))
      .filter((d) => roots.length === 0 || roots.some((r) => r === '.' || !relative(r, d.newPath!).startsWith('..')))
      .map((d) => ({ path: d.newPath!, changed: d.changed }));
  } else {
    targets = collectGoFiles(paths.length > 0 ? paths : ['.']).map((path) => ({ path }));
  }
  const modules = new ModuleVersions();
  const files: ChangedFile[] = [];
  for (const target of targets) {
    if (!wanted(target.path)) continue;
    const source = readInput(target.path);
    if (looksBinary(source)) continue;
    files.push({ path: target.path, source, changed: target.changed, goVersion: modules.forFile(target.path) });
  }
  // Without a diff every line of a file is in scope; there is no history to skip.
  const review = await reviewChange({ files }, { rules: RULES, config: { config, sources: new Map(), problems: [] } });
  for (const note of review.notes) process.stderr.write(`go-standards: note: ${note.path}: ${note.message}\n`);
  const sources = new Map(files.map((f) => [f.path, f.source]));
  const results = review.plan.inScope.map((f) => toJson(f, sources.get(f.path)!));
  process.stdout.write(formatFindings(results, options.format));
  return results.length > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        diff: { type: 'string' },
        format: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`go-standards: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'check':
        return await check(rest, { diff: values.diff, format: format(values.format), config: values.config });
      case 'rules':
        if (rest.length > 0 || values.diff !== undefined) throw new InputError('rules takes no arguments');
        process.stdout.write(formatRules(RULES, format(values.format)));
        return 0;
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
