/**
 * The analyses made before the review: from the cache, on the worker pool (`--jobs`, when the
 * files are many enough to pay for it), and in this thread when caching. Files are handed over
 * as they are read, so the workers start and work while the rest is still being read. Without
 * a cache or a pool the review analyses the files itself.
 */
import type { Config } from '../core/config.js';
import { analyzeFile, type FileAnalysis } from '../core/engine.js';
import { yieldToEventLoop } from '../core/go/parser.js';
import { analysisOptions, type ChangedFile } from '../core/review.js';
import { ruleSetFor } from '../core/review-rules.js';
import { isGenerated } from '../core/sources.js';
import { RULES } from '../rules/index.js';
import type { AnalysisCache } from './analysis-cache.js';
import { AnalysisPool } from '../analysis/pool.js';

/** Below this many files a pool costs more (each worker loads the parser and the rules) than it saves. */
export const POOL_MIN_FILES = 64;

export class Analyses {
  private readonly done = new Map<string, FileAnalysis>();
  private readonly pending: Array<Promise<FileAnalysis>> = [];
  private readonly local: ChangedFile[] = [];
  private readonly keys = new Map<string, string>();
  private pool: AnalysisPool | undefined;
  private added = 0;

  /**
   * @param usePool whether the run is large enough for worker threads (`jobs` > 1); the pool
   *   starts at the first file the cache does not have, so a warm run starts no thread.
   */
  constructor(
    private readonly config: Config,
    private readonly cache: AnalysisCache | undefined,
    private readonly jobs: number,
    private readonly usePool: boolean,
  ) {}

  /** A file just read; lets the event loop turn now and then so the workers get their tasks. */
  async add(file: ChangedFile): Promise<void> {
    if (isGenerated(file.source)) return;
    if (this.cache) {
      const key = this.cache.key(file.path, file.source, this.config.goVersion ?? file.goVersion);
      this.keys.set(file.path, key);
      const hit = this.cache.get(key);
      if (hit) {
        this.done.set(file.path, hit);
        return;
      }
    }
    if (this.usePool) {
      this.pool ??= new AnalysisPool({ threads: this.jobs, idleTimeoutMs: 100 });
      this.pending.push(
        this.pool.analyseFile(file, this.config).then((outcome) => {
          if ('analysis' in outcome) return outcome.analysis;
          throw new Error(`${file.path}: ${outcome.reason}`);
        }),
      );
      if (++this.added % 32 === 0) await yieldToEventLoop();
    } else if (this.cache) this.local.push(file);
  }

  /** Every analysis made; the cache saved. */
  async finish(): Promise<{ analyses: Map<string, FileAnalysis>; cacheError?: unknown }> {
    const made: FileAnalysis[] = [];
    try {
      made.push(...(await Promise.all(this.pending)));
    } finally {
      await this.pool?.close();
    }
    if (this.local.length > 0) {
      const ruleSet = ruleSetFor(this.config, RULES);
      for (const file of this.local) {
        made.push(analyzeFile({ path: file.path, source: file.source }, ruleSet, analysisOptions(this.config, RULES, file)));
        await yieldToEventLoop();
      }
    }
    for (const analysis of made) this.done.set(analysis.path, analysis);
    if (!this.cache) return { analyses: this.done };
    for (const analysis of made) this.cache.set(this.keys.get(analysis.path)!, analysis);
    try {
      this.cache.save();
    } catch (error) {
      return { analyses: this.done, cacheError: error };
    }
    return { analyses: this.done };
  }
}
