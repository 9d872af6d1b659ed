/**
 * How the service runs (environment variables, each with a default): the process's role, the
 * queue, retries, recovery, limits. A value that does not parse stops the start with a message
 * naming the variable.
 */
import { z } from 'zod';

const int = (fallback: number, min = 0) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        ctx.addIssue({ code: 'custom', message: `expected an integer ≥ ${min}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const schema = z.object({
  GO_STANDARDS_ROLE: z
    .enum(['all', 'web', 'worker'])
    .optional()
    .transform((v) => v ?? 'all'),
  PORT: int(3000),
  HOST: z.string().optional(),
  METRICS_PORT: int(0),
  WEBHOOK_PATH: z.string().optional(),
  REDIS_URL: z.string().optional(),
  GO_STANDARDS_MAX_BODY_BYTES: int(25 * 1024 * 1024, 1024),
  GO_STANDARDS_CONCURRENCY: int(4, 1),
  GO_STANDARDS_JOB_ATTEMPTS: int(5, 1),
  GO_STANDARDS_RETRY_BACKOFF_MS: int(10_000),
  GO_STANDARDS_JOB_LOCK_MS: int(30_000, 1000),
  GO_STANDARDS_DELIVERY_TTL_SECONDS: int(7 * 24 * 3600, 60),
  SHUTDOWN_TIMEOUT_MS: int(25_000),
  GO_STANDARDS_RECOVERY_WINDOW_HOURS: int(24, 0),
  GO_STANDARDS_RECOVERY_INTERVAL_MS: int(10 * 60_000, 0),
});

/** Every variable the service reads (each documented in the README and .env.example). */
export const SERVICE_ENV_VARS = Object.keys(schema.shape);

export type Role = 'all' | 'web' | 'worker';

export interface ServiceSettings {
  role: Role;
  port: number;
  host: string;
  /** A port of its own for `/metrics` (health is served there too); 0: the webhook port. */
  metricsPort: number;
  webhookPath: string;
  redisUrl?: string;
  maxBodyBytes: number;
  concurrency: number;
  attempts: number;
  backoffMs: number;
  lockMs: number;
  deliveryTtlSeconds: number;
  shutdownTimeoutMs: number;
  /** How far back recovery reads GitHub's delivery log (0: no recovery). */
  recoveryWindowHours: number;
  /** How often recovery runs after the start (0: only at the start). */
  recoveryIntervalMs: number;
}

export function serviceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid settings: ${problems}`);
  }
  const e = parsed.data;
  const settings: ServiceSettings = {
    role: e.GO_STANDARDS_ROLE,
    port: e.PORT,
    host: e.HOST || 'localhost',
    metricsPort: e.METRICS_PORT,
    webhookPath: e.WEBHOOK_PATH || '/api/github/webhooks',
    redisUrl: e.REDIS_URL || undefined,
    maxBodyBytes: e.GO_STANDARDS_MAX_BODY_BYTES,
    concurrency: e.GO_STANDARDS_CONCURRENCY,
    attempts: e.GO_STANDARDS_JOB_ATTEMPTS,
    backoffMs: e.GO_STANDARDS_RETRY_BACKOFF_MS,
    lockMs: e.GO_STANDARDS_JOB_LOCK_MS,
    deliveryTtlSeconds: e.GO_STANDARDS_DELIVERY_TTL_SECONDS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    recoveryWindowHours: e.GO_STANDARDS_RECOVERY_WINDOW_HOURS,
    recoveryIntervalMs: e.GO_STANDARDS_RECOVERY_INTERVAL_MS,
  };
  if (settings.role !== 'all' && !settings.redisUrl) {
    throw new Error(`invalid settings: GO_STANDARDS_ROLE=${settings.role} needs REDIS_URL (web and worker processes share jobs through Redis)`);
  }
  return settings;
}
