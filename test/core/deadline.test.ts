/**
 * The analysis deadline: the parser stops at it by itself and the engine between rule calls,
 * and a parse stopped there leaves the parser ready for the next file.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { DeadlineExceeded, withDeadline } from '../../src/core/deadline.js';
import { analyzeFile } from '../../src/core/engine.js';
import { parseGo } from '../../src/core/go/parser.js';
import { ruleSetFor } from '../../src/core/review-rules.js';
import { RULES } from '../../src/rules/index.js';
import { multiLineGo, syntaxJunk } from '../support/large-go.js';

const SMALL = 'package p\n\nfunc f() int { return 1 }\n';

describe('the analysis deadline', () => {
  it('stops a long parse at the deadline, and the next parse starts afresh', () => {
    const junk = syntaxJunk(875_000);
    const started = Date.now();
    expect(() => withDeadline(50, () => parseGo(junk))).toThrow(DeadlineExceeded);
    expect(Date.now() - started).toBeLessThan(1000);
    const tree = parseGo(SMALL);
    expect(tree.rootNode.text).toBe(SMALL);
    expect(tree.rootNode.hasError).toBe(false);
  });

  it('stops the rules of a large file at the deadline, and none is left behind for the next file', () => {
    const rules = ruleSetFor(DEFAULT_CONFIG, RULES);
    const big = multiLineGo(850_000);
    let started = Date.now();
    analyzeFile({ path: 'big.go', source: big }, rules);
    const whole = Date.now() - started;
    started = Date.now();
    // The parse takes a fraction of the analysis: the deadline falls in the rules.
    expect(() => withDeadline(300, () => analyzeFile({ path: 'big.go', source: big }, rules))).toThrow(DeadlineExceeded);
    // Measured against the whole analysis in the same minute, so a loaded host moves both.
    expect(Date.now() - started, `stopped after ${Date.now() - started} ms of a ${whole} ms analysis`).toBeLessThan(whole * 0.6);
    expect(analyzeFile({ path: 'small.go', source: SMALL }, rules).notes).toEqual([]);
  });

  it('is not there outside withDeadline', () => {
    withDeadline(1, () => undefined);
    expect(parseGo(SMALL).rootNode.hasError).toBe(false);
  });
});
