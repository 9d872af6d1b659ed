/** A worker thread of the parallel run: analyses the files it is sent, reports counts. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, compileRules } from '../src/core/engine.js';
import { yieldToEventLoop } from '../src/core/go/parser.js';
import { RULES } from '../src/rules/index.js';

const ruleSet = compileRules(RULES);
const files = workerData as string[];
let findings = 0;
for (let i = 0; i < files.length; i++) {
  findings += analyzeFile({ path: files[i]!, source: readFileSync(files[i]!, 'utf8') }, ruleSet).findings.length;
  await yieldToEventLoop();
}
parentPort!.postMessage({ findings, maxRss: process.resourceUsage().maxRSS * 1024 });
