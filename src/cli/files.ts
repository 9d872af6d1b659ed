/** Finding Go files and their modules on disk for the CLI. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { goModVersion } from '../core/go-version.js';

export class InputError extends Error {}

const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules']);

/**
 * The Go files named by the arguments: files as given, directories walked recursively
 * (skipping vendor/, testdata/ and hidden directories, as the go tool does).
 */
export function collectGoFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      throw new InputError(`no such file or directory: ${arg}`);
    }
    if (stat.isDirectory()) walk(arg, out);
    else out.push(arg);
  }
  return [...new Set(out)];
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.') && !entry.name.startsWith('_')) walk(path, out);
    } else if (entry.isFile() && entry.name.endsWith('.go')) {
      out.push(path);
    }
  }
}

/** The `go` version of the nearest go.mod above each file, cached per directory. */
export class ModuleVersions {
  private readonly cache = new Map<string, string | undefined>();

  forFile(file: string): string | undefined {
    return this.forDir(dirname(resolve(file)));
  }

  private forDir(dir: string): string | undefined {
    if (this.cache.has(dir)) return this.cache.get(dir);
    let version: string | undefined;
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, 'go.mod'), 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) version = goModVersion(text);
    else if (dirname(dir) !== dir) version = this.forDir(dirname(dir));
    this.cache.set(dir, version);
    return version;
  }
}
