/**
 * A deadline for the analysis of one file, kept by the analysis itself: the parser stops at it
 * (tree-sitter's own timeout, so no native code is interrupted from outside), and the engine
 * checks it between rule calls. The analysis pool sets it on its threads; elsewhere there is none.
 */

/** Thrown when the file's deadline has passed: the file is not reviewed, nothing of it is kept. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('the analysis passed its deadline');
    this.name = 'DeadlineExceeded';
  }
}

let deadlineAt: number | undefined;

/** Runs `fn` with a deadline `ms` from now (none when `ms` is 0 or absent). */
export function withDeadline<T>(ms: number | undefined, fn: () => T): T {
  const outer = deadlineAt;
  deadlineAt = ms ? Date.now() + ms : undefined;
  try {
    return fn();
  } finally {
    deadlineAt = outer;
  }
}

/** Microseconds left before the deadline (undefined: none); throws once it has passed. */
export function timeLeftMicros(): number | undefined {
  if (deadlineAt === undefined) return undefined;
  const left = deadlineAt - Date.now();
  if (left <= 0) throw new DeadlineExceeded();
  return left * 1000;
}

/** Throws once the deadline has passed. */
export function checkDeadline(): void {
  if (deadlineAt !== undefined && Date.now() > deadlineAt) throw new DeadlineExceeded();
}
