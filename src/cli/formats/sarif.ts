/**
 * SARIF 2.1.0 for code scanning (`github/codeql-action/upload-sarif`) and other SARIF readers:
 * the rules with their pages, results with regions relative to the repository root, the bot's
 * fingerprints, fixes, and files skipped or unparsable as tool execution notifications.
 */
import { pathToFileURL } from 'node:url';
import type { Fix, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../core/model.js';
import { isAdvisory, rootRelative, type CheckReport, type ReportedFinding } from '../format.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', notice: 'note' };
export const SRCROOT = '%SRCROOT%';
/** The key under which the bot's fingerprint is given; versioned, as the format asks. */
export const FINGERPRINT_KEY = 'goStandards/v1';
const INFORMATION_URI = 'https://github.com/go-standards-bot/go-standards-bot';

function artifact(report: CheckReport, path: string): { uri: string; uriBaseId?: string } {
  const rel = rootRelative(report, path);
  return rel.inside ? { uri: encodeURI(rel.path), uriBaseId: SRCROOT } : { uri: rel.path };
}

function fixOf(report: CheckReport, f: ReportedFinding): Fix | undefined {
  const fix = f.finding.fix;
  if (!fix) return undefined;
  // Whole lines replaced, as the suggestion is: an empty replacement takes the line breaks too.
  const deletedRegion =
    fix.replacement === ''
      ? { startLine: fix.line, startColumn: 1, endLine: fix.endLine + 1, endColumn: 1 }
      : { startLine: fix.line, endLine: fix.endLine };
  return {
    description: { text: `Apply the suggestion of ${f.json.rule}` },
    artifactChanges: [{ artifactLocation: artifact(report, f.json.path), replacements: [{ deletedRegion, insertedContent: { text: fix.replacement } }] }],
  };
}

export function formatSarif(report: CheckReport): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const rules: ReportingDescriptor[] = report.rules.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    helpUri: docsUrlFor(report, r.id),
    help: { text: `${r.description}\n\nThe standard: ${r.section}.` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { section: r.section, minGo: r.minGo, fixable: r.fixable, tags: ['go', 'performance'] },
  }));
  const results: Result[] = report.findings.map((f) => {
    const { json, finding } = f;
    const result: Result = {
      ruleId: json.rule,
      level: LEVEL[finding.severity],
      message: { text: json.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(report, json.path),
            region: { startLine: finding.span.startLine, startColumn: finding.span.startColumn, endLine: finding.span.endLine, endColumn: finding.span.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: { section: json.section, tier: finding.tier ?? 'comment' },
    };
    const index = ruleIndex.get(json.rule);
    if (index !== undefined) result.ruleIndex = index;
    // An advisory finding is listed for information, never counted against the change.
    if (isAdvisory(finding)) result.level = 'note';
    const fix = fixOf(report, f);
    if (fix) result.fixes = [fix];
    return result;
  });
  const notifications: Notification[] = [
    ...report.skipped.map((s) => notification(report, s.path, 'warning', `Not checked: ${s.reason}.`)),
    ...report.unparsable.map((path) => notification(report, path, 'warning', 'The file has syntax errors; it was checked as far as it parses.')),
    ...report.notes.map((n) => notification(report, n.path, 'note', n.message)),
  ];
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'go-standards', semanticVersion: report.version, version: report.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function notification(report: CheckReport, path: string, level: Notification.level, text: string): Notification {
  return { level, message: { text: `${path}: ${text}` }, locations: [{ physicalLocation: { artifactLocation: artifact(report, path) } }] };
}

function docsUrlFor(report: CheckReport, rule: string): string {
  return `${report.docsBaseUrl.replace(/\/+$/, '')}/${rule}.md`;
}
