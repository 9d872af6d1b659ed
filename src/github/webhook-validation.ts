/**
 * What a webhook payload must hold before any handler sees it. Signed payloads can still be
 * unusable (a GitHub change, a hand-made redelivery, a bug upstream): each event the app
 * handles is checked here against the fields its handler reads, so a bad one is answered with a
 * short reason instead of failing deep inside a handler.
 */
import { z } from 'zod';

const account = z.object({ login: z.string().min(1) });
const repository = z
  .object({
    name: z.string().min(1),
    full_name: z.string().min(1),
    owner: account,
  });
const installation = z.object({ id: z.number().int().positive() });
const sha = z.string().regex(/^[0-9a-f]{7,64}$/i, 'expected a commit SHA');
const user = z.object({ login: z.string(), type: z.string().optional() });

const repositoryEvent = { installation, repository };

const SCHEMAS = {
  pull_request: z
    .object({
      ...repositoryEvent,
      action: z.string(),
      pull_request: z
        .object({
          number: z.number().int().positive(),
          state: z.string(),
          draft: z.boolean().optional().nullable(),
          head: z.object({ sha }),
          base: z.object({ sha }),
        }),
    }),
  issue_comment: z
    .object({
      ...repositoryEvent,
      action: z.string(),
      issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
      comment: z.object({ id: z.number().int().positive(), body: z.string().nullable().optional(), user: user.nullable() }),
      sender: user,
    }),
  check_run: z
    .object({
      ...repositoryEvent,
      action: z.string(),
      check_run: z
        .object({
          name: z.string(),
          head_sha: sha,
          pull_requests: z.array(z.object({ number: z.number().int().positive() })),
        }),
    }),
  installation: z.object({ action: z.string(), installation: installation.extend({ account: z.unknown() }) }),
  installation_repositories: z
    .object({
      action: z.string(),
      installation: installation.extend({ account: z.unknown() }),
      repositories_added: z.array(z.object({ full_name: z.string() })),
      repositories_removed: z.array(z.object({ full_name: z.string() })),
    }),
} as const;

export type HandledEvent = keyof typeof SCHEMAS;

export type WebhookVerdict =
  /** Hand it to the handlers. */
  | { kind: 'accept'; event: HandledEvent; payload: Record<string, unknown> }
  /** Fine, but nothing to do (answered 2xx). */
  | { kind: 'ignore'; reason: string }
  /** Unusable (answered 400 with the reason). */
  | { kind: 'reject'; reason: string };

/** Events answered 2xx without a look (GitHub sends `ping` when the hook is set up). */
const QUIET_EVENTS = new Set(['ping']);

/**
 * Checks a parsed payload for `event`. Events the app does not handle are ignored; a handled
 * event without an installation is ignored (the app can only act as an installation); one whose
 * fields do not fit is rejected with the first problem, by path. The payload itself is handed on
 * unchanged (the schemas check; they do not strip).
 */
export function validateWebhook(event: string, payload: unknown): WebhookVerdict {
  if (QUIET_EVENTS.has(event)) return { kind: 'ignore', reason: `${event} event` };
  if (!(event in SCHEMAS)) return { kind: 'ignore', reason: `the app does not handle ${event} events` };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { kind: 'reject', reason: 'the payload is not a JSON object' };
  const record = payload as Record<string, unknown>;
  if (record.installation === undefined || record.installation === null) {
    return { kind: 'ignore', reason: `${event} without an installation: the app acts only for installations` };
  }
  const result = SCHEMAS[event as HandledEvent].safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
    return { kind: 'reject', reason: `invalid ${event} payload: ${where}: ${issue.message}` };
  }
  return { kind: 'accept', event: event as HandledEvent, payload: record };
}
