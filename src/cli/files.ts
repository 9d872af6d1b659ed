/**
 * Finding and reading Go files on disk for the CLI. Only regular files are read, never more
 * than a cap, and a file that cannot be read is reported and skipped while the rest is checked.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { goModVersion } from '../core/go-version.js';
import type { SkippedFile } from '../core/review-plan.js';
import { looksBinary } from '../core/sources.js';

export class InputError extends Error {}

const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules']);

/** Larger Go sources are not read: no hand-written file is that big, and a stray one must not exhaust memory. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface GoFiles {
  files: string[];
  /** Entries named or met that cannot be checked (not a regular file, unreadable directory). */
  skipped: SkippedFile[];
}

/**
 * The Go files named by the arguments: files as given, directories walked recursively
 * (skipping vendor/, testdata/ and hidden directories, as the go tool does). A path that does
 * not exist is a usage error; a special file or unreadable directory is skipped and reported.
 */
export function collectGoFiles(args: readonly string[]): GoFiles {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`no such file or directory: ${arg}`);
      skipped.push({ path: arg, reason: errorReason(error) });
      continue;
    }
    if (stat.isDirectory()) walk(arg, files, skipped);
    else if (!stat.isFile()) skipped.push({ path: arg, reason: 'not a regular file' });
    else if (!arg.endsWith('.go')) skipped.push({ path: arg, reason: 'not a Go file (.go)' });
    else files.push(arg);
  }
  return { files: [...new Set(files)], skipped };
}

function walk(dir: string, files: string[], skipped: SkippedFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    skipped.push({ path: dir, reason: errorReason(error) });
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.') && !entry.name.startsWith('_')) walk(path, files, skipped);
    } else if (entry.name.endsWith('.go')) {
      if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink()) {
        // A link to a regular file is read; to anything else, it is skipped.
        let target;
        try {
          target = statSync(path);
        } catch (error) {
          skipped.push({ path, reason: errorReason(error) });
          continue;
        }
        if (target.isFile()) files.push(path);
        else if (!target.isDirectory()) skipped.push({ path, reason: 'not a regular file' });
      } else skipped.push({ path, reason: 'not a regular file' });
    }
  }
}

export type ReadResult = { source: string } | { skipped: SkippedFile };

/**
 * Reads a Go source that is a regular file under the size cap. Opened without blocking and
 * checked on the open descriptor, so a FIFO or device swapped in after the walk is not read.
 */
export function readGoFile(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skipped: { path, reason: 'not a regular file' } };
    if (stat.size > maxBytes) return { skipped: { path, reason: `larger than ${maxBytes / (1024 * 1024)} MiB` } };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const source = buffer.subarray(0, read).toString('utf8');
    if (looksBinary(source)) return { skipped: { path, reason: 'binary content' } };
    return { source };
  } catch (error) {
    return { skipped: { path, reason: errorReason(error) } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a directory';
  return code ?? String(error);
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
