/**
 * The in-process job queue behind the webhook handler: webhooks are answered at once and the
 * review runs here. At most `concurrency` jobs run together; jobs for one key (a pull
 * request) never overlap, and while one runs only the newest waiting job for that key is
 * kept: the newest push wins.
 */
import PQueue from 'p-queue';

type Job = () => Promise<void>;

interface Waiting {
  job: Job;
  priority: number;
  /** What the job is for (the head commit of a push), if known. */
  tag?: string;
  /** Called when a newer job for the same key replaces this one before it ran. */
  onDropped?: () => void;
}

export class ReviewQueue {
  private readonly queue: PQueue;
  private readonly running = new Set<string>();
  private readonly waiting = new Map<string, Waiting>();
  private closed = false;

  constructor(
    concurrency: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  /**
   * Schedules a job; returns false when the queue is shutting down. Among jobs waiting for a
   * free slot, a higher `priority` starts first.
   */
  enqueue(key: string, job: Job, onDropped?: () => void, tag?: string, priority = 0): boolean {
    if (this.closed) return false;
    if (this.running.has(key)) {
      this.waiting.get(key)?.onDropped?.(); // the newer job replaces an older waiting one
      this.waiting.set(key, { job, onDropped, tag, priority });
      return true;
    }
    this.start(key, job, priority);
    return true;
  }

  private start(key: string, job: Job, priority: number): void {
    this.running.add(key);
    void this.queue.add(async () => {
      try {
        await job();
      } catch (error) {
        this.onError(key, error);
      } finally {
        this.running.delete(key);
        const next = this.waiting.get(key);
        if (next) {
          this.waiting.delete(key);
          if (!this.closed) this.start(key, next.job, next.priority);
          else next.onDropped?.();
        }
      }
    }, { priority });
  }

  /** The tag of the job waiting for `key`, if one waits. */
  waitingTag(key: string): string | undefined {
    return this.waiting.get(key)?.tag;
  }

  get size(): number {
    return this.running.size + this.waiting.size;
  }

  /** Resolves when nothing is queued or running. */
  async onIdle(): Promise<void> {
    while (this.size > 0 || this.queue.size > 0 || this.queue.pending > 0) await this.queue.onIdle();
  }

  /**
   * Stops taking work, drops jobs not yet started, and waits up to `timeoutMs` for running
   * ones. Resolves true when everything finished in time.
   */
  async close(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    for (const w of this.waiting.values()) w.onDropped?.();
    this.waiting.clear();
    this.queue.clear();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = await Promise.race([this.queue.onIdle().then(() => true as const), timeout]);
    clearTimeout(timer);
    return done;
  }
}
