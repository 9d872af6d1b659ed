/** Regenerates the README's rule table and configuration reference (npm run readme). */
import { readFileSync, writeFileSync } from 'node:fs';
import { regenerate } from './readme-sections.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, regenerate(readFileSync(path, 'utf8')));
console.log('README.md sections regenerated');
