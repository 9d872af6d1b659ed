/**
 * Measures each rule's precision on the labelled real-world corpus.
 *   npm run precision -- [--corpus DIR] [--check]
 *
 * The corpus is a set of large public Go projects (corpus/projects.json: repository and
 * commit), checked out as plain trees under DIR/<owner>+<name>/ (default: $GO_STANDARDS_CORPUS
 * or /work/corpus). Nothing of theirs is in this repository: corpus/ledger.json holds only
 * judgements (repository, commit, path, line, rule, fingerprint, tier, verdict, why).
 *
 * The current rules run over every project found; each finding is matched to a judgement by
 * fingerprint, falling back to path, rule and line (so a moved anchor still matches). Per rule
 * it prints the comment tier's precision (right ÷ judged), how many judged findings are still
 * reported, and how many unjudged ones appeared, and writes src/rules/precision.json, which the
 * docs, the README and `go-standards rules --format json` are generated from.
 * With --check it writes nothing and exits 1 when the results file would change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { collectGoFiles, ModuleVersions } from '../src/cli/files.js';
import { analyzeFile, compileRules } from '../src/core/engine.js';
import { yieldToEventLoop } from '../src/core/go/parser.js';
import { fingerprints } from '../src/core/render/fingerprint.js';
import { isGenerated, looksBinary } from '../src/core/sources.js';
import { RULES } from '../src/rules/index.js';
import { precisionResults, type Judgement, type MeasuredFinding } from '../src/rules/precision.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, check: { type: 'boolean' } } });
const root = values.corpus ?? process.env.GO_STANDARDS_CORPUS ?? '/work/corpus';
const here = new URL('../corpus/', import.meta.url);
const projects = JSON.parse(readFileSync(new URL('projects.json', here), 'utf8')) as Array<{ repo: string; commit: string }>;
const ledger = JSON.parse(readFileSync(new URL('ledger.json', here), 'utf8')) as Judgement[];

const ruleSet = compileRules(RULES);
const measured: MeasuredFinding[] = [];
const scanned: string[] = [];
for (const project of projects) {
  const dir = join(root, project.repo.replace('/', '+'));
  if (!existsSync(dir)) {
    process.stderr.write(`precision: ${project.repo} not found at ${dir}: skipped\n`);
    continue;
  }
  scanned.push(project.repo);
  const modules = new ModuleVersions();
  for (const file of collectGoFiles([dir]).files) {
    const source = readFileSync(file, 'utf8');
    if (looksBinary(source) || isGenerated(source)) continue;
    const path = relative(dir, file).split('\\').join('/');
    // Evidence tiers: the rules' default tiers are what this measures, so they are not applied.
    const result = analyzeFile({ path, source }, ruleSet, { goVersion: modules.forFile(file), defaultTiers: false });
    // A finding that stands for several (one comment per cause) is measured as each of them.
    const each = result.findings.flatMap((f) => [f, ...(f.related ?? [])]).sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn);
    const prints = fingerprints(each);
    each.forEach((f, i) => {
      measured.push({ repo: project.repo, path, line: f.span.startLine, rule: f.rule, fingerprint: prints[i]!, tier: f.tier ?? 'comment' });
    });
    await yieldToEventLoop();
  }
}
if (scanned.length === 0) {
  process.stderr.write(`precision: no corpus project found under ${root}\n`);
  process.exit(2);
}

const results = precisionResults(RULES, ledger, measured, scanned);
const table = [['rule', 'tier', 'precision', 'judged', 'still', 'right', 'noise', 'wrong', 'new'].join('\t')];
for (const r of results.rules) {
  table.push(
    [r.id, r.defaultTier, r.precision === null ? '—' : r.precision.toFixed(2), r.judged, r.stillReported, r.right, r.noise, r.wrong, r.unjudged].join('\t'),
  );
}
const o = results.overall;
table.push(['overall', '', o.precision === null ? '—' : o.precision.toFixed(2), o.judged, o.stillReported, o.right, o.noise, o.wrong, o.unjudged].join('\t'));
process.stdout.write(`${table.join('\n')}\n`);
process.stdout.write(
  `judged right still reported: ${(results.kept.rightReported * 100).toFixed(1)}%; of those the policy lets comment, still commenting: ${(results.kept.rightCommenting * 100).toFixed(1)}%\n`,
);

const text = `${JSON.stringify(results, null, 2)}\n`;
const out = new URL('../src/rules/precision.json', import.meta.url);
if (values.check) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === text;
  process.stdout.write(same ? 'src/rules/precision.json is up to date\n' : 'src/rules/precision.json is stale: run npm run precision\n');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
process.stdout.write(`wrote src/rules/precision.json (${relative(process.cwd(), out.pathname)})\n`);
