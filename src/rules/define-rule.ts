import type { Rule } from '../core/rule.js';
import { SECTIONS } from '../core/standard.js';
import { parseGoVersion } from '../core/go-version.js';
import { measuredDefaultTier } from './precision.js';

/**
 * Checks a rule's metadata when the module loads, so a malformed rule never ships, and gives it
 * its default tier: the measured one (precision.json) where its precision is measured, else
 * the tier it declares.
 */
export function defineRule(rule: Rule): Rule {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(rule.id)) problems.push('id must be kebab-case');
  if (!rule.title.trim()) problems.push('title is empty');
  if (!SECTIONS.includes(rule.section)) problems.push(`section "${rule.section}" is not a heading of the standard`);
  if (!['error', 'warning', 'notice'].includes(rule.severity)) problems.push(`bad severity ${rule.severity}`);
  if (!parseGoVersion(rule.minGo)) problems.push(`bad minGo ${rule.minGo}`);
  if (rule.description.trim().length < 20) problems.push('description is missing');
  if (!rule.examples?.incorrect.trim() || !rule.examples?.correct.trim()) problems.push('examples are missing');
  if (rule.requires && (rule.requires.length === 0 || rule.requires.some((t) => !t))) problems.push('requires must list non-empty strings');
  if (problems.length > 0) throw new Error(`rule ${rule.id}: ${problems.join('; ')}`);
  return Object.freeze({ ...rule, defaultTier: measuredDefaultTier(rule.id) ?? rule.tier ?? 'comment' });
}
