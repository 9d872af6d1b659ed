/** http-server-timeouts: sample programs are advisory, by their path. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { RULES } from '../../src/rules/index.js';

const rule = RULES.find((r) => r.id === 'http-server-timeouts')!;
const tiers: string[] = [];
const rules = compileRules([
  {
    ...rule,
    create(context) {
      const spy = Object.create(context) as typeof context;
      Object.assign(spy, {
        imports: () => context.imports(),
        report: (r: Parameters<typeof context.report>[0]) => {
          tiers.push(r.tier ?? 'comment');
          context.report(r);
        },
      });
      return rule.create(spy);
    },
  },
]);

const source = `package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", http.FileServer(http.Dir(".")))
}
`;

describe('http-server-timeouts on sample programs', () => {
  it.each([
    ['docs/sts/web-identity.go', 'advisory'],
    ['examples/fileserver/main.go', 'advisory'],
    ['cmd/fileserver/main.go', 'comment'],
  ])('%s: %s', (path, tier) => {
    tiers.length = 0;
    const found = analyzeFile({ path, source }, rules, {}).findings;
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('ReadHeaderTimeout');
    expect(found[0]!.message).not.toContain('WriteTimeout');
    expect(tiers).toEqual([tier]);
  });
});
