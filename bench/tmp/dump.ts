import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { yieldToEventLoop } from '../../src/core/go/parser.js';
import { RULES } from '../../src/rules/index.js';
import { corpusFiles } from '../corpus.js';
const ruleSet = compileRules(RULES);
const out: string[] = [];
const t0 = performance.now();
for (const f of corpusFiles()) {
  const r = analyzeFile({ path: f, source: readFileSync(f, 'utf8') }, ruleSet, {});
  for (const x of r.findings) out.push(`${x.rule} ${f}:${x.span.startLine}:${x.span.startColumn}-${x.span.endLine}:${x.span.endColumn} ${x.severity} ${JSON.stringify(x.message)} ${JSON.stringify(x.fix ?? null)}`);
  for (const n of r.notes) out.push(`NOTE ${f} ${n.rule ?? ''} ${n.message}`);
  await yieldToEventLoop();
}
writeFileSync(process.argv[2]!, out.join('\n') + '\n');
console.log(out.length, 'lines', ((performance.now() - t0) / 1000).toFixed(2), 's');
