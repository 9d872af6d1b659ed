import { readFileSync } from 'node:fs';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { yieldToEventLoop } from '../../src/core/go/parser.js';
import { RULES } from '../../src/rules/index.js';
import { corpusFiles } from '../corpus.js';
const files = corpusFiles();
const ruleSet = compileRules(RULES);
const t0 = performance.now();
for (const f of files) { analyzeFile({ path: f, source: readFileSync(f, 'utf8') }, ruleSet, {}); await yieldToEventLoop(); }
console.log('ms', performance.now() - t0);
