import { describe, expect, it } from 'vitest';
import { codeKind } from '../../src/core/code-kind.js';

describe('codeKind', () => {
  it.each([
    ['server/handler.go', 'production'],
    ['cmd/gateway/main.go', 'production'],
    ['internal/latest/manifest.go', 'production'],
    ['pkg/contest/score.go', 'production'],
    ['internal/docstore/store.go', 'production'],
    ['cmd/doc/dirs.go', 'production'],
    ['pkg/stubborn/retry.go', 'production'],
  ])('%s is %s', (path, kind) => {
    expect(codeKind(path)).toBe(kind);
  });

  it('tells test files and test-support directories', () => {
    expect(codeKind('server/handler_test.go')).toBe('test');
    expect(codeKind('examples/echo/main_test.go')).toBe('test');
    expect(codeKind('internal/testutil/server.go')).toBe('test');
    expect(codeKind('htesting/helpers.go')).toBe('test');
    expect(codeKind('pkg/e2e/cluster.go')).toBe('test');
    expect(codeKind('test/framework.go')).toBe('test');
  });

  it('tells mocks, fakes and stubs outside _test.go', () => {
    expect(codeKind('internal/cloud/tfe_client_mock.go')).toBe('mock');
    expect(codeKind('internal/registry/test/mock_registry.go')).toBe('mock');
    expect(codeKind('internal/run/stub.go')).toBe('mock');
    expect(codeKind('pkg/auth/fake_store.go')).toBe('mock');
    expect(codeKind('pkg/store/mocks/store.go')).toBe('mock');
    expect(codeKind('pkg/fakes/clock.go')).toBe('mock');
    expect(codeKind('api/mockClient.go')).toBe('mock');
    expect(codeKind('api/httpstub_server.go')).toBe('mock');
  });

  it('tells example programs', () => {
    expect(codeKind('docs/sts/web-identity.go')).toBe('example');
    expect(codeKind('examples/basic/main.go')).toBe('example');
    expect(codeKind('_examples/router/main.go')).toBe('example');
    expect(codeKind('pkg/client/example/main.go')).toBe('example');
  });

  it('tells vendored copies, tests in them included', () => {
    expect(codeKind('tpl/internal/go_templates/texttemplate/exec.go')).toBe('vendored');
    expect(codeKind('tpl/internal/go_templates/htmltemplate/html_test.go')).toBe('vendored');
    expect(codeKind('vendor/golang.org/x/net/http2/server.go')).toBe('vendored');
    expect(codeKind('third_party/forked/golang/net/dial.go')).toBe('vendored');
  });

  it('accepts Windows separators and leading ./', () => {
    expect(codeKind('.\\docs\\iam\\plugin.go')).toBe('example');
    expect(codeKind('./server/main.go')).toBe('production');
  });
});
