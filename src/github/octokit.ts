/**
 * The production Octokit: Probot's, with throttling and retries on and bounded. Probot installs
 * its own throttle handlers, which only log secondary rate limits and never retry them; ours are
 * applied after Probot's options, so secondary limits are waited out too (`retry-after`, else
 * `x-ratelimit-reset`, as @octokit/plugin-throttling computes). Writes are spaced by the plugin's
 * write and notification groups, and 4xx other than rate limits are never retried.
 */
import { ProbotOctokit } from 'probot';

const MAX_RATE_LIMIT_RETRIES = 4;

type LimitHandler = (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: { log: { warn: (msg: string) => void } },
  retryCount: number,
) => boolean;

const onLimit =
  (kind: string): LimitHandler =>
  (retryAfter, options, octokit, retryCount) => {
    const retry = retryCount < MAX_RATE_LIMIT_RETRIES;
    octokit.log.warn(
      `${kind} rate limit on ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s` : 'giving up'} (attempt ${retryCount + 1})`,
    );
    return retry;
  };

type Options = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

export const GoStandardsOctokit = ProbotOctokit.defaults((options: Options) => ({
  ...options,
  throttle: {
    ...options.throttle,
    enabled: options.throttle?.enabled ?? true,
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
  },
  retry: {
    // 5xx and network errors are retried; rate-limit 403/429 belong to the throttler.
    doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    ...options.retry,
  },
})) as typeof ProbotOctokit;
