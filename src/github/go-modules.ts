/**
 * The `go` directive of the nearest go.mod above each changed file, at the pull request's
 * head. One recursive tree listing finds every go.mod; their contents are cached by blob SHA,
 * so unchanged go.mod files cost nothing on later pushes or other pull requests.
 */
import { posix } from 'node:path';
import { LRUCache } from 'lru-cache';
import { goModVersion } from '../core/go-version.js';
import type { GitHub, Logger } from './types.js';

export interface ModuleCaches {
  /** repo@sha → directory → go.mod blob SHA. */
  trees: LRUCache<string, Map<string, string>>;
  /** go.mod blob SHA → its `go` directive ('' when it has none). */
  blobs: LRUCache<string, string>;
}

export function createModuleCaches(): ModuleCaches {
  return { trees: new LRUCache({ max: 200, ttl: 30 * 60 * 1000 }), blobs: new LRUCache({ max: 5000 }) };
}

export class ModuleVersionLookup {
  private modules: Promise<Map<string, string> | null> | undefined;

  constructor(
    private readonly octokit: GitHub,
    private readonly repo: { owner: string; repo: string },
    private readonly sha: string,
    private readonly log: Logger,
    private readonly caches: ModuleCaches,
  ) {}

  /** Directory → go.mod blob SHA for every go.mod at the commit; null when the tree is too big to list. */
  private goModFiles(): Promise<Map<string, string> | null> {
    this.modules ??= (async () => {
      const key = `${this.repo.owner}/${this.repo.repo}@${this.sha}`;
      const cached = this.caches.trees.get(key);
      if (cached) return cached;
      try {
        const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: this.sha, recursive: 'true' });
        if (data.truncated) {
          this.log.info('repository tree too large to list: assuming the newest Go');
          return null;
        }
        const found = new Map<string, string>();
        for (const entry of data.tree) {
          if (entry.type === 'blob' && entry.path && entry.sha && (entry.path === 'go.mod' || entry.path.endsWith('/go.mod'))) {
            found.set(posix.dirname(entry.path), entry.sha);
          }
        }
        this.caches.trees.set(key, found);
        return found;
      } catch (error) {
        this.log.warn({ err: error }, 'cannot list the repository tree: assuming the newest Go');
        return null;
      }
    })();
    return this.modules;
  }

  private async version(blobSha: string): Promise<string | undefined> {
    const cached = this.caches.blobs.get(blobSha);
    if (cached !== undefined) return cached || undefined;
    try {
      const { data } = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: blobSha });
      const version = goModVersion(Buffer.from(data.content, 'base64').toString('utf8'));
      this.caches.blobs.set(blobSha, version ?? '');
      return version;
    } catch (error) {
      this.log.warn({ err: error }, 'cannot read a go.mod: assuming the newest Go');
      return undefined;
    }
  }

  /** The module's Go version for a file, or undefined (no go.mod: assume the newest Go). */
  async forFile(path: string): Promise<string | undefined> {
    const modules = await this.goModFiles();
    if (!modules) return undefined;
    for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
      const blob = modules.get(dir);
      if (blob) return this.version(blob);
      if (dir === '.' || dir === '/' || dir === '') return undefined;
    }
  }
}
