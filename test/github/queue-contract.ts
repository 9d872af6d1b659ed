/**
 * What every JobQueue does, run against each implementation (in the process, and on a real
 * redis-server): dedupe by delivery, one job per pull request with the newest waiting, retries
 * with backoff, giving up once.
 */
import { describe, expect, it } from 'vitest';
import type { JobAttempt, JobQueue, JobRunner } from '../../src/github/queue/job-queue.js';
import type { ReviewJob } from '../../src/github/queue/review-job.js';

export const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } } as any;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function job(pull: number, extra: Partial<ReviewJob> = {}): ReviewJob {
  return { installationId: 1, owner: 'o', repo: 'r', pull, reason: 'push', headSha: `sha${pull}`, deliveryId: `d-${pull}-${Math.random()}`, ...extra };
}

export interface Recorder extends JobRunner {
  runs: Array<{ job: ReviewJob; attempt: JobAttempt }>;
  gaveUpOn: Array<{ job: ReviewJob; error: unknown }>;
}

export function recorder(run: (job: ReviewJob, attempt: JobAttempt) => Promise<void> = async () => undefined): Recorder {
  const r: Recorder = {
    runs: [],
    gaveUpOn: [],
    async run(j, a) {
      r.runs.push({ job: j, attempt: a });
      await run(j, a);
    },
    async gaveUp(j, error) {
      r.gaveUpOn.push({ job: j, error });
    },
  };
  return r;
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}


/** `make` returns a fresh queue with attempts 3 (or `attempts`), backoff 50 ms, concurrency 2 (or `concurrency`). */
export function queueContract(name: string, make: (o?: { attempts?: number; concurrency?: number }) => Promise<JobQueue>): void {
  describe(`${name}: the JobQueue contract`, () => {
    it('runs a submitted job once and drops the same delivery when it comes again', async () => {
      const q = await make();
      const r = recorder();
      q.work(r);
      const j = job(1);
      expect(await q.submit(j)).toBe('queued');
      await until(() => r.runs.length === 1);
      expect(await q.submit(j)).toBe('duplicate');
      await sleep(300);
      expect(r.runs).toHaveLength(1);
      expect(r.runs[0]!.job).toMatchObject({ pull: 1, headSha: 'sha1' });
      expect(r.runs[0]!.attempt).toMatchObject({ number: 1, final: false, recovered: false });
    });

    it('runs one job per pull request at a time; pushes during a run leave one job, the newest', async () => {
      const q = await make({ concurrency: 4 });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const newer: boolean[] = [];
      const r = recorder(async (j, a) => {
        if (j.headSha === 'first') await gate;
        if (j.pull === 7) newer.push(await a.newerQueued());
      });
      q.work(r);
      await q.submit(job(7, { headSha: 'first' }));
      await until(() => r.runs.length === 1);
      for (const sha of ['second', 'third', 'fourth']) expect(await q.submit(job(7, { headSha: sha }))).toBe('queued');
      await q.submit(job(8, { headSha: 'other' })); // another pull request is not held up
      await until(() => r.runs.some((x) => x.job.pull === 8));
      await sleep(200);
      expect(r.runs.filter((x) => x.job.pull === 7)).toHaveLength(1);
      release();
      await until(() => r.runs.filter((x) => x.job.pull === 7).length === 2);
      await sleep(300);
      expect(r.runs.filter((x) => x.job.pull === 7).map((x) => x.job.headSha)).toEqual(['first', 'fourth']);
      expect(newer).toEqual([true, false]);
    });

    it('retries a transient failure with backoff, and gives up at once on a permanent one', async () => {
      const q = await make();
      const r = recorder(async (j, a) => {
        if (j.pull === 2 && a.number < 3) throw Object.assign(new Error('Bad gateway'), { status: 502 });
        if (j.pull === 3) throw Object.assign(new Error('Not Found'), { status: 404 });
      });
      q.work(r);
      await q.submit(job(2));
      await q.submit(job(3));
      await until(() => r.runs.filter((x) => x.job.pull === 2).length === 3 && r.gaveUpOn.length === 1);
      await sleep(300);
      const two = r.runs.filter((x) => x.job.pull === 2).map((x) => x.attempt);
      expect(two.map((a) => [a.number, a.final, a.recovered])).toEqual([
        [1, false, false],
        [2, false, true],
        [3, true, true],
      ]);
      expect(r.runs.filter((x) => x.job.pull === 3)).toHaveLength(1);
      expect(r.gaveUpOn.map((g) => g.job.pull)).toEqual([3]);
    });

    it('gives up after the last attempt and says so once', async () => {
      const q = await make({ attempts: 2 });
      const r = recorder(async () => {
        throw Object.assign(new Error('Service unavailable'), { status: 503 });
      });
      q.work(r);
      await q.submit(job(4));
      await until(() => r.gaveUpOn.length === 1);
      await sleep(300);
      expect(r.runs).toHaveLength(2);
      expect(r.gaveUpOn).toHaveLength(1);
    });

    it('shares the workers between installations: a burst from one does not hold another up', async () => {
      const q = await make({ concurrency: 1 });
      for (let n = 50; n < 56; n++) await q.submit(job(n, { installationId: 7 }));
      await q.submit(job(60, { installationId: 8 }));
      const r = recorder();
      q.work(r);
      await until(() => r.runs.length === 7);
      const order = r.runs.map((x) => x.job.installationId);
      expect(order.indexOf(8)).toBeLessThanOrEqual(1);
    });
  });
}
