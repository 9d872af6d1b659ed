/**
 * Runs rules over a Go tree (default: the Go standard library from Debian's golang-1.19-src)
 * and prints every finding, for reading real-code results rule by rule.
 *   npm run scan -- [--rule id[,id…]] [--sample N] [DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeFile, compileRules } from '../src/core/engine.js';
import { yieldToEventLoop } from '../src/core/go/parser.js';
import { RULES } from '../src/rules/index.js';

const { values, positionals } = parseArgs({
  options: { rule: { type: 'string' }, sample: { type: 'string' }, fixes: { type: 'boolean' }, timings: { type: 'boolean' } },
  allowPositionals: true,
});
const root = positionals[0] ?? '/usr/share/go-1.19/src';
const wanted = values.rule?.split(',');
const rules = wanted ? RULES.filter((r) => wanted.includes(r.id)) : RULES;
if (wanted && rules.length !== wanted.length) throw new Error(`unknown rule in ${values.rule}`);
const set = compileRules(rules);

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testdata' && e.name !== 'vendor') walk(p, out);
    } else if (e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

const counts = new Map<string, number>();
const timings = new Map<string, number>();
const started = performance.now();
const files = walk(root, []);
const sample = values.sample ? Number(values.sample) : Infinity;
for (let i = 0; i < files.length; i++) {
  const path = files[i]!;
  const result = analyzeFile({ path, source: readFileSync(path, 'utf8') }, set, { timings });
  for (const note of result.notes) if (note.rule) console.log(`NOTE ${path}: ${note.message}`);
  for (const f of result.findings) {
    const n = (counts.get(f.rule) ?? 0) + 1;
    counts.set(f.rule, n);
    if (n <= sample) {
      console.log(`${path}:${f.span.startLine}: ${f.rule}: ${f.message}`);
      if (values.fixes && f.fix) console.log(`  fix ${f.fix.line}-${f.fix.endLine}:\n${f.fix.replacement.replace(/^/gm, '    | ')}`);
    }
  }
  if (i % 8 === 0) await yieldToEventLoop();
}
console.log(`\n${files.length} files`);
const total = performance.now() - started;
for (const r of rules) {
  const ms = timings.get(r.id) ?? 0;
  console.log(`${r.id}: ${counts.get(r.id) ?? 0} findings${values.timings ? `, ${(ms / 1000).toFixed(2)} s in visitors` : ''}`);
}
if (values.timings) console.log(`total ${(total / 1000).toFixed(2)} s (parse and walk included)`);
