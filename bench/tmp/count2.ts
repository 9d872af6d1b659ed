import { readFileSync } from 'node:fs';
import { corpusFiles } from '../corpus.js';
const kw = /\b(for|range|go|select|func|interface|map|chan)\b/g;
let total = 0, commentLine = 0, lineStartFunc = 0;
for (const f of corpusFiles()) {
  const s = readFileSync(f, 'utf8');
  for (let m = kw.exec(s); m; m = kw.exec(s)) {
    total++;
    const ls = s.lastIndexOf('\n', m.index - 1) + 1;
    let i = ls; while (s[i] === ' ' || s[i] === '\t') i++;
    if (s.startsWith('//', i)) commentLine++;
    else if (m[1] === 'func' && i === m.index && ls === m.index) lineStartFunc++;
  }
}
console.log({ total, commentLine, lineStartFunc });
