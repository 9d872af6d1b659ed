/**
 * The composite action (action.yml), run as a runner would run its shell steps: the step's
 * `env` and `working-directory` with their expressions evaluated, bash, a GITHUB_OUTPUT file and
 * a pull_request event built from a real webhook example. The `uses:` steps (checkout, Node,
 * the SARIF upload) are GitHub's own; the install step's `npm ci` is what the pack test covers,
 * so its output points at the CLI from source here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLICE_SOURCE as SOURCE } from './sandbox.js';

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

const SIGNAL = `package p

import (
	"os"
	"os/signal"
)

func wait() os.Signal {
	sigs := make(chan os.Signal)
	signal.Notify(sigs, os.Interrupt)
	return <-sigs
}
`;

function pullRequestEvent(baseSha: string): object {
  const groups = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{ name: string; examples: Array<Record<string, any>> }>;
  const event = structuredClone(groups.find((g) => g.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!);
  event.pull_request.base.sha = baseSha;
  return event;
}

/** Evaluates the expressions the action uses: inputs, step outputs, github.action_path. */
function evaluate(text: string, context: { inputs: Record<string, string>; steps: Record<string, Record<string, string>>; actionPath: string }): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    let m;
    if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return context.inputs[m[1]!] ?? '';
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return context.steps[m[1]!]?.[m[2]!] ?? '';
    if (expr === 'github.action_path') return context.actionPath;
    throw new Error(`unhandled expression ${expr}`);
  });
}

describe('action.yml', () => {
  it('checks out with full history and uploads SARIF through codeql-action', () => {
    const steps = action.runs.steps;
    expect(action.runs.using).toBe('composite');
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toEqual({ 'fetch-depth': 0 });
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe('${{ steps.check.outputs.sarif-file }}');
    // The exit status comes after the upload, which therefore runs whatever the findings.
    expect(steps.indexOf(upload)).toBeLessThan(steps.findIndex((s) => s.name === 'Exit status'));
  });

  it('on a pull request checks the changes since the base: annotations for the changed lines, SARIF, the exit status last', { timeout: 60_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'go-standards-action-'));
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: work, encoding: 'utf8' }).trim();
    git('init', '-q');
    mkdirSync(join(work, 'svc'));
    writeFileSync(join(work, 'svc/names.go'), SOURCE);
    writeFileSync(join(work, 'svc/old.go'), 'package p\n\nvar registry map[string]interface{}\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    git('checkout', '-qb', 'feature');
    writeFileSync(join(work, 'svc/signal.go'), SIGNAL);
    writeFileSync(join(work, 'svc/names.go'), SOURCE.replace('return out', 'return out // the names'));
    git('add', '.');
    git('commit', '-qm', 'change');
    const eventPath = join(work, '..', `${work.split('/').pop()}-event.json`);
    writeFileSync(eventPath, JSON.stringify(pullRequestEvent(base)));

    // The CLI from source, in place of the install step's build.
    const cli = join(work, '..', `${work.split('/').pop()}-cli.mjs`);
    writeFileSync(
      cli,
      `const { register } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules/tsx/dist/esm/api/index.mjs')).href)});\nregister();\nawait import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/bin.ts')).href)});\n`,
    );
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default)]));
    inputs['upload-sarif'] = 'true';
    const steps: Record<string, Record<string, string>> = { install: { bin: cli } };
    const logs: string[] = [];
    let status = 0;
    for (const step of action.runs.steps) {
      if (step.uses || step.id === 'install') continue;
      const context = { inputs, steps, actionPath: ROOT };
      const output = join(work, '..', `${work.split('/').pop()}-output-${step.id ?? 'step'}`);
      writeFileSync(output, '');
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, context)]));
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: resolve(work, evaluate(step['working-directory'] ?? '.', context)),
        encoding: 'utf8',
        env: { PATH: process.env.PATH!, HOME: process.env.HOME!, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_OUTPUT: output, ...env },
      });
      logs.push(result.stdout);
      status = result.status ?? -1;
      if (step.id) steps[step.id] = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      if (step.id === 'check') expect(result.stderr).toMatch(/1 finding in 2 files: 1 error\./);
    }
    const annotations = logs[0]!.split('\n').filter((l) => l.startsWith('::'));
    // Only the changed lines: old.go's finding and names.go's unchanged loop are not reported.
    expect(annotations.map((l) => l.slice(0, l.indexOf(',endLine')))).toEqual(['::error file=svc/signal.go,line=9']);
    expect(steps.check).toEqual({ 'exit-code': '1', 'sarif-file': join(work, 'go-standards.sarif') });
    const sarif = JSON.parse(readFileSync(steps.check!['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['signal-channel-unbuffered']);
    // The exit step fails the job with the CLI's status.
    expect(status).toBe(1);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('offers a check hook and a fix hook on Go files, installed with npm, that run the CLI', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.types])).toEqual([
      ['go-standards', 'go-standards check', 'node', ['go']],
      ['go-standards-fix', 'go-standards check --fix', 'node', ['go']],
    ]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain('go-standards');
  });
});

