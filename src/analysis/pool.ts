/**
 * The analysis pool, one for the process, used by the app and the CLI: files are analysed on
 * worker threads (piscina), so the thread that answers webhooks stays free while a large file
 * is parsed. A file gets a deadline from the moment a thread takes it; past it the thread is
 * terminated (piscina aborts a running task by ending its worker, and starts a new one) and the
 * file is reported as not reviewed, with the reason. Files with a line longer than the cap
 * (minified or generated code) are not analysed at all. The results go to `reviewChange` as
 * analyses made elsewhere.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { Config } from '../core/config.js';
import type { FileAnalysis } from '../core/engine.js';
import type { SkippedFile } from '../core/review-plan.js';
import type { ChangedFile } from '../core/review.js';
import { isGenerated, longestLine } from '../core/sources.js';
import type { AnalysisTask } from './worker.js';

export interface AnalysisPoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** How long one file may take on its thread, parse and rules (ms; 0: no deadline). */
  fileDeadlineMs?: number;
  /** Files with a longer line are not analysed (0: no cap). */
  maxLineLength?: number;
  /** Threads end after this long without work (ms; default: never, for a service). */
  idleTimeoutMs?: number;
}

/** The pool's answer for a set of files: the analyses by path, and the files it could not analyse. */
export interface PoolAnalyses {
  analyses: Map<string, FileAnalysis>;
  notReviewed: SkippedFile[];
}

export type FileOutcome = { analysis: FileAnalysis } | { reason: string };

/** What a review needs from the pool (tests may give another). */
export interface FileAnalyser {
  analyse(files: readonly ChangedFile[], config: Config): Promise<PoolAnalyses>;
}

export function defaultThreads(): number {
  return availableParallelism();
}

function workerFile(): URL {
  // From source the modules are .ts, loaded by tsx; built, the worker is plain JavaScript.
  return import.meta.url.endsWith('.ts') ? new URL('./worker-tsx.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

export class AnalysisPool implements FileAnalyser {
  readonly threads: number;
  private readonly piscina: Piscina<AnalysisTask, FileAnalysis>;
  /** Hands a thread its file only when one is free, so a deadline counts running time, not waiting. */
  private readonly admission: PQueue;
  private readonly deadlineMs: number;
  private readonly maxLineLength: number;

  constructor(options: AnalysisPoolOptions = {}) {
    this.threads = Math.max(1, options.threads || defaultThreads());
    this.deadlineMs = options.fileDeadlineMs ?? 0;
    this.maxLineLength = options.maxLineLength ?? 0;
    this.piscina = new Piscina<AnalysisTask, FileAnalysis>({
      filename: workerFile().href,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: options.idleTimeoutMs ?? Number.POSITIVE_INFINITY,
    });
    this.admission = new PQueue({ concurrency: this.threads });
  }

  /** How many workers the pool has started (each terminated one is replaced). */
  get workersStarted(): number {
    return this.piscina.threads.length;
  }

  async analyse(files: readonly ChangedFile[], config: Config): Promise<PoolAnalyses> {
    const analyses = new Map<string, FileAnalysis>();
    const notReviewed: SkippedFile[] = [];
    await Promise.all(
      files.map(async (file) => {
        if (isGenerated(file.source)) return; // the review skips generated files itself
        const outcome = await this.analyseFile(file, config);
        if ('analysis' in outcome) analyses.set(file.path, outcome.analysis);
        else notReviewed.push({ path: file.path, reason: outcome.reason });
      }),
    );
    notReviewed.sort((a, b) => a.path.localeCompare(b.path));
    return { analyses, notReviewed };
  }

  /** One file's analysis, or why it was not analysed (a line over the cap, the deadline, a failure). */
  async analyseFile(file: ChangedFile, config: Config): Promise<FileOutcome> {
    if (this.maxLineLength > 0) {
      const longest = longestLine(file.source);
      if (longest > this.maxLineLength) return { reason: `a line of ${longest} characters, over the ${this.maxLineLength}-character cap (minified or generated code)` };
    }
    return this.admission.add(() => this.run({ path: file.path, source: file.source, goVersion: file.goVersion, config }));
  }

  private async run(task: AnalysisTask): Promise<FileOutcome> {
    if (this.deadlineMs <= 0) return this.settle(this.piscina.run(task), false);
    // The clock starts when the thread takes the file (it says so on a port of the task's own),
    // not while a replaced thread is still loading the parser and the rules.
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort(), this.deadlineMs);
    });
    try {
      return await this.settle(this.piscina.run({ ...task, started: port2 }, { signal: controller.signal, transferList: [port2] }), true);
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  private async settle(running: Promise<FileAnalysis>, timed: boolean): Promise<FileOutcome> {
    try {
      return { analysis: await running };
    } catch (error) {
      if (timed && (error as Error)?.name === 'AbortError') return { reason: `parsing and analysis took longer than the ${seconds(this.deadlineMs)} deadline per file` };
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { reason: `the analysis failed: ${message}` };
    }
  }

  /** Ends the threads (a running file is abandoned). */
  async close(): Promise<void> {
    this.admission.clear();
    await this.piscina.destroy();
  }
}
