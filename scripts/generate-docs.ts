/** Writes docs/rules/<id>.md for every rule. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { RULES } from '../src/rules/index.js';
import { renderRuleDoc } from '../src/rules/docs.js';

const dir = new URL('../docs/rules/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const rule of RULES) writeFileSync(new URL(`${rule.id}.md`, dir), renderRuleDoc(rule));
console.log(`wrote ${RULES.length} rule pages to docs/rules/`);
