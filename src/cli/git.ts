/** `--new-from-rev REF`: the changed lines since REF, from `git diff`, from any subdirectory. */
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { parseUnifiedDiff, type ChangedLines } from '../core/diff/changed-lines.js';
import { InputError } from './files.js';

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new InputError(`git ${args[0]} failed${stderr ? `: ${stderr.split('\n')[0]}` : ''}`);
  }
}

/** The work tree's root, or undefined outside a git repository. */
export function gitRoot(cwd = process.cwd()): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export interface ChangedFileLines {
  /** Relative to the current directory, as the other paths the CLI prints. */
  path: string;
  changed: ChangedLines;
}

/**
 * The Go files changed between REF's merge base with HEAD and the working tree (what a pull
 * request adds when REF is its base), with their added lines. Untracked files are not part of it.
 */
export function changedSinceRev(ref: string, cwd = process.cwd()): ChangedFileLines[] {
  const root = gitRoot(cwd);
  if (root === undefined) throw new InputError('--new-from-rev needs a git repository');
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  let base = ref;
  try {
    base = execFileSync('git', ['merge-base', ref, 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || ref;
  } catch {
    // No common history (or no HEAD yet): diff against REF itself.
  }
  const diff = git(['diff', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', base, '--', '*.go'], root);
  return parseUnifiedDiff(diff)
    .filter((d) => d.newPath?.endsWith('.go'))
    .map((d) => ({ path: relative(cwd, resolve(root, d.newPath!)).split(sep).join('/') || '.', changed: d.changed }));
}
