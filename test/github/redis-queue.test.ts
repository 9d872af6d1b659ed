/** The BullMQ queue against a real redis-server started for this suite. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueueUnavailableError } from '../../src/github/queue/job-queue.js';
import { RedisReviewQueue, type RedisQueueOptions } from '../../src/github/queue/redis-queue.js';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { job, queueContract, recorder, silent, sleep, until } from './queue-contract.js';


let redis: RedisServer;
let prefixCount = 0;
const open: RedisReviewQueue[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close(2000)));
});

async function makeQueue(overrides: Partial<RedisQueueOptions> = {}, prefix = `t${++prefixCount}`): Promise<RedisReviewQueue> {
  const q = await RedisReviewQueue.connect({
    url: redis.url,
    prefix,
    concurrency: 2,
    attempts: 3,
    backoffMs: 50,
    deliveryTtlSeconds: 60,
    lockMs: 1000,
    log: silent,
    ...overrides,
  });
  open.push(q);
  return q;
}

queueContract('RedisReviewQueue', (o) => makeQueue(o));

describe('RedisReviewQueue', () => {
  it('takes a job again when the process running it died (stalled-job recovery)', async () => {
    const prefix = `stall${Date.now()}`;
    const first = await makeQueue({ lockMs: 800 }, prefix);
    const hung = recorder(() => new Promise<void>(() => undefined)); // never finishes, like a killed process
    first.work(hung);
    await first.submit(job(5));
    await until(() => hung.runs.length === 1);
    // The "crash": the worker stops renewing its lock, without finishing or failing the job.
    await (first as any).worker.close(true);
    const second = await makeQueue({ lockMs: 800 }, prefix);
    const r = recorder();
    second.work(r);
    await until(() => r.runs.length === 1, 15_000);
    expect(r.runs[0]!.job.pull).toBe(5);
    expect(r.runs[0]!.attempt.recovered).toBe(true);
  });

  it('on close lets the running job finish and leaves waiting ones in Redis for the next process', async () => {
    const prefix = `close${Date.now()}`;
    const first = await makeQueue({ concurrency: 1 }, prefix);
    const r1 = recorder(() => sleep(400));
    first.work(r1);
    for (let n = 10; n < 15; n++) await first.submit(job(n));
    await until(() => r1.runs.length === 1);
    expect(await first.close(5000)).toBe(true);
    expect(r1.runs).toHaveLength(1);
    const second = await makeQueue({ concurrency: 4 }, prefix);
    expect((await second.stats()).waiting).toBe(4);
    const r2 = recorder();
    second.work(r2);
    await until(() => r2.runs.length === 4);
    expect(new Set([...r1.runs, ...r2.runs].map((x) => x.job.pull)).size).toBe(5);
  });

  it('reports depth and the oldest waiting job', async () => {
    const q = await makeQueue();
    await q.submit(job(20));
    await q.submit(job(21));
    await sleep(50);
    const stats = await q.stats();
    expect(stats).toMatchObject({ waiting: 2, active: 0 });
    expect(stats.oldestWaitingSeconds).toBeGreaterThan(0);
  });
});

describe('RedisReviewQueue when Redis is down or unfit', () => {
  it('fails fast while Redis is unreachable, without recording the delivery; the redelivery is taken later', async () => {
    const own = await startRedis();
    try {
      const q = await RedisReviewQueue.connect({ url: own.url, concurrency: 1, attempts: 2, backoffMs: 10, deliveryTtlSeconds: 60, lockMs: 1000, log: silent });
      open.push(q);
      expect(await q.ready()).toBe(true);
      await own.kill();
      await sleep(100);
      const j = job(30);
      const started = Date.now();
      await expect(q.submit(j)).rejects.toBeInstanceOf(QueueUnavailableError);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(await q.ready()).toBe(false);
      await own.restart();
      await until(() => q.ready(), 10_000);
      expect(await q.submit(j)).toBe('queued');
      expect(await q.submit(j)).toBe('duplicate');
    } finally {
      await own.stop();
    }
  });

  it('refuses to start when Redis may evict keys', async () => {
    const evicting = await startRedis(['--maxmemory', '100mb', '--maxmemory-policy', 'allkeys-lru']);
    try {
      await expect(
        RedisReviewQueue.connect({ url: evicting.url, concurrency: 1, attempts: 1, backoffMs: 10, deliveryTtlSeconds: 60, lockMs: 1000, log: silent }),
      ).rejects.toThrow(/maxmemory-policy is "allkeys-lru"/);
    } finally {
      await evicting.stop();
    }
  });

  it('stores the delivery id with its TTL', async () => {
    const q = await makeQueue({ deliveryTtlSeconds: 120 }, 'ttl');
    await q.submit(job(40, { deliveryId: 'guid-40' }));
    const client = new Redis(redis.url);
    try {
      const ttl = await client.ttl('ttl:delivery:guid-40');
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    } finally {
      client.disconnect();
    }
  });
});
