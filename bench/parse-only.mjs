// One share of the CLI bench's parse-only floor: parses every `n`-th Go file from the `k`-th
// with tree-sitter-go and nothing else (no rules, no output). bench/cli.mjs runs one per core.
// Usage: node bench/parse-only.mjs SRC K N
import { readFileSync } from 'node:fs';
import { collectGoFiles } from '../dist/cli/files.js';
import { parseGo, yieldToEventLoop } from '../dist/core/go/parser.js';

const [src, k, n] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const files = collectGoFiles([src]).files.filter((_, i) => i % n === k);
for (let i = 0; i < files.length; i++) {
  parseGo(readFileSync(files[i], 'utf8'));
  if (i % 64 === 63) await yieldToEventLoop(); // the binding frees trees only when the loop turns
}
