/**
 * The hidden markers the bot writes into what it posts, and reads back on later runs. The
 * fingerprint marker of an inline comment lives with the fingerprint (`fingerprint.ts`).
 */

/** Starts every review summary the bot posts: how its earlier reviews are recognised. */
export const SUMMARY_MARKER = '<!-- go-standards:summary -->';

/** Marks the bot's one reply saying a finding was fixed. */
export const FIXED_MARKER = '<!-- go-standards:fixed -->';

/** Hidden list of the fingerprints a summary reports, so a later run does not list them again. */
export function listedMarker(fingerprintsListed: readonly string[]): string {
  return fingerprintsListed.length > 0 ? `<!-- go-standards:listed ${fingerprintsListed.join(' ')} -->` : '';
}

export function readListedMarker(body: string): string[] {
  const m = /<!-- go-standards:listed ([0-9a-f ]+) -->/.exec(body);
  return m ? m[1]!.trim().split(/\s+/) : [];
}

/** Marks one run's review, to find it after a failed request that GitHub carried out anyway. */
export function runMarker(runId: string): string {
  return `<!-- go-standards:run:${runId} -->`;
}
