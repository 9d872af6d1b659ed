/**
 * The analysis pool, one for the process, used by the app and the CLI: files are analysed on
 * worker threads (piscina), so the thread that answers webhooks stays free while a large file
 * is parsed. A file gets a deadline from the moment a thread takes it, which the thread keeps
 * itself (src/core/deadline.ts); past it the file is reported as not reviewed, with the reason.
 * Only a thread still busy well past it is ended (piscina aborts a task by ending its worker,
 * and starts a new one): ending one inside the parser's native code can abort the process.
 * For the same reason threads get no heap cap. Files with a line longer than the cap (minified
 * or generated code) are not analysed at all. The results go to `reviewChange` as analyses made
 * elsewhere, and that review (reading the diffs, planning, rendering: for a large file,
 * thousands of findings) runs on a thread of the pool as well.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { Config } from '../core/config.js';
import type { FileAnalysis } from '../core/engine.js';
import type { SkippedFile } from '../core/review-plan.js';
import type { ChangedFile, ChangeInput, ChangeReview, PriorComment, ReviewContext } from '../core/review.js';
import { isGenerated, longestLine } from '../core/sources.js';
import type { AnalysisResult, AnalysisTask, ReviewTask } from './worker.js';

export interface AnalysisPoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** How long one file may take on its thread, parse and rules (ms; 0: no deadline). */
  fileDeadlineMs?: number;
  /** Files with a longer line are not analysed (0: no cap). */
  maxLineLength?: number;
  /** Threads end after this long without work (ms; default: never, for a service). */
  idleTimeoutMs?: number;
  /**
   * The threads' nice value (0 to 19; default 0). A service sets it above 0 so that its webhook
   * thread, and any web process on the same host, win the CPU over analyses.
   */
  niceness?: number;
  /** Hears a thread that failed with no file on it (it is replaced; nothing is lost). */
  onThreadError?: (error: unknown) => void;
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
  /** Reviews the change on a thread of the pool, with the full registry (absent: the caller reviews it). */
  review?<C extends PriorComment>(change: ChangeInput<C>, context: Omit<ReviewContext, 'rules'>): Promise<ChangeReview<C>>;
}

export function defaultThreads(): number {
  return availableParallelism();
}

function workerFile(): URL {
  // From source the modules are .ts, loaded by tsx; built, the worker is plain JavaScript.
  return import.meta.url.endsWith('.ts') ? new URL('./worker-tsx.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/** How long past the deadline (at least) a thread is given to stop by itself before it is ended. */
const LAST_RESORT_GRACE_MS = 2000;

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

export class AnalysisPool implements FileAnalyser {
  readonly threads: number;
  private readonly piscina: Piscina<AnalysisTask | ReviewTask, unknown>;
  /** Hands a thread its file only when one is free, so a deadline counts running time, not waiting. */
  private readonly admission: PQueue;
  private readonly deadlineMs: number;
  private readonly maxLineLength: number;
  private readonly niceness: number | undefined;

  constructor(options: AnalysisPoolOptions = {}) {
    this.threads = Math.max(1, options.threads || defaultThreads());
    this.deadlineMs = options.fileDeadlineMs ?? 0;
    this.maxLineLength = options.maxLineLength ?? 0;
    this.niceness = options.niceness;
    this.piscina = new Piscina<AnalysisTask | ReviewTask, unknown>({
      filename: workerFile().href,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: options.idleTimeoutMs ?? Number.POSITIVE_INFINITY,
    });
    this.piscina.on('workerCreate', () => this.created++);
    // Unheard, such an 'error' event would end the process.
    this.piscina.on('error', (error: unknown) => options.onThreadError?.(error));
    this.admission = new PQueue({ concurrency: this.threads });
  }

  private created = 0;

  /** How many threads the pool has started (a thread ended at the last resort is replaced). */
  get threadsStarted(): number {
    return this.created;
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
    return this.admission.add(() => this.run({ path: file.path, source: file.source, goVersion: file.goVersion, config, niceness: this.niceness }));
  }

  private async run(task: AnalysisTask): Promise<FileOutcome> {
    if (this.deadlineMs <= 0) return this.settle(this.piscina.run(task) as Promise<AnalysisResult>);
    // The thread keeps the deadline itself (the parser's timeout, the engine's checks) from the
    // moment it takes the file. Ending the thread is the last resort, for a rule stuck past it
    // well beyond; its clock starts when the thread says it has the file (on a port of the
    // task's own), not while a replaced thread is still loading the parser and the rules.
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort(), this.deadlineMs + Math.max(this.deadlineMs, LAST_RESORT_GRACE_MS));
    });
    try {
      const running = this.piscina.run({ ...task, deadlineMs: this.deadlineMs, started: port2 }, { signal: controller.signal, transferList: [port2] });
      return await this.settle(running as Promise<AnalysisResult>);
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  private async settle(running: Promise<AnalysisResult>): Promise<FileOutcome> {
    const pastDeadline = { reason: `parsing and analysis took longer than the ${seconds(this.deadlineMs)} deadline per file` };
    try {
      const result = await running;
      return 'passedDeadline' in result ? pastDeadline : { analysis: result };
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return pastDeadline;
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { reason: `the analysis failed: ${message}` };
    }
  }

  /** The change's review (diffs, plan, rendering) on a thread of the pool, with the analyses made there. */
  review<C extends PriorComment>(change: ChangeInput<C>, context: Omit<ReviewContext, 'rules'>): Promise<ChangeReview<C>> {
    const task: ReviewTask<C> = { change, context, niceness: this.niceness };
    return this.piscina.run(task as ReviewTask, { name: 'review' }) as Promise<ChangeReview<C>>;
  }

  /** Ends the threads (a running file is abandoned). */
  async close(): Promise<void> {
    this.admission.clear();
    await this.piscina.destroy();
  }
}
