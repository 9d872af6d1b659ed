// Running from source (tsx): worker threads do not inherit tsx's loader on Node 20, so the
// worker registers it, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
export const review = worker.review;
