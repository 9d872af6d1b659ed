/** The benchmark corpus: the Go standard library's source from Debian's golang-1.19-src. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const GO_SRC = process.env.GO_SRC ?? '/usr/share/go-1.19/src';
export const GOFMT = process.env.GOFMT ?? '/usr/lib/go-1.19/bin/gofmt';

export function corpusFiles(root = GO_SRC): string[] {
  if (!existsSync(root)) {
    throw new Error(`${root} not found: apt-get install golang-1.19-src golang-1.19-go (or set GO_SRC and GOFMT)`);
  }
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'testdata') walk(p);
      } else if (e.name.endsWith('.go')) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
