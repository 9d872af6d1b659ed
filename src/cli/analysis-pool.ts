/**
 * `--jobs N`: files analysed on a pool of worker threads (piscina), each with the run's rules
 * and configuration; the results go to `reviewChange` as analyses made elsewhere.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Config } from '../core/config.js';
import type { FileAnalysis } from '../core/engine.js';
import type { ChangedFile } from '../core/review.js';
import type { AnalysisTask } from './analysis-worker.js';

/** Below this many files a pool costs more (each worker loads the parser and the rules) than it saves. */
export const POOL_MIN_FILES = 64;

export function defaultJobs(): number {
  return availableParallelism();
}

function workerFile(): URL {
  // From source the modules are .ts, loaded by tsx; built, the worker is plain JavaScript.
  return import.meta.url.endsWith('.ts') ? new URL('./analysis-worker-tsx.mjs', import.meta.url) : new URL('./analysis-worker.js', import.meta.url);
}

export class AnalysisPool {
  private readonly pool: Piscina<AnalysisTask, FileAnalysis>;

  constructor(config: Config, jobs: number) {
    this.pool = new Piscina<AnalysisTask, FileAnalysis>({ filename: workerFile().href, workerData: { config }, minThreads: jobs, maxThreads: jobs, idleTimeout: 100 });
  }

  analyse(file: ChangedFile): Promise<FileAnalysis> {
    return this.pool.run({ path: file.path, source: file.source, goVersion: file.goVersion });
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
