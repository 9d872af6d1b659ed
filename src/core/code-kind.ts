/**
 * What kind of code a file holds, judged from its path alone: production code, tests (and test
 * support), example programs, mocks and stubs, or a vendored copy of someone else's code. The
 * test-code policy of the rule catalog reads it: advice meant for production is at most advisory
 * elsewhere. Paths are repository-relative, with `/` or `\` separators.
 */

export type CodeKind = 'production' | 'test' | 'example' | 'mock' | 'vendored';

/** Directories holding copies of other code kept in sync with upstream (a fork of `text/template`). */
const VENDORED_DIRS = new Set(['vendor', 'go_templates', 'third_party']);

/** Directories of sample programs. */
const EXAMPLE_DIRS = new Set(['docs', 'examples', 'example', '_examples', '_example', 'samples', '_samples']);

/** Directories of test doubles. */
const MOCK_DIRS = new Set(['mocks', 'mock', 'fakes', 'fake', 'stubs', 'stub', 'mockery', 'testdoubles']);

/** Directories of test helpers and test-only programs. */
const TEST_DIRS = /^(tests?|testing|testutils?|testhelpers?|testenv|testsupport|testfixtures|testdata|e2e|\w+testing|\w+testutils?)$/;

/** File names of test doubles: `client_mock.go`, `mock_client.go`, `fake_store.go`, `stub.go`, `*stub*.go`. */
const MOCK_FILE = /(^|[_.-])(mocks?|fakes?)([_.-]|$)|^mock[A-Z_]|stub/i;

export function codeKind(path: string): CodeKind {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  const file = parts.pop() ?? '';
  const dirs = parts;
  if (dirs.some((d) => VENDORED_DIRS.has(d))) return 'vendored';
  if (file.endsWith('_test.go')) return 'test';
  const stem = file.replace(/\.go$/, '');
  if (MOCK_FILE.test(stem) || dirs.some((d) => MOCK_DIRS.has(d))) return 'mock';
  if (dirs.some((d) => EXAMPLE_DIRS.has(d))) return 'example';
  if (dirs.some((d) => TEST_DIRS.test(d))) return 'test';
  return 'production';
}
