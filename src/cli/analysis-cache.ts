/**
 * `--cache`: file analyses kept between runs. An entry's key covers the file's path and
 * content, its effective Go version, the configuration, and the tool's and rules' versions, so
 * any of them changing analyses the file again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../core/config.js';
import type { FileAnalysis } from '../core/engine.js';
import type { Rule } from '../core/rule.js';

export const DEFAULT_CACHE_FILE = '.go-standards-cache';
/** Entries kept at most: this run's, then the most recent others. */
const MAX_ENTRIES = 50_000;
const FORMAT = 1;

interface CacheFile {
  format: number;
  entries: Record<string, FileAnalysis>;
}

export class AnalysisCache {
  private readonly entries: Map<string, FileAnalysis>;
  private readonly used = new Map<string, FileAnalysis>();
  private readonly salt: string;

  private constructor(
    private readonly file: string,
    entries: Map<string, FileAnalysis>,
    salt: string,
  ) {
    this.entries = entries;
    this.salt = salt;
  }

  /** Opens the cache file (a missing or unreadable one is an empty cache). */
  static open(file: string, context: { config: Config; rules: readonly Rule[]; toolVersion: string }): AnalysisCache {
    let entries = new Map<string, FileAnalysis>();
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.format === FORMAT) entries = new Map(Object.entries(parsed.entries));
    } catch {
      // No cache yet, or one from elsewhere: start afresh.
    }
    const rules = context.rules.map((r) => [r.id, r.severity, r.minGo, r.tier ?? 'comment', r.fixable]);
    const salt = JSON.stringify([FORMAT, context.toolVersion, rules, context.config]);
    return new AnalysisCache(file, entries, salt);
  }

  key(path: string, source: string, goVersion: string | undefined): string {
    return createHash('sha256').update(this.salt).update('\u0000').update(path).update('\u0000').update(goVersion ?? '').update('\u0000').update(source).digest('hex');
  }

  get(key: string): FileAnalysis | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, analysis: FileAnalysis): void {
    this.used.set(key, analysis);
  }

  /** Writes this run's entries first, then older ones up to the cap; atomically (rename). */
  save(): void {
    const entries: Record<string, FileAnalysis> = Object.fromEntries(this.used);
    let n = this.used.size;
    for (const [k, v] of this.entries) {
      if (n >= MAX_ENTRIES) break;
      if (this.used.has(k)) continue;
      entries[k] = v;
      n++;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, entries } satisfies CacheFile));
    renameSync(tmp, this.file);
  }
}
