import { readFileSync } from 'node:fs';
import { corpusFiles } from '../corpus.js';
const pats: Record<string, RegExp> = { for: /\bfor\b/g, range: /\brange\b/g, go: /\bgo\b/g, select: /\bselect\b/g, func: /\bfunc\b/g, funcAtLineStart: /^func\b/gm, interface: /\binterface\b/g, map: /\bmap\b/g, chan: /\bchan\b/g };
const counts: Record<string, number> = {};
for (const f of corpusFiles()) { const s = readFileSync(f, 'utf8'); for (const [k, p] of Object.entries(pats)) counts[k] = (counts[k] ?? 0) + (s.match(p)?.length ?? 0); }
console.log(counts);
