/**
 * The deployment's settings (environment). What a repository may choose (scope, failOn, the
 * inline cap, the review event, the standard's URL) comes from its configuration instead.
 */
import { DEFAULT_DOCS_URL } from '../core/render/comment.js';

export interface ReviewSettings {
  /**
   * This app's bot user (`<app-slug>[bot]`, read from GitHub at start): only its comments and
   * summaries count as the bot's history. Unknown: any bot's do.
   */
  botLogin?: string;
  /** Files larger than this are not fetched or analysed. */
  maxFileBytes: number;
  /** Where rule pages live: `<docsBaseUrl>/<rule-id>.md`. */
  docsBaseUrl: string;
  standardUrl?: string;
  /** How many files are fetched from GitHub at once (contents API). */
  fetchConcurrency: number;
  /** Fetch head versions 50 per GraphQL request (falling back to REST), or one REST call each. */
  contentsVia: 'graphql' | 'rest';
  /** A review still running after this long shows its check run as in progress (0: at once). */
  checkInProgressAfterMs: number;
}


export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ReviewSettings {
  const maxFileBytes = Number(env.GO_STANDARDS_MAX_FILE_BYTES);
  const inProgressAfter = Number(env.GO_STANDARDS_CHECK_IN_PROGRESS_MS);
  return {
    maxFileBytes: Number.isFinite(maxFileBytes) && maxFileBytes > 0 ? maxFileBytes : 1024 * 1024,
    docsBaseUrl: env.GO_STANDARDS_DOCS_URL || DEFAULT_DOCS_URL,
    standardUrl: env.GO_STANDARDS_STANDARD_URL || undefined,
    fetchConcurrency: 4,
    contentsVia: env.GO_STANDARDS_CONTENTS_VIA === 'rest' ? 'rest' : 'graphql',
    checkInProgressAfterMs: env.GO_STANDARDS_CHECK_IN_PROGRESS_MS && Number.isFinite(inProgressAfter) && inProgressAfter >= 0 ? inProgressAfter : 3000,
  };
}
