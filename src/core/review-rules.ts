/** The rules a configuration runs, compiled once per set of rules and set of disabled ones. */
import { ruleLevels, type Config } from './config.js';
import { compileRules, type RuleSet } from './engine.js';
import type { Rule } from './rule.js';

/** Per list of rules (the registry, or the ones a test or the app was given): disabled ids → compiled set. */
const compiled = new WeakMap<readonly Rule[], Map<string, RuleSet>>();

/** The rule set for a configuration: every given rule but those it turns `off`. */
export function ruleSetFor(config: Pick<Config, 'rules'>, rules: readonly Rule[]): RuleSet {
  const { disabled } = ruleLevels(config);
  let sets = compiled.get(rules);
  if (!sets) {
    sets = new Map();
    compiled.set(rules, sets);
  }
  const key = [...disabled].sort().join(',');
  let set = sets.get(key);
  if (!set) {
    set = compileRules(rules.filter((r) => !disabled.has(r.id)));
    sets.set(key, set);
  }
  return set;
}
