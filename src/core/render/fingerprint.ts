import { createHash } from 'node:crypto';
import type { Finding } from '../model.js';

/**
 * A fingerprint that survives lines shifting: rule, path and the normalised code of the
 * flagged node, plus an ordinal for identical code repeated in one file.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.rule}\u0000${f.path}\u0000${f.anchor}`;
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return createHash('sha256').update(`${key}\u0000${ordinal}`).digest('hex').slice(0, 16);
  });
}

const MARKER = /<!-- go-standards:(?<rule>[a-z0-9-]+):(?<fingerprint>[0-9a-f]{16}) -->/;

export function fingerprintMarker(rule: string, fingerprint: string): string {
  return `<!-- go-standards:${rule}:${fingerprint} -->`;
}

/** Reads the marker back from a comment body the bot wrote. */
export function readMarker(body: string): { rule: string; fingerprint: string } | null {
  const m = MARKER.exec(body);
  return m?.groups ? { rule: m.groups.rule!, fingerprint: m.groups.fingerprint! } : null;
}
