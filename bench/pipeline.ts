/**
 * The whole pipeline (read, parse, all rules) over the Go standard library, against
 * tree-sitter parsing alone and `gofmt -l` over the same files, measured in one run.
 *   npm run bench   (compiles src and bench with tsc first: the JavaScript the app runs)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { analyzeFile, compileRules } from '../src/core/engine.js';
import { parseGo, yieldToEventLoop } from '../src/core/go/parser.js';
import { RULES } from '../src/rules/index.js';
import { corpusFiles, GOFMT } from './corpus.js';

const gc = (globalThis as { gc?: () => void }).gc;
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function timeParse(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    parseGo(readFileSync(files[i]!, 'utf8'));
    await yieldToEventLoop();
    if (i % 64 === 0) sampleRss();
  }
  return performance.now() - t0;
}

const ruleSet = compileRules(RULES);

async function timePipeline(files: string[], timings?: Map<string, number>): Promise<{ ms: number; findings: number }> {
  let findings = 0;
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    findings += analyzeFile({ path: files[i]!, source: readFileSync(files[i]!, 'utf8') }, ruleSet, { timings }).findings.length;
    await yieldToEventLoop();
    if (i % 64 === 0) sampleRss();
  }
  return { ms: performance.now() - t0, findings };
}

// Compiled (npm run bench) the worker is plain JavaScript; run from source it needs tsx.
const WORKER = import.meta.url.endsWith('.js') ? new URL('./worker.js', import.meta.url) : new URL('./worker-entry.mjs', import.meta.url);

async function timeParallel(files: string[], workers: number): Promise<{ ms: number; findings: number; maxRss: number }> {
  const t0 = performance.now();
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ findings: number; maxRss: number }>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  return { ms: performance.now() - t0, findings: results.reduce((a, r) => a + r.findings, 0), maxRss: Math.max(...results.map((r) => r.maxRss)) };
}

function timeGofmt(files: string[]): number {
  const t0 = performance.now();
  // Batches keep the argument list under the system limit; gofmt -l reads and parses every file.
  for (let i = 0; i < files.length; i += 500) {
    const res = spawnSync(GOFMT, ['-l', ...files.slice(i, i + 500)], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (res.error) throw res.error;
  }
  return performance.now() - t0;
}

const files = corpusFiles();
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${RULES.length} rules`);

// Parse-only and the pipeline alternate over chunks of the corpus, so that both see the same
// machine: a slow spell on a shared host lands on both sides of the ratio, not on one. The
// end-to-end figure is measured without per-visitor instrumentation; a second, instrumented
// pass gives each rule's share.
const CHUNK = 200;
let parseMs = 0;
const pipeline = { ms: 0, findings: 0 };
for (let c = 0; c < files.length; c += CHUNK) {
  const chunk = files.slice(c, c + CHUNK);
  const parseFirst = (c / CHUNK) % 2 === 0;
  if (parseFirst) parseMs += await timeParse(chunk);
  const piece = await timePipeline(chunk);
  pipeline.ms += piece.ms;
  pipeline.findings += piece.findings;
  if (!parseFirst) parseMs += await timeParse(chunk);
}
// The process's peak so far: parsing alone and the pipeline, one thread (before any worker runs).
const singleThreadRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
gc?.();
const timings = new Map<string, number>();
await timePipeline(files, timings);
gc?.();
const gofmtMs = timeGofmt(files);
const parallel = await timeParallel(files, 2);

console.log('');
console.log(`tree-sitter parse only   ${seconds(parseMs)} s`);
console.log(`pipeline (read+parse+rules) ${seconds(pipeline.ms)} s  ${(bytes / 1e6 / (pipeline.ms / 1000)).toFixed(1)} MB/s  ${pipeline.findings} findings`);
console.log(`gofmt -l                 ${seconds(gofmtMs)} s`);
console.log(`pipeline on 2 workers    ${seconds(parallel.ms)} s  (${parallel.findings} findings)`);
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(`peak RSS                 ${mib(singleThreadRss)} (pipeline, one thread; target ≤ 1 GiB), ${mib(parallel.maxRss)} (whole process with 2 workers)`);
console.log('');
console.log(`ratio pipeline / parse         ${(pipeline.ms / parseMs).toFixed(2)}  (target ≤ 2.0)`);
console.log(`ratio pipeline / gofmt -l      ${(pipeline.ms / gofmtMs).toFixed(2)}`);
console.log(`ratio 2 workers / gofmt -l     ${(parallel.ms / gofmtMs).toFixed(2)}  (goal < 1.0)`);
console.log('');
console.log('rule                           visitor s   share of parse (target ≤ 0.10)');
const rows = [...RULES].map((r) => [r.id, timings.get(r.id) ?? 0] as const).sort((a, b) => b[1] - a[1]);
for (const [id, ms] of rows) {
  const share = ms / parseMs;
  console.log(`${id.padEnd(30)} ${seconds(ms).padStart(9)}   ${share.toFixed(3)}${share > 0.1 ? '  OVER' : ''}`);
}
const total = rows.reduce((a, [, ms]) => a + ms, 0);
console.log(`${'all rules'.padEnd(30)} ${seconds(total).padStart(9)}   ${(total / parseMs).toFixed(3)}`);
