/** docs/go-library.md lists every module of src/core/go and, under it, everything the module exports. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const goDir = new URL('../../src/core/go/', import.meta.url);
const doc = readFileSync(new URL('../../docs/go-library.md', import.meta.url), 'utf8');
const modules = readdirSync(goDir).filter((f) => f.endsWith('.ts'));

/** The text of the doc's section for a module: from its `## \`file.ts\`` heading to the next heading. */
function section(file: string): string | null {
  const start = doc.indexOf(`\n## \`${file}\``);
  if (start === -1) return null;
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? doc.length : end);
}

describe('docs/go-library.md', () => {
  it.each(modules)('documents %s and each of its exports', (file) => {
    const text = section(file);
    expect(text, `no "## \`${file}\`" section`).not.toBeNull();
    const source = readFileSync(new URL(file, goDir), 'utf8');
    const exported = [...source.matchAll(/^export (?:async )?(?:function\*?|const|let|type|interface|class) (\w+)/gm)].map((m) => m[1]!);
    const missing = exported.filter((name) => !new RegExp(`\`${name}[\`(]`).test(text!));
    expect(missing).toEqual([]);
  });

  it('has no section for a module that does not exist', () => {
    const documented = [...doc.matchAll(/^## `([\w-]+\.ts)`/gm)].map((m) => m[1]!);
    expect(documented.filter((f) => !modules.includes(f))).toEqual([]);
  });
});
