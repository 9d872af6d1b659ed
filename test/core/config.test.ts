import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfigText, ruleLevels, validateConfig } from '../../src/core/config.js';
import { describeEffectiveConfig, mergeLayers } from '../../src/core/config-merge.js';

const KNOWN = new Set(['prealloc-slice', 'empty-interface', 'benchmark-loop']);

describe('configuration schema', () => {
  it('has defaults in one place', () => {
    expect(DEFAULT_CONFIG).toEqual({
      rules: {},
      paths: { include: ['**/*.go'], exclude: [] },
      scope: 'added',
      failOn: 'error',
      maxInlineComments: 30,
      reviewEvent: 'COMMENT',
      drafts: 'skip',
      invalidConfig: 'use-defaults',
    });
  });

  it('accepts every key', () => {
    const text = [
      'rules:',
      '  prealloc-slice: off',
      '  empty-interface: error',
      'paths:',
      '  include: ["svc/**/*.go"]',
      '  exclude: ["**/*_mock.go"]',
      'scope: diff-context',
      'failOn: warning',
      'maxInlineComments: 10',
      'reviewEvent: REQUEST_CHANGES',
      'drafts: review',
      'standardUrl: https://wiki.example.com/go-standards',
      'goVersion: "1.22"',
      'invalidConfig: skip-review',
    ].join('\n');
    const result = parseConfigText(text, KNOWN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.scope).toBe('diff-context');
    expect(ruleLevels(result.config)).toEqual({ disabled: new Set(['prealloc-slice']), severities: new Map([['empty-interface', 'error']]), tiers: new Map() });
  });

  it('says exactly what is wrong: key and line', () => {
    const text = 'rules:\n  prealloc-slic: off\n  empty-interface: loud\nscope: everything\nmaxInlineComments: -1\nbogus: 1\n';
    const result = parseConfigText(text, KNOWN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.key, p.line])).toEqual([
      ['rules.empty-interface', 3],
      ['scope', 4],
      ['maxInlineComments', 5],
      ['bogus', 6],
      ['rules.prealloc-slic', 2],
    ]);
    expect(result.problems.find((p) => p.key === 'rules.prealloc-slic')?.message).toBe('unknown rule "prealloc-slic"');
  });

  it('takes a rule as a level or as { level, tier }, with line-accurate problems', () => {
    const text = [
      'rules:',
      '  prealloc-slice:',
      '    tier: advisory',
      '  empty-interface: { level: warning, tier: comment }',
      '  benchmark-loop: { level: off }',
    ].join('\n');
    const result = parseConfigText(text, KNOWN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(ruleLevels(result.config)).toEqual({
      disabled: new Set(['benchmark-loop']),
      severities: new Map([['empty-interface', 'warning']]),
      tiers: new Map([
        ['prealloc-slice', 'advisory'],
        ['empty-interface', 'comment'],
      ]),
    });
    const bad = parseConfigText('scope: added\nrules:\n  prealloc-slice:\n    tier: silent\n  empty-interface: { level: loud }\n  benchmark-loop: { lvl: off }\n', KNOWN);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => [p.key, p.line, p.message])).toEqual([
      ['rules.prealloc-slice.tier', 4, 'Invalid option: expected one of "comment"|"advisory"'],
      ['rules.empty-interface.level', 5, 'Invalid option: expected one of "off"|"notice"|"warning"|"error"'],
      ['rules.benchmark-loop.lvl', 6, 'unknown key'],
    ]);
  });

  it('reports invalid YAML with its line', () => {
    const result = parseConfigText('scope: added\nrules: [\n', KNOWN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ key: '(file)', line: 3, message: expect.stringMatching(/^invalid YAML: /) });
  });

  it('treats an empty file as the defaults', () => {
    expect(validateConfig(null, KNOWN)).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });
});

describe('configuration layers', () => {
  it('merges organisation and repository, rules per rule, and says where each setting came from', () => {
    const effective = mergeLayers([
      { source: 'acme/.github:.github/go-standards.yml', config: { scope: 'diff-context', failOn: 'warning', rules: { 'prealloc-slice': 'off', 'empty-interface': 'warning' } } },
      { source: 'acme/api:.github/go-standards.yml', config: { failOn: 'never', rules: { 'prealloc-slice': 'error' } } },
    ]);
    expect(effective.config.scope).toBe('diff-context');
    expect(effective.config.failOn).toBe('never');
    expect(effective.config.rules).toEqual({ 'prealloc-slice': 'error', 'empty-interface': 'warning' });
    expect(effective.sources.get('scope')).toBe('acme/.github:.github/go-standards.yml');
    expect(effective.sources.get('failOn')).toBe('acme/api:.github/go-standards.yml');
    const table = describeEffectiveConfig(effective);
    expect(table).toContain('| `scope` | `"diff-context"` | acme/.github:.github/go-standards.yml |');
    expect(table).toContain('| `maxInlineComments` | `30` | default |');
    expect(table).toContain('| `rules.prealloc-slice` | `"error"` | acme/api:.github/go-standards.yml |');
  });

  it("merges a rule's level and tier key by key: a repository's tier keeps the organisation's level", () => {
    const effective = mergeLayers([
      { source: 'org', config: { rules: { 'prealloc-slice': 'warning', 'empty-interface': { tier: 'advisory' }, 'benchmark-loop': { level: 'error', tier: 'advisory' } } } },
      { source: 'repo', config: { rules: { 'prealloc-slice': { tier: 'advisory' }, 'empty-interface': 'notice', 'benchmark-loop': { tier: 'comment' } } } },
    ]);
    expect(effective.config.rules).toEqual({
      'prealloc-slice': { level: 'warning', tier: 'advisory' },
      'empty-interface': { level: 'notice', tier: 'advisory' },
      'benchmark-loop': { level: 'error', tier: 'comment' },
    });
    expect(effective.sources.get('rules.prealloc-slice')).toBe('repo');
    const later = mergeLayers([
      { source: 'org', config: { rules: { 'prealloc-slice': 'warning' } } },
      { source: 'repo', config: { rules: { 'prealloc-slice': 'off' } } },
    ]);
    expect(later.config.rules).toEqual({ 'prealloc-slice': 'off' });
  });
});
