import { describe, expect, it } from 'vitest';
import { ReviewQueue } from '../../src/github/review-queue.js';

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('ReviewQueue', () => {
  it('never overlaps jobs of one pull request, and only the newest waiting job runs', async () => {
    const queue = new ReviewQueue(4, () => {});
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const job = (name: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`start ${name}`);
      await tick(20);
      log.push(`end ${name}`);
      running--;
    };
    const dropped: string[] = [];
    queue.enqueue('pr#1', job('a'));
    queue.enqueue('pr#1', job('b'), () => dropped.push('b'));
    queue.enqueue('pr#1', job('c'));
    await queue.onIdle();
    expect(log).toEqual(['start a', 'end a', 'start c', 'end c']);
    expect(dropped).toEqual(['b']);
    expect(maxRunning).toBe(1);
  });

  it('runs different pull requests side by side up to the limit', async () => {
    const queue = new ReviewQueue(2, () => {});
    let running = 0;
    let maxRunning = 0;
    const job = async (): Promise<void> => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick(20);
      running--;
    };
    for (let i = 0; i < 5; i++) queue.enqueue(`pr#${i}`, job);
    await queue.onIdle();
    expect(maxRunning).toBe(2);
  });

  it('reports a failing job and goes on', async () => {
    const errors: string[] = [];
    const queue = new ReviewQueue(1, (key) => errors.push(key));
    let ran = false;
    queue.enqueue('pr#1', async () => {
      throw new Error('boom');
    });
    queue.enqueue('pr#2', async () => {
      ran = true;
    });
    await queue.onIdle();
    expect(errors).toEqual(['pr#1']);
    expect(ran).toBe(true);
  });

  it('on close stops taking work and waits for running jobs within the timeout', async () => {
    const queue = new ReviewQueue(1, () => {});
    let finished = false;
    queue.enqueue('pr#1', async () => {
      await tick(30);
      finished = true;
    });
    expect(await queue.close(1000)).toBe(true);
    expect(finished).toBe(true);
    expect(queue.enqueue('pr#2', async () => {})).toBe(false);
    const slow = new ReviewQueue(1, () => {});
    slow.enqueue('pr#3', () => tick(500));
    expect(await slow.close(20)).toBe(false);
  });
});
