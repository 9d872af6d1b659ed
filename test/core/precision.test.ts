import { describe, expect, it } from 'vitest';
import { precisionResults, type Judgement, type MeasuredFinding } from '../../src/rules/precision.js';

const j = (rule: string, line: number, verdict: Judgement['verdict'], fingerprint = `${rule}-${line}-`.padEnd(16, '0')): Judgement => ({
  repo: 'o/r',
  commit: 'c'.repeat(40),
  path: 'a.go',
  line,
  rule,
  fingerprint,
  tier: 'comment',
  verdict,
  why: 'x',
});
const f = (rule: string, line: number, tier: MeasuredFinding['tier'] = 'comment', fingerprint = `${rule}-${line}-`.padEnd(16, '0')): MeasuredFinding => ({
  repo: 'o/r',
  path: 'a.go',
  line,
  rule,
  fingerprint,
  tier,
});

describe('precision on the labelled corpus', () => {
  it('matches by fingerprint, else by path, rule and line, and counts the rest as unjudged', () => {
    const ledger = [j('a', 1, 'right'), j('a', 2, 'wrong'), j('a', 3, 'right')];
    // line 3 moved its anchor (new fingerprint, same line); line 2 is no longer reported.
    const found = [f('a', 1), f('a', 3, 'comment', 'ffffffffffffffff'), f('a', 9)];
    const r = precisionResults([{ id: 'a' }], ledger, found, ['o/r']).rules[0]!;
    expect(r).toMatchObject({ judged: 3, stillReported: 2, commentJudged: 2, right: 2, wrong: 0, unjudged: 1 });
    expect(r.precision).toBeNull(); // fewer than MIN_JUDGED
  });

  it('gives the comment tier by default only at 0.90 or above, and sums the overall over those rules', () => {
    const ledger = [
      ...Array.from({ length: 9 }, (_, i) => j('good', i + 1, 'right')),
      j('good', 10, 'noise'),
      ...Array.from({ length: 5 }, (_, i) => j('bad', i + 1, i < 2 ? 'right' : 'wrong')),
    ];
    const found = ledger.map((x) => f(x.rule, x.line));
    const res = precisionResults([{ id: 'good' }, { id: 'bad' }, { id: 'quiet', tier: 'advisory' }], ledger, found, ['o/r']);
    expect(res.rules.map((r) => [r.id, r.defaultTier, r.precision])).toEqual([
      ['bad', 'advisory', 0.4],
      ['good', 'comment', 0.9],
      ['quiet', 'advisory', null],
    ]);
    expect(res.overall).toMatchObject({ precision: 0.9, judged: 10 });
    // 11 judged right; all still reported; of the 9 the policy lets comment, all comment.
    expect(res.kept).toEqual({ rightReported: 1, rightCommenting: 1 });
  });

  it('holds back a rule too little judged to measure once one of its judged comments is not right', () => {
    const ledger = [j('few', 1, 'right'), j('few', 2, 'noise'), j('clean', 1, 'right')];
    const res = precisionResults([{ id: 'few' }, { id: 'clean' }], ledger, ledger.map((x) => f(x.rule, x.line)), ['o/r']);
    expect(res.rules.map((r) => [r.id, r.defaultTier, r.precision])).toEqual([
      ['clean', 'comment', null],
      ['few', 'advisory', null],
    ]);
  });

  it('ignores judgements of projects not scanned', () => {
    const res = precisionResults([{ id: 'a' }], [j('a', 1, 'right')], [], []);
    expect(res.rules[0]!.judged).toBe(0);
  });
});
