/** What the CLI tests share: a Go file prealloc-slice reports, the config that lets it comment, and output capture. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';

/** A warning with a fix (it comments under COMMENTING_CONFIG). */
export const SLICE_SOURCE = `package p

type User struct{ Name string }

func Names(us []User) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}
`;

/** prealloc-slice is measured below the comment tier's precision: the repository lets its evidence decide. */
export const COMMENTING_CONFIG = 'rules:\n  prealloc-slice: { tier: comment }\n';

/** Writes `.github/go-standards.yml` with COMMENTING_CONFIG under `dir`. */
export function writeCommentingConfig(dir: string): void {
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(join(dir, '.github/go-standards.yml'), COMMENTING_CONFIG);
}

/** Sends what the CLI writes to standard output and error to `sink` (undone by vi.restoreAllMocks). */
export function captureOutput(sink: (stream: 'out' | 'err', text: string) => void): void {
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (sink('out', String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (sink('err', String(s)), true));
}
