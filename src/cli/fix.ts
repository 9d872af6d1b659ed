/**
 * `--fix`: every safe suggestion applied in place (all of a file's non-overlapping ones), or
 * with `--dry-run` the unified diff printed instead. A fixed file must parse at least as well as
 * before, or it is left alone and said so.
 */
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { applyLineFixes } from '../core/fix.js';
import { countSyntaxErrors, parseGo } from '../core/go/parser.js';
import type { Finding, LineFix } from '../core/model.js';

/** A finding may carry related findings (other places of the same problem), each with its own fix. */
type WithRelated = Finding & { related?: readonly Finding[] };

export interface FixOutcome {
  /** Path → the fixed source, for files some fix changed. */
  fixed: Map<string, string>;
  /** The findings whose fix was applied. */
  applied: Set<Finding>;
  /** Files whose fixed version would not parse, left unchanged. */
  refused: string[];
}

/** The fixes of each finding (and of its related findings), grouped by file. */
function fixesByFile(findings: readonly Finding[]): Map<string, Array<{ finding: Finding; fix: LineFix }>> {
  const byFile = new Map<string, Array<{ finding: Finding; fix: LineFix }>>();
  const add = (owner: Finding, f: Finding): void => {
    if (!f.fix) return;
    const list = byFile.get(f.path) ?? [];
    list.push({ finding: owner, fix: f.fix });
    byFile.set(f.path, list);
  };
  for (const finding of findings) {
    add(finding, finding);
    for (const related of (finding as WithRelated).related ?? []) add(finding, related);
  }
  return byFile;
}

/** Applies the findings' fixes to the sources (nothing is written here). */
export function planFixes(findings: readonly Finding[], sources: ReadonlyMap<string, string>): FixOutcome {
  const fixed = new Map<string, string>();
  const applied = new Set<Finding>();
  const refused: string[] = [];
  for (const [path, entries] of fixesByFile(findings)) {
    const source = sources.get(path);
    if (source === undefined) continue;
    entries.sort((a, b) => a.fix.line - b.fix.line || a.fix.endLine - b.fix.endLine);
    // Non-overlapping: the first of overlapping fixes wins; the others wait for the next run.
    const kept: typeof entries = [];
    const blocked = new Set<Finding>();
    for (const entry of entries) {
      const prev = kept[kept.length - 1];
      if (prev && entry.fix.line <= prev.fix.endLine) blocked.add(entry.finding);
      else kept.push(entry);
    }
    // A finding is fixed only with all its parts; drop the parts of a blocked one.
    const chosen = kept.filter((e) => !blocked.has(e.finding));
    if (chosen.length === 0) continue;
    const next = applyLineFixes(source, chosen.map((e) => e.fix));
    if (next === source) continue;
    if (countSyntaxErrors(parseGo(next)) > countSyntaxErrors(parseGo(source))) {
      refused.push(path);
      continue;
    }
    fixed.set(path, next);
    for (const e of chosen) applied.add(e.finding);
  }
  return { fixed, applied, refused };
}

export function writeFixes(outcome: FixOutcome): void {
  for (const [path, source] of outcome.fixed) writeFileSync(path, source);
}

/** The fixes as one unified diff, `a/` and `b/` prefixed as git prints them. */
export function fixesDiff(outcome: FixOutcome, sources: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  for (const [path, next] of outcome.fixed) {
    out.push(`diff --git a/${path} b/${path}\n`, createTwoFilesPatch(`a/${path}`, `b/${path}`, sources.get(path)!, next, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '').replace(/^Index: .*\n/m, ''));
  }
  return out.join('');
}
