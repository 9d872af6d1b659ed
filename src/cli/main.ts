/**
 * go-standards: the review core on local files.
 *   go-standards check [PATH…] [--diff FILE|-] [--format text|json]
 *   go-standards rules [--format text|json]
 * Exit status: 0 no findings, 1 findings, 2 usage or input error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_PATH, DEFAULT_CONFIG, formatProblem, parseConfigText, ruleLevels, type Config } from '../core/config.js';
import { parseArgs } from 'node:util';
import { inScope, parseUnifiedDiff, type ChangedLines } from '../core/diff/changed-lines.js';
import { analyzeFile, compileRules } from '../core/engine.js';
import { yieldToEventLoop } from '../core/go/parser.js';
import type { Finding } from '../core/model.js';
import { isGenerated, looksBinary } from '../core/sources.js';
import { RULES } from '../rules/index.js';
import { collectGoFiles, InputError, ModuleVersions } from './files.js';

const USAGE = `Usage:
  go-standards check [PATH...] [--diff FILE|-] [--format text|json] [--config FILE]
      Review Go files or directories (default: .). With --diff, report only findings
      on lines the unified diff adds, reading the files from the working tree.
      --config: the configuration (default: .github/go-standards.yml at the
      repository root, if present).
  go-standards rules [--format text|json]
      List the rules.

Exit status: 0 no findings, 1 findings, 2 usage or input error.`;

export interface JsonFinding {
  rule: string;
  path: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  severity: string;
  message: string;
  section: string;
  suggestion?: string;
}

/** A finding for JSON output: with a suggestion, `line..endLine` are the lines it replaces. */
export function toJson(f: Finding, source: string): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    path: f.path,
    line: f.span.startLine,
    endLine: f.span.endLine,
    column: f.span.startColumn,
    endColumn: f.span.endColumn,
    severity: f.severity,
    message: f.message,
    section: f.section,
  };
  if (f.fix) {
    const lines = source.split(/\r?\n/);
    out.line = f.fix.line;
    out.endLine = f.fix.endLine;
    if (f.span.startLine !== f.fix.line) out.column = 1;
    if (f.span.endLine !== f.fix.endLine) out.endColumn = (lines[f.fix.endLine - 1]?.length ?? 0) + 1;
    out.suggestion = f.fix.replacement;
  }
  return out;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function format(value: string | undefined): 'text' | 'json' {
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

async function check(paths: string[], options: { diff?: string; format: 'text' | 'json'; config?: string }): Promise<number> {
  const config = loadCliConfig(options.config);
  const include = picomatch(config.paths.include, { dot: true });
  const exclude = config.paths.exclude.length > 0 ? picomatch(config.paths.exclude, { dot: true }) : () => false;
  // The globs are relative to the repository root, where the configuration lives. A file
  // outside it (an absolute path, ../elsewhere) is not governed by them: it was named, so it is
  // checked.
  const root = repositoryRoot();
  const wanted = (path: string): boolean => {
    const rel = relative(root, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return true;
    const posixRel = rel.split(sep).join('/');
    return include(posixRel) && !exclude(posixRel);
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
  const levels = ruleLevels(config);
  const ruleSet = compileRules(RULES.filter((r) => !levels.disabled.has(r.id)));
  const knownRules = new Set(RULES.map((r) => r.id));
  const modules = new ModuleVersions();
  const results: JsonFinding[] = [];
  const problems: string[] = [];
  for (const target of targets) {
    if (!wanted(target.path)) continue;
    const source = readInput(target.path);
    if (looksBinary(source) || isGenerated(source)) continue;
    const goVersion = config.goVersion ?? modules.forFile(target.path);
    const analysis = analyzeFile({ path: target.path, source }, ruleSet, { goVersion, severities: levels.severities, knownRules });
    for (const note of analysis.notes) problems.push(`${note.path}: ${note.message}`);
    for (const f of analysis.findings) {
      if (target.changed && !inScope(target.changed, config.scope, f.span.startLine)) continue;
      results.push(toJson(f, source));
    }
    await yieldToEventLoop();
  }
  for (const p of problems) process.stderr.write(`go-standards: note: ${p}\n`);
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) process.stdout.write(`${r.path}:${r.line}:${r.column}: ${r.severity} ${r.rule}: ${r.message} [${r.section}]\n`);
    if (results.length > 0) process.stdout.write(`${results.length} finding${results.length === 1 ? '' : 's'}\n`);
  }
  return results.length > 0 ? 1 : 0;
}

function listRules(fmt: 'text' | 'json'): number {
  const rows = RULES.map((r) => ({ id: r.id, title: r.title, section: r.section, severity: r.severity, minGo: r.minGo, fixable: r.fixable }));
  if (fmt === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else for (const r of rows) process.stdout.write(`${r.id.padEnd(28)} ${r.severity.padEnd(8)} go${r.minGo.padEnd(5)} ${r.fixable ? 'fix' : '   '}  ${r.title}\n`);
  return 0;
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
      },
    });
  } catch (error) {
    process.stderr.write(`go-standards: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
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
        return listRules(format(values.format));
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
