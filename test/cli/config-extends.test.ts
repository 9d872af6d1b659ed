import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCliConfig, repositorySlug } from '../../src/cli/config-file.js';
import { RULES } from '../../src/rules/index.js';

const KNOWN = new Set(RULES.map((r) => r.id));
const API = 'https://ghe.example.test/api/v3';
const RAW = { 'content-type': 'text/plain; charset=utf-8' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'go-standards-extends-'));
  mkdirSync(join(dir, '.github'), { recursive: true });
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('_extends in the CLI configuration', () => {
  it('resolves .github and owner/repo:path through the app loader, on GITHUB_API_URL with the token; local settings win', async () => {
    writeFileSync(join(dir, '.github/go-standards.yml'), '_extends: .github\nrules:\n  prealloc-slice: error\n');
    const scope = nock(API, { reqheaders: { authorization: 'token t0ken' } })
      .get('/repos/acme/.github/contents/.github%2Fgo-standards.yml')
      .reply(200, '_extends: acme/policies:go/base.yml\nscope: file\nrules:\n  prealloc-slice: notice\n', RAW)
      .get('/repos/acme/policies/contents/go%2Fbase.yml')
      .reply(200, 'failOn: warning\nscope: diff-context\n', RAW);
    const { config, warnings } = await loadCliConfig(undefined, dir, KNOWN, { GITHUB_TOKEN: 't0ken', GITHUB_API_URL: API, GITHUB_REPOSITORY: 'acme/payments' });
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({ failOn: 'warning', scope: 'file', rules: { 'prealloc-slice': 'error' } });
    expect(scope.isDone()).toBe(true);
  });

  it('resolves a local base (./ beside the file, / at the repository root), chained', async () => {
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci/strict.yml'), '_extends: ./base.yml\nfailOn: notice\n');
    writeFileSync(join(dir, 'ci/base.yml'), '_extends: /shared.yml\nscope: file\nfailOn: never\n');
    writeFileSync(join(dir, 'shared.yml'), 'rules:\n  empty-interface: off\nscope: diff-context\n');
    const { config } = await loadCliConfig(join(dir, 'ci/strict.yml'), dir, KNOWN, {});
    expect(config).toMatchObject({ failOn: 'notice', scope: 'file', rules: { 'empty-interface': 'off' } });
  });

  it('without a token says so and uses the local part', async () => {
    writeFileSync(join(dir, '.github/go-standards.yml'), '_extends: acme/policies\nfailOn: warning\n');
    const { config, warnings } = await loadCliConfig(undefined, dir, KNOWN, { GITHUB_REPOSITORY: 'acme/payments' });
    expect(config.failOn).toBe('warning');
    expect(warnings).toEqual(['the configuration extends acme/policies, which is on GitHub: set GITHUB_TOKEN or GH_TOKEN to read it; using the local part of the configuration only']);
  });

  it('takes the owner from GITHUB_REPOSITORY, else the origin remote', () => {
    expect(repositorySlug(dir, { GITHUB_REPOSITORY: 'acme/payments' })).toEqual({ owner: 'acme', repo: 'payments' });
    expect(repositorySlug(dir, {})).toBeUndefined();
  });
});
