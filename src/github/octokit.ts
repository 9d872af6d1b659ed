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

/**
 * A failed request's error carries the request, body included: for a review that is code and
 * suggestions. The body stays readable but is made non-enumerable, so logging the error
 * (`log.warn({ err })`) never writes it.
 */
function unloggedBodies(octokit: { hook: { error(name: 'request', fn: (error: unknown) => never): void } }): void {
  octokit.hook.error('request', (error) => {
    const request = (error as { request?: Record<string, unknown> } | null)?.request;
    if (request && 'body' in request) Object.defineProperty(request, 'body', { value: request.body, enumerable: false, configurable: true, writable: true });
    throw error;
  });
}

export const GoStandardsOctokit = ProbotOctokit.plugin(unloggedBodies as never).defaults((options: Options) => ({
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
