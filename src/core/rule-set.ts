/**
 * Rules compiled once for many files: the node types they visit and how the engine finds each
 * (by keyword, by callee name, by a rule's text pattern, or by the native walk).
 */
import { parseGo, type SyntaxNode } from './go/parser.js';
import { calleePattern, foundByKeyword } from './node-index.js';
import type { Rule, RuleContext } from './rule.js';

/** Rules compiled once: the node types to collect and who handles each. */
export class RuleSet {
  readonly nodeTypes: string[];
  /** Matches the callee names of rules that declared `$calls`, when no rule needs every call. */
  readonly callPattern: RegExp | null;
  /** Node types every visitor of which finds its nodes by text (`$find`): not walked. */
  readonly foundByText: ReadonlySet<string>;
  constructor(
    readonly rules: readonly Rule[],
    nodeTypes: readonly string[],
    callNames: ReadonlySet<string> | null,
    foundByText: ReadonlySet<string> = new Set(),
  ) {
    this.callPattern = callNames && callNames.size > 0 ? calleePattern(callNames) : null;
    this.foundByText = foundByText;
    const types = nodeTypes.filter((t) => !(callNames && t === 'call_expression') && !foundByText.has(t));
    this.nodeTypes = [...new Set(['import_spec', ...types])];
    this.byKeyword = types.filter(foundByKeyword);
    // Imports are read from the file's import declarations, not from the walk.
    this.walked = types.filter((t) => !foundByKeyword(t) && t !== 'import_spec');
  }
  /** Types found by their keyword (no walk). */
  readonly byKeyword: string[];
  /** Types that still need the native walk (with import_spec when any). */
  readonly walked: string[];
}

/**
 * Compiles rules for repeated use. Rules declare the node types they visit by the keys their
 * `create` returns; we learn them once from a probe file.
 */
export function compileRules(rules: readonly Rule[]): RuleSet {
  const probe = parseGo('package probe\n');
  const types = new Set<string>();
  const callNames = new Set<string>();
  let everyCall = false;
  const byText = new Set<string>();
  const walked = new Set<string>();
  for (const rule of rules) {
    const visitors = rule.create(probeContext(probe.rootNode));
    for (const key of Object.keys(visitors)) {
      if (key.startsWith('$')) continue;
      types.add(key);
      if (key === 'call_expression') continue;
      if (visitors.$find?.[key]) byText.add(key);
      else walked.add(key);
    }
    if (visitors.call_expression) {
      if (visitors.$calls) for (const n of visitors.$calls) callNames.add(n);
      else everyCall = true;
    }
  }
  const foundByText = new Set([...byText].filter((t) => !walked.has(t)));
  return new RuleSet(rules, [...types], everyCall ? null : callNames, foundByText);
}

function probeContext(root: SyntaxNode): RuleContext {
  return {
    path: 'probe.go',
    source: 'package probe\n',
    root,
    goVersion: undefined,
    imports: () => new Map(),
    report: () => {},
  };
}
