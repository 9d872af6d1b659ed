// The CLI over the Go standard library's source (Debian golang-1.19-src), every rule on
// (goVersion 1.24), beside `gofmt -l` over the same files in the same run: cold on all cores
// (no cache), then a cache-filling run and a warm one with --cache; and the floor under the
// cold run: tree-sitter parsing every file and nothing else, one process per core. Runs the
// built CLI (npm run bench:cli builds first). Usage: node bench/cli.mjs [SRC] [--rounds N]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectGoFiles } from '../dist/cli/files.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
const src = args.find((a, i) => !a.startsWith('--') && !(roundsAt >= 0 && i === roundsAt + 1)) ?? '/usr/share/go-1.19/src';
const gofmt = ['/usr/lib/go-1.19/bin/gofmt', '/usr/bin/gofmt'].find(existsSync);
if (!existsSync(src) || !gofmt) {
  process.stderr.write(`bench/cli: needs ${src} (apt-get install golang-1.19-src) and gofmt (golang-1.19-go)\n`);
  process.exit(2);
}
const cli = new URL('../dist/cli/bin.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'go-standards-bench-'));
const config = join(work, 'go-standards.yml');
writeFileSync(config, 'goVersion: "1.24"\n');
const cache = join(work, 'cache');
const files = collectGoFiles([src]).files;

function timed(label, command, argv) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, argv, { cwd: src, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && !(command === process.execPath && run.status === 1)) throw new Error(`${label}: exit ${run.status}: ${run.stderr}`);
  return { seconds, stdout: run.stdout };
}

/** Every file parsed by tree-sitter-go and nothing more, split over one process per core. */
async function parseOnly() {
  const parser = new URL('./parse-only.mjs', import.meta.url).pathname;
  const cores = availableParallelism();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: cores }, (_, k) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [parser, src, String(k), String(cores)], { stdio: 'inherit' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse-only: exit ${code}`))));
      }),
    ),
  );
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const check = ['check', '.', '--config', config, '--format', 'json', '--fail-level', 'never'];
const totals = { gofmt: 0, parse: 0, cold: 0, fill: 0, warm: 0 };
let findings = 0;
for (let round = 0; round < rounds; round++) {
  // Interleaved, so a slow spell of the shared host lands on every side of the ratios.
  totals.gofmt += timed('gofmt', gofmt, ['-l', ...files]).seconds;
  totals.parse += await parseOnly();
  const cold = timed('cold', process.execPath, [cli, ...check]);
  totals.cold += cold.seconds;
  findings = JSON.parse(cold.stdout.toString()).length;
  rmSync(cache, { force: true });
  totals.fill += timed('fill', process.execPath, [cli, ...check, '--cache-location', cache]).seconds;
  const warm = timed('warm', process.execPath, [cli, ...check, '--cache-location', cache]);
  totals.warm += warm.seconds;
  if (JSON.parse(warm.stdout.toString()).length !== findings) throw new Error('the warm run reported other findings');
}
const mean = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / rounds]));
const git = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
})();
process.stdout.write(
  [
    `go-standards CLI over ${src}: ${files.length} files, ${findings} findings, ${availableParallelism()} cores, ${rounds} rounds, commit ${git}`,
    `gofmt -l                      ${mean.gofmt.toFixed(2)} s`,
    `tree-sitter parse only        ${mean.parse.toFixed(2)} s   parse / gofmt = ${(mean.parse / mean.gofmt).toFixed(2)} (the floor under the cold run)`,
    `cold (all cores, no cache)    ${mean.cold.toFixed(2)} s   cold / gofmt = ${(mean.cold / mean.gofmt).toFixed(2)} (target <= 1.2), cold / parse = ${(mean.cold / mean.parse).toFixed(2)}`,
    `filling the cache             ${mean.fill.toFixed(2)} s`,
    `warm (--cache, unchanged)     ${mean.warm.toFixed(2)} s   warm / cold = ${(mean.warm / mean.cold).toFixed(3)} (target <= 0.1)`,
    '',
  ].join('\n'),
);
rmSync(work, { recursive: true, force: true });
