/** The embedded queue: the same contract as the Redis one, in the process. */
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/github/queue/in-process-queue.js';
import { QueueUnavailableError } from '../../src/github/queue/job-queue.js';
import { job, queueContract, recorder, silent, sleep } from './queue-contract.js';

const open: InProcessQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close(1000)));
});

function make(o: { attempts?: number; concurrency?: number } = {}): Promise<InProcessQueue> {
  const q = new InProcessQueue({ concurrency: o.concurrency ?? 2, attempts: o.attempts ?? 3, backoffMs: 50, log: silent });
  open.push(q);
  return Promise.resolve(q);
}

queueContract('InProcessQueue', make);

describe('InProcessQueue', () => {
  it('tells a running job which newer head waits, and refuses work once closing', async () => {
    const q = await make();
    const seen: Array<string | undefined> = [];
    const r = recorder(async (_j, a) => {
      await sleep(100);
      seen.push(a.superseded());
    });
    q.work(r);
    await q.submit(job(1, { headSha: 'aaa1' }));
    await sleep(20);
    await q.submit(job(1, { headSha: 'bbb2' }));
    expect((await q.stats()).waiting).toBe(1);
    await q.onIdle();
    expect(seen).toEqual(['bbb2', undefined]);
    expect(await q.close(100)).toBe(true);
    await expect(q.submit(job(2))).rejects.toBeInstanceOf(QueueUnavailableError);
    expect(await q.ready()).toBe(false);
  });
});
