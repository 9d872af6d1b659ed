/** The registry: every rule, sorted by id (a test keeps it sorted and complete). */
import type { Rule } from '../core/rule.js';
import benchmarkLoop from './benchmark-loop/rule.js';
import emptyInterface from './empty-interface/rule.js';
import preallocSlice from './prealloc-slice/rule.js';

export const RULES: readonly Rule[] = [benchmarkLoop, emptyInterface, preallocSlice];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
